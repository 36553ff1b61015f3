//! "What if": which single changed answer would change the platform or the
//! recording verdict, and to what; and the same answers under every profile.

use crate::content::{Answer, Content, QuestionKind};
use crate::engine::evaluate::summarise;
use crate::engine::flow;
use crate::engine::outcome::Summary;

/// One question whose different answer changes the decision. Alternatives
/// that lead to the same new decision are grouped (any one of the seven
/// sensitive categories, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    pub question: usize,
    /// The answer now given.
    pub from: Answer,
    /// The changed answers, each a full answer to the question.
    pub answers: Vec<Answer>,
    pub after: Summary,
}

/// The single-answer changes that change the platforms, whether a digital
/// meeting is allowed, or the recording verdict. Only questions the wizard
/// would ask and options it would offer are tried, and answers a change
/// makes irrelevant are reset, as in the wizard.
pub fn what_if(content: &Content, profile: usize, values: &[Answer]) -> Vec<WhatIf> {
    what_if_among(content, profile, values, &flow::asked(content, values))
}

/// [`what_if`] for changes to `questions` only: an early result tries the
/// answers given, not the questions still open (each trial of an open one
/// would again range over every value of the others).
pub fn what_if_among(
    content: &Content,
    profile: usize,
    values: &[Answer],
    questions: &[usize],
) -> Vec<WhatIf> {
    let before = summarise(content, profile, values);
    let mut out: Vec<WhatIf> = Vec::new();
    let asked = flow::asked(content, values);
    for q in asked.into_iter().filter(|q| questions.contains(q)) {
        for alt in alternatives(content, values, q) {
            let mut changed = values.to_vec();
            changed[q] = alt;
            flow::normalise(content, &mut changed);
            let after = summarise(content, profile, &changed);
            // Not recording at all is no news about the recording verdict.
            let only_drops_recording = after.recording_allowed.is_none()
                && after.platforms == before.platforms
                && after.digital_allowed == before.digital_allowed;
            if !decision_differs(&before, &after) || only_drops_recording {
                continue;
            }
            match out.iter_mut().find(|w| w.question == q && w.after == after) {
                Some(w) => w.answers.push(alt),
                None => out.push(WhatIf {
                    question: q,
                    from: values[q],
                    answers: vec![alt],
                    after,
                }),
            }
        }
    }
    out
}

/// The decision of `values` under every profile, in content order.
pub fn compare(content: &Content, values: &[Answer]) -> Vec<Summary> {
    (0..content.profiles.len())
        .map(|p| summarise(content, p, values))
        .collect()
}

/// Platforms, digital or recording verdict differ (a class change alone
/// that changes neither is no change to the advice).
fn decision_differs(a: &Summary, b: &Summary) -> bool {
    a.platforms != b.platforms
        || a.digital_allowed != b.digital_allowed
        || a.recording_allowed != b.recording_allowed
}

/// Every other answer the wizard would accept for question `q`; for a set,
/// the current set with one option added or removed.
fn alternatives(content: &Content, values: &[Answer], q: usize) -> Vec<Answer> {
    let question = &content.questions[q];
    let current = values[q];
    let mut alts: Vec<Answer> = match question.kind {
        QuestionKind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        QuestionKind::Choice => {
            let mut v: Vec<Answer> = flow::offered(content, values, q)
                .into_iter()
                .map(Answer::Choice)
                .collect();
            if question.unanswered.is_some() {
                v.push(Answer::Unanswered);
            }
            v
        }
        QuestionKind::Multi => {
            let bits = match current {
                Answer::Set(b) => b,
                _ => 0,
            };
            flow::offered(content, values, q)
                .into_iter()
                .map(|i| Answer::Set(bits ^ (1 << i)))
                .collect()
        }
    };
    if question.unknown {
        alts.push(Answer::Unknown);
    }
    alts.retain(|a| *a != current);
    alts
}
