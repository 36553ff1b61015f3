//! The scenario library, for trainers: a scenario fills in the answers.

use super::dialogs::Modal;
use super::moved;
use super::{Action, App, Screen, Status};
use crate::engine::{self, flow};

impl App<'_> {
    pub(super) fn on_scenarios(&mut self, cursor: usize, action: Action) {
        let last = self.content.scenarios.len().saturating_sub(1);
        if let Some(moved) = moved(cursor, last, &action) {
            return self.set_cursor(moved);
        }
        match action {
            Action::PageUp | Action::PageDown => self.page(action == Action::PageDown),
            Action::Pick(i) if i <= last => self.open_scenario(i),
            // A scenario's number opens it once the number is whole; "1" of
            // twelve waits on row 1 for a second digit (or Enter).
            Action::Digit(d) => {
                let count = self.content.scenarios.len();
                if let Some((row, whole)) = super::row_number(&mut self.row_entry, d, 1, count) {
                    self.set_cursor(row);
                    if whole {
                        self.open_scenario(row);
                    } else {
                        let n = row + 1;
                        self.status = Some(Status::RowPending(n, (n * 10 + 9).min(count)));
                    }
                }
            }
            Action::Next if cursor <= last => self.open_scenario(cursor),
            Action::Back => self.screen = Screen::Start { scroll: 0 },
            _ => {}
        }
    }

    /// Opens scenario `i`, asking first when answers would be lost.
    pub(super) fn open_scenario(&mut self, i: usize) {
        if self.unsaved() {
            self.modal = Some(Modal::Scenario(i));
        } else {
            self.load_scenario(i);
        }
    }

    /// A new meeting with the scenario's answers, on the summary: every
    /// asked question counted as answered, so the trainer can step through
    /// them or change one. The scenario's profile, if it names one,
    /// replaces the current one.
    pub(super) fn load_scenario(&mut self, i: usize) {
        let Some(scenario) = self.content.scenarios.get(i) else {
            return;
        };
        // The loader's analysis checks every scenario with this parser, so
        // loaded content never fails here; if it did, nothing changes.
        let Ok(answers) = engine::parse_answers(self.content, &scenario.file, &scenario.text)
        else {
            return;
        };
        self.restart();
        self.profile = answers.profile.unwrap_or(self.profile);
        self.values = answers.values;
        flow::normalise(self.content, &mut self.values);
        for q in self.asked() {
            self.visited[q] = true;
        }
        self.scenario = Some((i, self.profile, self.values.clone()));
        self.go_summary(None);
    }
}
