//! Whether the answers given so far already rule out a digital meeting,
//! however the questions still open are answered, so the wizard can show
//! the outcome as soon as it is decided.
//!
//! The check reads every rule three-valued over the open answers instead of
//! enumerating their completions, so it costs one pass over the rules. It
//! is sound (it never claims a decision that some completion would change)
//! and a brute-force test over every completion keeps it so.

use crate::content::condition::Truth;
use crate::content::{Answer, Content};
use crate::engine::flow;

/// True when no completion of the open questions permits a digital meeting
/// under `profile`. `given[q]` says whether question `q` was answered by the
/// person; the others are open, whatever `values` holds for them.
///
/// A given "vet ej" counts here as any of the values it stands for: the
/// outcome is decided early only when it does not rest on one, so a
/// person unsure of an answer goes on to the questions that follow.
pub fn digital_ruled_out(
    content: &Content,
    profile: usize,
    values: &[Answer],
    given: &[bool],
) -> bool {
    let partial = partial_answers(content, values, given);
    let rules = &content.rules;
    let truth: Vec<Truth> = rules
        .iter()
        .map(|r| match r.applies_to(profile) {
            true => r.when.truth_partial(&partial),
            false => Truth::No,
        })
        .collect();
    // A rule fires when it holds and no rule that holds overrides it.
    let overriders = |i: usize| {
        (0..rules.len())
            .filter(move |&j| rules[j].overrides.contains(&i))
            .map(|j| truth[j])
    };
    let surely: Vec<bool> = (0..rules.len())
        .map(|i| truth[i] == Truth::Yes && overriders(i).all(|t| t == Truth::No))
        .collect();
    let maybe: Vec<bool> = (0..rules.len())
        .map(|i| truth[i] != Truth::No && overriders(i).all(|t| t != Truth::Yes))
        .collect();
    if (0..rules.len()).any(|i| surely[i] && rules[i].forbid_digital) {
        return true;
    }
    // The lowest class any completion can reach: the highest class a rule
    // surely sets, or else the lowest any rule might set (or the highest
    // class, which applies when no rule sets one).
    let sure_class = (0..rules.len())
        .filter(|&i| surely[i])
        .filter_map(|i| rules[i].class_at_least)
        .max();
    let lowest = sure_class.unwrap_or_else(|| {
        (0..rules.len())
            .filter(|&i| maybe[i])
            .filter_map(|i| rules[i].class_at_least)
            .chain([content.highest_class()])
            .min()
            .unwrap_or(0)
    });
    let excluded: Vec<usize> = (0..rules.len())
        .filter(|&i| surely[i])
        .flat_map(|i| rules[i].exclude_platforms.iter().copied())
        .collect();
    let grants = &content.profiles[profile];
    content
        .classes
        .iter()
        .filter(|c| c.level >= lowest)
        .all(|c| {
            grants
                .grant_for(c.level)
                .is_none_or(|g| g.allow.iter().all(|p| excluded.contains(p)))
        })
}

/// The answers as the check reads them: open where the person has not
/// answered, and open too where a given answer might not count, because
/// whether its question is asked (or implied) depends on an open one.
fn partial_answers(content: &Content, values: &[Answer], given: &[bool]) -> Vec<Option<Answer>> {
    let mut partial: Vec<Option<Answer>> = values
        .iter()
        .zip(given)
        .map(|(v, g)| g.then_some(*v))
        .collect();
    loop {
        let mut changed = false;
        for (q, question) in content.questions.iter().enumerate() {
            if partial[q].is_none() {
                continue;
            }
            let unsure = question
                .ask_when
                .as_ref()
                .is_some_and(|c| c.truth_partial(&partial) != Truth::Yes)
                || question
                    .implied
                    .iter()
                    .any(|i| i.when.truth_partial(&partial) != Truth::No);
            if unsure {
                partial[q] = None;
                changed = true;
            }
        }
        if !changed {
            return partial;
        }
    }
}

/// The questions still open on the way to an early result: asked, and not
/// answered by the person.
pub fn open_questions(content: &Content, values: &[Answer], given: &[bool]) -> Vec<usize> {
    flow::asked(content, values)
        .into_iter()
        .filter(|&q| !given[q])
        .collect()
}
