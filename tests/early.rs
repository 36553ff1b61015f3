//! The early outcome: the three-valued check that the answers so far rule
//! out a digital meeting, against a brute force over every completion of
//! the open questions.

mod common;

use common::*;
use motesguide::content::{Answer, Content};
use motesguide::engine::early::digital_ruled_out;
use motesguide::engine::space::Space;
use motesguide::engine::{self, flow};

/// Every value an open question may still get: each concrete answer the
/// engine tells apart, and "vet ej" where the question offers it.
fn open_values(content: &Content, space: &Space, q: usize) -> Vec<Answer> {
    let mut v = space.values[q].clone();
    if content.questions[q].unknown {
        v.push(Answer::Unknown);
    }
    v
}

/// The brute force: no completion of the open questions, and no value of a
/// "vet ej" answer, permits a digital meeting.
fn ruled_out_by_enumeration(
    content: &Content,
    space: &Space,
    profile: usize,
    values: &[Answer],
    given: &[bool],
) -> bool {
    // Open questions take any value; a given "vet ej" any it stands for.
    let open: Vec<usize> = (0..values.len())
        .filter(|&q| !given[q] || values[q] == Answer::Unknown)
        .collect();
    let dims: Vec<Vec<Answer>> = open
        .iter()
        .map(|&q| match given[q] {
            true => content.questions[q].concrete_values(),
            false => open_values(content, space, q),
        })
        .collect();
    let mut idx = vec![0usize; open.len()];
    let mut work = values.to_vec();
    loop {
        for (j, &q) in open.iter().enumerate() {
            work[q] = dims[j][idx[j]];
        }
        if engine::summarise(content, profile, &work).digital_allowed {
            return false;
        }
        let mut j = open.len();
        loop {
            if j == 0 {
                return true;
            }
            j -= 1;
            idx[j] += 1;
            if idx[j] < dims[j].len() {
                break;
            }
            idx[j] = 0;
        }
    }
}

/// The wizard's states on the way through a sample of the answer space:
/// the first `k` asked questions answered, the rest open.
fn states(content: &Content, space: &Space, stride: usize) -> Vec<(Vec<Answer>, Vec<bool>)> {
    let mut out = Vec::new();
    let mut n = 0usize;
    space.for_each(|combo| {
        n += 1;
        if !n.is_multiple_of(stride) {
            return;
        }
        let asked = flow::asked(content, combo);
        for k in 0..=asked.len() {
            let mut given = vec![false; combo.len()];
            for &q in &asked[..k] {
                given[q] = true;
            }
            out.push((combo.to_vec(), given.clone()));
            // The same with the last given answer "vet ej", where offered.
            if let Some(&q) = asked[..k].last()
                && content.questions[q].unknown
            {
                let mut vet_ej = combo.to_vec();
                vet_ej[q] = Answer::Unknown;
                out.push((vet_ej, given));
            }
        }
    });
    out
}

#[test]
fn the_check_agrees_with_every_completion() {
    let c = content();
    let space = Space::of(c);
    let mut ruled_out = 0;
    let mut total = 0;
    for profile in 0..c.profiles.len() {
        for (values, given) in states(c, &space, 6007) {
            let fast = digital_ruled_out(c, profile, &values, &given);
            let slow = ruled_out_by_enumeration(c, &space, profile, &values, &given);
            assert_eq!(
                fast, slow,
                "profile {profile}, answers {values:?}, given {given:?}"
            );
            ruled_out += usize::from(fast);
            total += 1;
        }
    }
    // The sample reaches both outcomes.
    assert!(ruled_out > 0 && ruled_out < total, "{ruled_out} of {total}");
}

#[test]
fn security_classified_or_class_4_rules_out_at_once() {
    let c = content();
    let std = profile(c, "standard");
    let sec = question(c, "security_classified");
    let class = question(c, "information_class");
    let meeting = question(c, "meeting_type");
    let values = c.default_answers();
    let mut given = vec![false; values.len()];
    given[meeting] = true;
    assert!(!digital_ruled_out(c, std, &values, &given));

    let mut yes = values.clone();
    yes[sec] = Answer::Bool(true);
    given[sec] = true;
    assert!(digital_ruled_out(c, std, &yes, &given));

    let mut four = values.clone();
    four[sec] = Answer::Bool(false);
    four[class] = choice(c, "information_class", "4");
    given[class] = true;
    assert!(digital_ruled_out(c, std, &four, &given));

    // "Vet ej" on security classification decides nothing early: the
    // strict result forbids a digital meeting, but rests on that answer.
    let mut unknown = values;
    unknown[sec] = Answer::Unknown;
    given[class] = false;
    assert!(!digital_ruled_out(c, std, &unknown, &given));
    assert!(!engine::summarise(c, std, &unknown).digital_allowed);
}
