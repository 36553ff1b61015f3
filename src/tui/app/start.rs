//! The start page: the profile, and the ways in (questions, scenarios).

use super::dialogs::{CodeForm, Modal};
use super::{Action, App, Screen};
use crate::tui::app::summary::Row;

impl App<'_> {
    pub(super) fn on_start(&mut self, action: Action) {
        let last = self.content.profiles.len().saturating_sub(1);
        let profile = match action {
            Action::Up => self.profile.saturating_sub(1),
            Action::Down => (self.profile + 1).min(last),
            Action::Home => 0,
            Action::End => last,
            Action::Pick(i) if i <= last => i,
            Action::PageUp | Action::PageDown => {
                self.page(action == Action::PageDown);
                return;
            }
            Action::Next if self.editing => return self.go_summary(Some(Row::Profile)),
            Action::Next => {
                let first = self.asked().first().copied();
                return match first {
                    Some(q) => self.go_question(q),
                    None => self.go_summary(None),
                };
            }
            Action::Back if self.editing => return self.go_summary(Some(Row::Profile)),
            Action::EnterCode if !self.editing && !self.unsaved() => {
                self.modal = Some(Modal::Code(CodeForm::default()));
                return;
            }
            Action::Scenarios if !self.editing && !self.content.scenarios.is_empty() => {
                let cursor = self.scenario.as_ref().map_or(0, |(i, ..)| *i);
                self.screen = Screen::Scenarios { cursor, scroll: 0 };
                return;
            }
            _ => return,
        };
        if profile != self.profile {
            self.profile = profile;
            self.exported = false;
        }
    }
}
