//! The answer space: every combination of concrete answers, with answers
//! that no condition can tell apart collapsed to one representative.

use crate::content::{Answer, Content, Question, QuestionKind};

/// The values each question takes in the enumeration, in content order.
#[derive(Debug, Clone)]
pub struct Space {
    pub values: Vec<Vec<Answer>>,
}

impl Space {
    /// The concrete answer space of `content`.
    ///
    /// A multiple-choice option that no condition names on its own (only
    /// through `empty`/`nonempty`) cannot change any decision, so all such
    /// options are represented by the first of them: a set holds it or not.
    /// `collapsed_options` lists them, so a test can check the claim.
    pub fn of(content: &Content) -> Space {
        let named = named_options(content);
        let values = content
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                single_values(question)
                    .unwrap_or_else(|| multi_values(named[q], question.options.len()))
            })
            .collect();
        Space { values }
    }

    /// How many combinations the space holds (per profile).
    /// Saturates rather than wrapping: a space too large to count is
    /// reported as such, never as a small one.
    pub fn len(&self) -> u128 {
        self.values
            .iter()
            .try_fold(1u128, |n, v| n.checked_mul(v.len() as u128))
            .unwrap_or(u128::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with every combination, in a fixed order.
    pub fn for_each(&self, mut f: impl FnMut(&[Answer])) {
        if self.values.iter().any(Vec::is_empty) {
            return;
        }
        let mut idx = vec![0usize; self.values.len()];
        let mut current: Vec<Answer> = self.values.iter().map(|v| v[0]).collect();
        loop {
            f(&current);
            let mut q = self.values.len();
            loop {
                if q == 0 {
                    return;
                }
                q -= 1;
                idx[q] += 1;
                if idx[q] < self.values[q].len() {
                    current[q] = self.values[q][idx[q]];
                    break;
                }
                idx[q] = 0;
                current[q] = self.values[q][0];
            }
        }
    }
}

/// The values of a question with one answer (yes/no, choice), in
/// enumeration order; `None` for a multiple choice, whose values are sets.
pub fn single_values(question: &Question) -> Option<Vec<Answer>> {
    match question.kind {
        QuestionKind::YesNo => Some(vec![Answer::Bool(false), Answer::Bool(true)]),
        QuestionKind::Choice => {
            let mut v: Vec<Answer> = (0..question.options.len()).map(Answer::Choice).collect();
            if question.default == Answer::Unanswered {
                v.push(Answer::Unanswered);
            }
            Some(v)
        }
        QuestionKind::Multi => None,
    }
}

/// How a multiple-choice question with `options` options is enumerated:
/// the option bits conditions name individually, and the one bit (or 0)
/// that stands for every other option. A set's place in the enumeration is
/// its named bits read as a binary number, highest option most significant,
/// then the representative bit.
pub fn multi_layout(named: u64, options: usize) -> (u64, u64) {
    // Every option's bit; 64 options fill the whole word.
    let all = u64::MAX >> (64 - options.clamp(1, 64));
    let mentioned = named & all;
    let others = all & !mentioned;
    let rep = if others == 0 {
        0
    } else {
        1 << others.trailing_zeros()
    };
    (mentioned, rep)
}

/// The sets a multiple choice with `options` options takes in the
/// enumeration, `named` the option bits conditions name, in the order
/// [`multi_layout`] gives.
pub fn multi_values(named: u64, options: usize) -> Vec<Answer> {
    let (mentioned, rep) = multi_layout(named, options);
    subsets(mentioned)
        .into_iter()
        .flat_map(|s| if rep == 0 { vec![s] } else { vec![s, s | rep] })
        .map(Answer::Set)
        .collect()
}

/// For each question, the option bits some condition (of a rule, a
/// question, an item's presupposition or an invariant) names individually,
/// or the flow may set as a default or implied answer.
pub fn named_options(content: &Content) -> Vec<u64> {
    let mut named = vec![0u64; content.questions.len()];
    let mut visit = |c: &crate::content::condition::Cond| {
        c.visit_leaves(&mut |q, bits| named[q] |= bits);
    };
    for r in &content.rules {
        visit(&r.when);
    }
    for item in content.items.iter().chain(&content.warnings) {
        if let Some(c) = &item.requires.when {
            visit(c);
        }
    }
    for inv in &content.invariants {
        visit(&inv.when);
    }
    for q in &content.questions {
        if let Some(c) = &q.ask_when {
            visit(c);
        }
        for o in &q.options {
            if let Some(c) = &o.offer_when {
                visit(c);
            }
        }
        for i in &q.implied {
            visit(&i.when);
        }
    }
    // A value the flow may set (a default, an implied answer) must be a
    // value of the space, or a reset answer could fall outside it.
    for (q, question) in content.questions.iter().enumerate() {
        let set_by_flow =
            std::iter::once(question.default).chain(question.implied.iter().map(|i| i.value));
        for value in set_by_flow {
            if let Answer::Set(bits) = value {
                named[q] |= bits;
            }
        }
    }
    named
}

fn subsets(bits: u64) -> Vec<u64> {
    let mut out = vec![0];
    let mut rest = bits;
    while rest != 0 {
        let b = rest & rest.wrapping_neg();
        rest &= !b;
        let with: Vec<u64> = out.iter().map(|s| s | b).collect();
        out.extend(with);
    }
    out
}

#[cfg(test)]
mod limits {
    use super::*;

    /// A space too large to count saturates instead of wrapping to a
    /// small number (200 yes/no questions: 2^200).
    #[test]
    fn a_huge_space_saturates() {
        let space = Space {
            values: vec![vec![Answer::Bool(false), Answer::Bool(true)]; 200],
        };
        assert_eq!(space.len(), u128::MAX);
    }

    /// The all-options mask for every option count up to 64, against the
    /// same computed in 128 bits.
    #[test]
    fn the_all_options_mask_is_exact_up_to_64() {
        for n in 1..=64usize {
            let want = ((1u128 << n) - 1) as u64;
            assert_eq!(u64::MAX >> (64 - n), want, "{n} options");
        }
    }
}
