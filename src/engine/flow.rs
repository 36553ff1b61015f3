//! Which questions are asked and which options offered, given the answers
//! so far. The wizard and the plain mode both follow this, so they ask the
//! same questions; the content's `ask_when`/`offer_when` decide.

use crate::content::condition::Truth;
use crate::content::{Answer, Content, QuestionKind};

/// Whether question `q` is asked. A condition that depends on an unknown
/// answer counts as true: better to ask than to skip something that matters.
/// A question whose answer earlier answers imply is not asked.
pub fn is_asked(content: &Content, values: &[Answer], q: usize) -> bool {
    content.questions[q]
        .ask_when
        .as_ref()
        .is_none_or(|c| c.truth(values) != Truth::No)
        && implied(content, values, q).is_none()
}

/// The implication of the content that decides question `q`'s answer
/// from earlier answers, if one holds for certain.
pub fn implied(content: &Content, values: &[Answer], q: usize) -> Option<usize> {
    content.questions[q]
        .implied
        .iter()
        .position(|i| i.when.truth(values) == Truth::Yes)
}

/// The questions asked, in order.
pub fn asked(content: &Content, values: &[Answer]) -> Vec<usize> {
    (0..content.questions.len())
        .filter(|&q| is_asked(content, values, q))
        .collect()
}

/// The options of question `q` offered given the answers so far.
pub fn offered(content: &Content, values: &[Answer], q: usize) -> Vec<usize> {
    content.questions[q]
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.offer_when
                .as_ref()
                .is_none_or(|c| c.truth(values) != Truth::No)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Resets answers the current answers make irrelevant: a question no longer
/// asked, or a choice no longer offered, goes back to its default, so what
/// the summary shows is what the engine evaluates. Returns the questions it
/// reset.
pub fn normalise(content: &Content, values: &mut [Answer]) -> Vec<usize> {
    let mut reset = Vec::new();
    for q in 0..content.questions.len() {
        let question = &content.questions[q];
        let default = match implied(content, values, q) {
            Some(i) => question.implied[i].value,
            None => question.default,
        };
        let stale = if !is_asked(content, values, q) {
            values[q] != default
        } else {
            match (question.kind, values[q]) {
                (QuestionKind::Choice, Answer::Choice(i)) => {
                    !offered(content, values, q).contains(&i)
                }
                (QuestionKind::Multi, Answer::Set(bits)) => {
                    let allowed: u64 = offered(content, values, q).iter().map(|i| 1u64 << i).sum();
                    bits & !allowed != 0
                }
                _ => false,
            }
        };
        if stale {
            values[q] = default;
            reset.push(q);
        }
    }
    reset
}

/// Sets answers to questions the flow would not ask back to their
/// defaults, so an answer given out of context (`remote_board_members:
/// true` on an ordinary meeting) cannot sway a rule. Returns each question
/// reset with the answer it had. Conditions read only earlier questions,
/// so one pass in order suffices.
pub fn reset_unasked(content: &Content, values: &mut [Answer]) -> Vec<Reset> {
    let mut reset = Vec::new();
    for q in 0..content.questions.len() {
        let implication = implied(content, values, q);
        let value = match implication {
            Some(i) => content.questions[q].implied[i].value,
            None => content.questions[q].default,
        };
        if values[q] != value && !is_asked(content, values, q) {
            reset.push(Reset {
                question: q,
                given: values[q],
                implied: implication,
            });
            values[q] = value;
        }
    }
    reset
}

/// An answer the flow set aside: not asked for these answers, or
/// overruled by what earlier answers imply (`implied`, its index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reset {
    pub question: usize,
    pub given: Answer,
    pub implied: Option<usize>,
}
