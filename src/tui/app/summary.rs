//! The check-your-answers page: one row per asked question.

use super::{Action, App, Screen, Status};

/// One line of the "check your answers" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Profile,
    Question(usize),
    ShowResult,
}

impl App<'_> {
    pub(super) fn on_summary(&mut self, cursor: usize, action: Action) {
        let rows = self.rows();
        let last = rows.len() - 1;
        let cursor = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (cursor + 1).min(last),
            Action::Home => 0,
            Action::End => last,
            Action::PageUp => cursor.saturating_sub(self.rows_per_page()),
            Action::PageDown => (cursor + self.rows_per_page()).min(last),
            Action::Pick(i) if i <= last => return self.activate(rows[i]),
            Action::Next => return self.activate(rows[cursor.min(last)]),
            Action::Back => {
                let last_question = self.asked().last().copied();
                return match last_question {
                    Some(q) => self.go_question(q),
                    None => self.screen = Screen::Start { scroll: 0 },
                };
            }
            Action::StartAgain => return self.ask_restart(),
            // A row number goes to the row; Enter then changes it.
            // Rows are numbered from 0 (the profile), so a question's row is
            // its step number.
            Action::Digit(d) => match super::row_number(&mut self.row_entry, d, 0, rows.len()) {
                Some((row, whole)) => {
                    if !whole {
                        self.status = Some(Status::RowPending(row, (row * 10 + 9).min(last)));
                    }
                    row
                }
                None => return,
            },
            _ => return,
        };
        self.set_cursor(cursor);
    }

    pub(super) fn activate(&mut self, row: Row) {
        match row {
            Row::Profile => {
                self.editing = true;
                self.screen = Screen::Start { scroll: 0 };
            }
            Row::Question(q) => {
                self.editing = true;
                self.go_question(q);
            }
            Row::ShowResult => match self.asked().into_iter().find(|&q| !self.visited[q]) {
                // Never a result on an answer nobody gave, unless the
                // answers given decide it whatever the rest.
                Some(_) if self.decided_early() => self.go_result(),
                Some(q) => {
                    self.editing = true;
                    self.go_question(q);
                    self.status = Some(Status::AnswerFirst);
                }
                None => self.go_result(),
            },
        }
    }

    pub(super) fn go_summary(&mut self, focus: Option<Row>) {
        self.editing = false;
        let rows = self.rows();
        let cursor = focus
            .and_then(|f| rows.iter().position(|r| *r == f))
            .unwrap_or(rows.len() - 1);
        self.screen = Screen::Summary { cursor, scroll: 0 };
    }

    /// The lines of the summary page.
    pub fn rows(&self) -> Vec<Row> {
        std::iter::once(Row::Profile)
            .chain(self.asked().into_iter().map(Row::Question))
            .chain(std::iter::once(Row::ShowResult))
            .collect()
    }
}
