//! A question: its answer lines, choosing one, and going on or back.

use super::summary::Row;
use super::{Action, App, Screen, Status, moved};
use crate::content::{Answer, Content, QuestionKind};
use crate::engine::flow;

/// One line of a question's answer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Choosing it sets the answer.
    Set(Answer),
    /// Option `n` of a multi-select question, marked on or off.
    Toggle(usize),
    /// A multi-select question's explicit "none of these": no category
    /// is taken for granted, so "none" is chosen like any other answer.
    NoneOfThese,
}

/// Every answer line of question `q`, given the answers so far: the offered
/// options, then the content's "not stated" and "vet ej" where it has them.
pub fn choices(content: &Content, values: &[Answer], q: usize) -> Vec<Choice> {
    let question = &content.questions[q];
    let offered = flow::offered(content, values, q);
    let mut out: Vec<Choice> = match question.kind {
        QuestionKind::YesNo => vec![
            Choice::Set(Answer::Bool(true)),
            Choice::Set(Answer::Bool(false)),
        ],
        QuestionKind::Choice => offered
            .into_iter()
            .map(|i| Choice::Set(Answer::Choice(i)))
            .collect(),
        QuestionKind::Multi => offered
            .into_iter()
            .map(Choice::Toggle)
            .chain([Choice::NoneOfThese])
            .collect(),
    };
    if question.kind == QuestionKind::Choice && question.unanswered.is_some() {
        out.push(Choice::Set(Answer::Unanswered));
    }
    if question.unknown && question.kind != QuestionKind::Multi {
        out.push(Choice::Set(Answer::Unknown));
    }
    out
}

impl App<'_> {
    pub(super) fn on_question(&mut self, q: usize, cursor: Option<usize>, action: Action) {
        let choices = self.choices(q);
        let last = choices.len().saturating_sub(1);
        // From no highlight, Down goes to the first line and Up to the last.
        let from = cursor.unwrap_or(match action {
            Action::Up => last + 1,
            _ => 0,
        });
        let moved = match (cursor, &action) {
            (None, Action::Down) => Some(0),
            (None, Action::Up) => Some(last),
            _ => moved(from, last, &action),
        };
        if let Some(moved) = moved {
            self.status = None;
            return self.set_cursor(moved);
        }
        match action {
            Action::PageUp | Action::PageDown => self.page(action == Action::PageDown),
            Action::Back => self.back_from(q),
            Action::Pick(i) if i < choices.len() => self.choose(q, i, choices[i]),
            Action::Next => match cursor.and_then(|c| choices.get(c).map(|&x| (c, x))) {
                // On a multiple choice the way on is to mark or say none.
                None if self.content.questions[q].kind == QuestionKind::Multi => {
                    self.status = Some(Status::MarkOrNone)
                }
                None => self.status = Some(Status::ChooseFirst),
                Some((c, choice @ (Choice::Set(_) | Choice::NoneOfThese))) => {
                    self.choose(q, c, choice)
                }
                // On a marked option: the marks so far are the answer, once
                // something is marked or "none" was chosen before.
                Some((_, Choice::Toggle(_))) => {
                    if self.values[q] != Answer::Set(0) || self.visited[q] {
                        self.commit(q, self.values[q]);
                    } else {
                        self.status = Some(Status::MarkOrNone);
                    }
                }
            },
            Action::Toggle => match cursor.and_then(|c| choices.get(c).map(|&x| (c, x))) {
                Some((c, choice @ Choice::Toggle(_))) => self.choose(q, c, choice),
                // Space on "none of these" clears the marks; Enter takes it.
                Some((_, Choice::NoneOfThese)) => self.set_answer(q, Answer::Set(0)),
                _ => {}
            },
            _ => {}
        }
    }

    /// Choosing option line `i`: a single answer (or "none of these") is
    /// set and the wizard goes on; a multi-select option is marked on or
    /// off and the wizard stays.
    pub(super) fn choose(&mut self, q: usize, i: usize, choice: Choice) {
        self.status = None;
        match choice {
            Choice::Set(answer) => self.commit(q, answer),
            Choice::NoneOfThese => self.commit(q, Answer::Set(0)),
            Choice::Toggle(option) => {
                let bits = match self.values[q] {
                    Answer::Set(bits) => bits,
                    _ => 0,
                };
                self.set_answer(q, Answer::Set(bits ^ (1 << option)));
                self.set_cursor(i);
            }
        }
    }

    /// Sets one answer and normalises the rest, as the engine expects.
    pub(super) fn set_answer(&mut self, q: usize, answer: Answer) {
        let before = self.values.clone();
        self.values[q] = answer;
        flow::normalise(self.content, &mut self.values);
        if self.values != before {
            self.exported = false;
        }
        self.touched = true;
        let asked = self.asked();
        for (i, v) in self.visited.iter_mut().enumerate() {
            if !asked.contains(&i) {
                *v = false;
            }
        }
    }

    /// Answers `q` and goes to the next question that needs an answer.
    pub(super) fn commit(&mut self, q: usize, answer: Answer) {
        self.set_answer(q, answer);
        self.visited[q] = true;
        let asked = self.asked();
        let next = if self.editing {
            // From the summary: only questions the change made relevant.
            asked.iter().copied().find(|&n| !self.visited[n])
        } else {
            asked.iter().copied().find(|&n| n > q)
        };
        match next {
            // The outcome is decided whatever the rest: shown at once, the
            // rest still reachable from the summary.
            Some(_) if self.decided_early() => {
                if self.editing {
                    self.go_summary(Some(Row::Question(q)));
                } else {
                    self.go_result();
                }
            }
            Some(n) => self.go_question(n),
            None => self.go_summary(None),
        }
    }

    pub(super) fn back_from(&mut self, q: usize) {
        if self.editing {
            return self.go_summary(Some(Row::Question(q)));
        }
        let previous = self.asked().into_iter().rev().find(|&n| n < q);
        match previous {
            Some(p) => self.go_question(p),
            None => self.screen = Screen::Start { scroll: 0 },
        }
    }

    /// Opens question `q`: an answered one with its answer highlighted, an
    /// unanswered one with nothing highlighted.
    pub(super) fn go_question(&mut self, q: usize) {
        let current = self.values[q];
        let choices = self.choices(q);
        let cursor = if !self.visited[q] {
            None
        } else if current == Answer::Set(0) {
            choices.iter().position(|c| *c == Choice::NoneOfThese)
        } else {
            choices
                .iter()
                .position(|c| *c == Choice::Set(current))
                .or(Some(0))
        };
        self.screen = Screen::Question {
            q,
            cursor,
            scroll: 0,
        };
    }
}
