//! The dialogs over a screen: help, quit, restart, scenario, save.

use std::path::PathBuf;

use super::{Action, App, Effect, Status, page_of};
use crate::engine::{self, flow};
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
    /// Typing an answer code to open.
    Code(CodeForm),
}

/// The answer code dialog: what is typed, and why the last one failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeForm {
    pub text: String,
    pub error: Option<String>,
}

/// An answer code is short; a longer field is no code (and no paste may
/// grow without end).
const CODE_FIELD_MAX: usize = 64;

/// The file system's own limit for a name, in bytes.
const NAME_MAX: usize = 255;

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
            Modal::Code(form) => self.on_code(form, action),
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
        let edits = matches!(
            action,
            Action::Insert(_)
                | Action::Paste(_)
                | Action::Erase
                | Action::EraseForward
                | Action::ClearField
                | Action::SwitchKind
        );
        match action {
            Action::Close => return None,
            Action::Insert(c) if form.path.len() + c.len_utf8() <= NAME_MAX => {
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
            Action::Paste(text) => {
                // Pasted as typed, line breaks and other control characters
                // left out, up to what a file name may hold.
                let at = byte_index(&form.path, form.cursor);
                let room = NAME_MAX.saturating_sub(form.path.len());
                let mut added = String::new();
                for c in text.chars().filter(|c| !c.is_control()) {
                    if added.len() + c.len_utf8() > room {
                        break;
                    }
                    added.push(c);
                }
                form.cursor += added.chars().count();
                form.path.insert_str(at, &added);
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
        if edits {
            form.error = None;
        }
        self.modal = Some(Modal::Export(form));
        effect
    }

    /// The code dialog: typing, and opening the code's answers on their
    /// result, as `--code` does.
    pub(super) fn on_code(&mut self, mut form: CodeForm, action: Action) {
        match action {
            Action::Close => return,
            Action::Insert(c) if form.text.chars().count() < CODE_FIELD_MAX => {
                form.text.push(c);
            }
            Action::Paste(text) => {
                let room = CODE_FIELD_MAX.saturating_sub(form.text.chars().count());
                form.text
                    .extend(text.chars().filter(|c| !c.is_control()).take(room));
            }
            Action::Erase => {
                form.text.pop();
            }
            Action::ClearField => form.text.clear(),
            Action::Submit => match engine::code::decode(self.content, &form.text) {
                Ok((answers, profile)) => {
                    self.restart();
                    self.profile = profile;
                    self.values = answers.values;
                    flow::normalise(self.content, &mut self.values);
                    self.mark_asked_visited();
                    self.go_result();
                    return;
                }
                Err(e) => {
                    form.error = Some(e.dialog_message(self.lang));
                    self.modal = Some(Modal::Code(form));
                    return;
                }
            },
            _ => {}
        }
        form.error = None;
        self.modal = Some(Modal::Code(form));
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
