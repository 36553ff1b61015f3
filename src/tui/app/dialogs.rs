//! The dialogs over a screen: help, quit, restart, scenario, save.

use std::path::PathBuf;

use super::{Action, App, Effect, Status, page_of};
use crate::report;
use crate::save::SaveError;
use crate::tui::export::{self, ExportKind};
use crate::tui::view;

/// A dialog over the screen; it takes the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    Help {
        scroll: usize,
    },
    Quit,
    Restart,
    /// Opening scenario `n` would replace unsaved answers.
    Scenario(usize),
    Export(ExportForm),
}

/// The save dialog: what to save and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub kind: ExportKind,
    pub path: String,
    /// In characters, not bytes.
    pub cursor: usize,
    /// Once the person types, switching contents keeps their name.
    pub edited: bool,
    /// The file exists: asking whether to overwrite it.
    pub exists: Option<PathBuf>,
    pub error: Option<FormError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    Empty,
    Save(SaveError),
}

fn byte_index(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

impl App<'_> {
    pub(super) fn on_modal(&mut self, modal: Modal, action: Action) -> Option<Effect> {
        match modal {
            Modal::Help { scroll } => {
                let page = view::help_pane(self).map_or(1, |p| page_of(p.area.height));
                let scroll = match action {
                    Action::Close | Action::Help => return None,
                    Action::Up => scroll.saturating_sub(1),
                    Action::Down => scroll + 1,
                    Action::PageUp => scroll.saturating_sub(page),
                    Action::PageDown => scroll + page,
                    Action::Home => 0,
                    Action::End => usize::MAX / 2,
                    Action::Scroll(n) => scroll.saturating_add_signed(isize::from(n)),
                    _ => scroll,
                };
                self.modal = Some(Modal::Help { scroll });
            }
            Modal::Quit => match action {
                Action::Yes | Action::Quit => self.quit = true,
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Quit),
            },
            Modal::Restart => match action {
                Action::Yes => self.restart(),
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Restart),
            },
            Modal::Scenario(i) => match action {
                Action::Yes => self.load_scenario(i),
                Action::No | Action::Close => {}
                _ => self.modal = Some(Modal::Scenario(i)),
            },
            Modal::Export(form) => return self.on_export(form, action),
        }
        None
    }

    pub(super) fn on_export(&mut self, mut form: ExportForm, action: Action) -> Option<Effect> {
        let mut effect = None;
        if form.exists.is_some() {
            match action {
                Action::Yes => effect = Some(self.save_effect(&form, true)),
                Action::No | Action::Close => form.exists = None,
                _ => {}
            }
            self.modal = Some(Modal::Export(form));
            return effect;
        }
        let len = form.path.chars().count();
        match action {
            Action::Close => return None,
            Action::Insert(c) => {
                let at = byte_index(&form.path, form.cursor);
                form.path.insert(at, c);
                form.cursor += 1;
                form.edited = true;
            }
            Action::Erase if form.cursor > 0 => {
                form.cursor -= 1;
                let at = byte_index(&form.path, form.cursor);
                form.path.remove(at);
                form.edited = true;
            }
            Action::EraseForward if form.cursor < len => {
                let at = byte_index(&form.path, form.cursor);
                form.path.remove(at);
                form.edited = true;
            }
            Action::ClearField => {
                form.path.clear();
                form.cursor = 0;
                form.edited = true;
            }
            Action::CursorLeft => form.cursor = form.cursor.saturating_sub(1),
            Action::CursorRight => form.cursor = (form.cursor + 1).min(len),
            Action::CursorHome => form.cursor = 0,
            Action::CursorEnd => form.cursor = len,
            Action::SwitchKind => {
                form.kind = form.kind.other();
                if !form.edited {
                    form.path = form.kind.default_name(self.strings()).to_owned();
                    form.cursor = form.path.chars().count();
                }
            }
            Action::Submit => {
                if form.path.trim().is_empty() {
                    form.error = Some(FormError::Empty);
                } else {
                    effect = Some(self.save_effect(&form, false));
                }
            }
            _ => {}
        }
        if matches!(
            action,
            Action::Insert(_)
                | Action::Erase
                | Action::EraseForward
                | Action::ClearField
                | Action::SwitchKind
        ) {
            form.error = None;
        }
        self.modal = Some(Modal::Export(form));
        effect
    }

    pub(super) fn save_effect(&self, form: &ExportForm, overwrite: bool) -> Effect {
        // The meeting's own result, never a trial shown on the page.
        let report = self.real_report();
        let text = match form.kind {
            ExportKind::Participants => export::participants_markdown(&report),
            ExportKind::Full => report::to_markdown(&report),
        };
        Effect::Save {
            base: self.save_dir.clone(),
            path: form.path.trim().to_owned(),
            default_name: form.kind.default_name(self.strings()),
            text,
            overwrite,
        }
    }

    pub(super) fn saved(&mut self, result: Result<PathBuf, SaveError>) {
        let Some(Modal::Export(mut form)) = self.modal.take() else {
            return;
        };
        match result {
            Ok(path) => {
                self.exported = true;
                self.status = Some(Status::Saved(path));
            }
            Err(SaveError::Exists(path)) => {
                form.exists = Some(path);
                form.error = None;
                self.modal = Some(Modal::Export(form));
            }
            Err(e) => {
                form.exists = None;
                form.error = Some(FormError::Save(e));
                self.modal = Some(Modal::Export(form));
            }
        }
    }

    pub(super) fn ask_quit(&mut self) {
        if self.unsaved() {
            self.modal = Some(Modal::Quit);
        } else {
            self.quit = true;
        }
    }

    pub(super) fn ask_restart(&mut self) {
        if self.unsaved() {
            self.modal = Some(Modal::Restart);
        } else {
            self.restart();
        }
    }
}
