//! The engine's semantics over sets of answers at once, as binary decision
//! diagrams: what analysis needs to prove things of every combination
//! without visiting each, and what the engine needs to decide many "vet
//! ej" answers without enumerating their completions.
//!
//! Questions become finite-domain variables ([`vars`]), conditions and the
//! flow's reset become BDDs over them ([`answers`]), and a profile's rules
//! become where each outcome results ([`decision`]). The concrete engine is
//! the oracle: tests compare the two combination by combination.

pub mod answers;
pub mod decision;
pub mod vars;

pub use answers::{Sym, SymAnswers};
pub use decision::Decision;
pub use vars::{Domain, Shape, Vars};

use crate::content::{Answer, Content};
use crate::engine::space::{multi_layout, named_options, single_values};

/// The shape of every question's answer in the whole answer space, as
/// [`Space`](crate::engine::space::Space) enumerates it: the same values,
/// in the same order. A multiple choice's sets are not listed, so a question naming many
/// options costs variables, not memory.
pub fn space_shapes(content: &Content) -> Vec<Shape> {
    let named = named_options(content);
    content
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| match single_values(question) {
            Some(values) => Shape::Values(values),
            None => Shape::Set(set_bits(named[q], question.options.len())),
        })
        .collect()
}

/// How many combinations `shapes` spell (saturating): what `Space::len`
/// says, without listing a multiple choice's sets.
pub fn count_of(shapes: &[Shape]) -> u128 {
    shapes
        .iter()
        .map(|s| match s {
            Shape::Fixed(_) => 1,
            Shape::Values(v) => v.len() as u128,
            Shape::Set(bits) => 1u128.checked_shl(bits.len() as u32).unwrap_or(u128::MAX),
        })
        .try_fold(1u128, |n, k| n.checked_mul(k))
        .unwrap_or(u128::MAX)
}

/// Each answer's index among its question's values in the enumeration (a
/// set's: its bits read most significant first, as `Space` orders them).
pub fn positions(shapes: &[Shape], values: &[Answer]) -> Vec<usize> {
    shapes
        .iter()
        .zip(values)
        .map(|(s, a)| match (s, a) {
            (Shape::Values(v), _) => v.iter().position(|x| x == a).unwrap_or(0),
            (Shape::Set(bits), Answer::Set(set)) => bits.iter().fold(0usize, |n, b| {
                n.saturating_mul(2) + usize::from(set & b != 0)
            }),
            _ => 0,
        })
        .collect()
}

/// A multiple choice's option bits as the enumeration orders them: named
/// options, highest first, then the one standing for all the others.
pub fn set_bits(named: u64, options: usize) -> Vec<u64> {
    let (mentioned, rep) = multi_layout(named, options);
    let mut bits: Vec<u64> = (0..64)
        .rev()
        .map(|k| 1u64 << k)
        .filter(|b| mentioned & b != 0)
        .collect();
    if rep != 0 {
        bits.push(rep);
    }
    bits
}

/// Checks the symbolic flow and decision against the concrete ones on
/// every combination of `content`'s answer space and every profile: the
/// canonical set, the reset answers, the class, the permitted platforms,
/// whether a digital meeting is possible and the recording verdict. `Err`
/// describes the first disagreement. For tests: the unit test on the
/// built-in content, the property test on generated content.
#[doc(hidden)]
pub fn check_against_engine(content: &Content) -> Result<(), String> {
    let vars = Vars::new(&space_shapes(content));
    let raw = SymAnswers::raw(&vars);
    let reset = raw.reset_unasked(content);
    let sym = Symbolic {
        canonical: raw.canonical(content),
        decisions: (0..content.profiles.len())
            .map(|p| Decision::new(content, p, &reset))
            .collect(),
        vars,
        reset,
    };
    let mut seen = 0u128;
    let mut outcome = Ok(());
    crate::engine::space::Space::of(content).for_each(|values| {
        if outcome.is_ok() {
            seen += 1;
            outcome = check_combination(content, &sym, values);
        }
    });
    outcome?;
    let counted = sym.vars.count(&sym.vars.set.mk_true());
    same("the number of combinations", counted, seen, &|| {
        "the whole space".into()
    })
}

/// What [`check_against_engine`] compares with the concrete engine.
struct Symbolic {
    vars: Vars,
    reset: SymAnswers,
    canonical: biodivine_lib_bdd::Bdd,
    decisions: Vec<Decision>,
}

fn check_combination(content: &Content, sym: &Symbolic, values: &[Answer]) -> Result<(), String> {
    use crate::engine::{flow, summarise};
    let v = sym
        .vars
        .encode(values)
        .ok_or_else(|| format!("{values:?} is not a value of the space"))?;
    let at = || format!("{values:?}");
    let mut work = values.to_vec();
    let was_canonical = flow::reset_unasked(content, &mut work).is_empty();
    same("canonical", sym.canonical.eval_in(&v), was_canonical, &at)?;
    for (q, answer) in sym.reset.answers.iter().enumerate() {
        let here: Vec<Answer> = match answer {
            Sym::Values(list) => list
                .iter()
                .filter(|(_, w)| w.eval_in(&v))
                .map(|(a, _)| *a)
                .collect(),
            Sym::Bits(bits) => vec![Answer::Set(
                bits.iter()
                    .filter(|(_, w)| w.eval_in(&v))
                    .fold(0, |set, (b, _)| set | b),
            )],
        };
        let what = format!("the reset answer to question {q}");
        same(&what, here, vec![work[q]], &at)?;
    }
    for (p, d) in sym.decisions.iter().enumerate() {
        let s = summarise(content, p, values);
        let at = || format!("profile {p}, {values:?}");
        let class: Vec<u8> = d
            .class
            .iter()
            .filter(|(_, w)| w.eval_in(&v))
            .map(|(k, _)| *k)
            .collect();
        same("the class", class, vec![s.class], &at)?;
        let platforms: Vec<usize> = (0..content.platforms.len())
            .filter(|&x| d.permitted[x].eval_in(&v))
            .collect();
        same("the platforms", platforms, s.platforms, &at)?;
        same("digital", d.digital.eval_in(&v), s.digital_allowed, &at)?;
        let verdict = match s.recording_allowed {
            None => 0,
            Some(true) => 1,
            Some(false) => 2,
        };
        let verdicts: Vec<usize> = (0..3).filter(|&i| d.verdict[i].eval_in(&v)).collect();
        same("the verdict", verdicts, vec![verdict], &at)?;
    }
    Ok(())
}

/// `Err` saying what differs, and where, unless the two are equal.
fn same<T: PartialEq + std::fmt::Debug>(
    what: &str,
    symbolic: T,
    concrete: T,
    at: &dyn Fn() -> String,
) -> Result<(), String> {
    if symbolic == concrete {
        Ok(())
    } else {
        Err(format!(
            "{what} at {}: symbolic {symbolic:?}, concrete {concrete:?}",
            at()
        ))
    }
}

#[cfg(test)]
mod oracle {
    use super::*;
    use crate::content::Answer;
    use crate::engine::space::multi_values;

    /// A multiple choice's sets come first to last, as `first` finds them,
    /// in the order the enumeration visits them: for every option count up
    /// to six and every choice of named options.
    #[test]
    fn sets_are_spelled_in_the_enumerations_order() {
        for options in 1..=6usize {
            for named in 0..1u64 << options {
                let vars = Vars::new(&[Shape::Set(set_bits(named, options))]);
                let answers = SymAnswers::raw(&vars);
                let mut left = vars.set.mk_true();
                let mut order = Vec::new();
                while let Some(first) = vars.first(&left) {
                    left = left.and_not(&answers.is(0, first[0]));
                    order.push(first[0]);
                }
                let want: Vec<Answer> = multi_values(named, options);
                assert_eq!(order, want, "{options} options, named {named:b}");
            }
        }
    }

    /// On every combination of the built-in answer space and every
    /// profile, the symbolic reset, canonical set and decision say what the
    /// concrete flow and engine say for that combination.
    #[test]
    fn the_symbolic_decision_is_the_engines_on_every_combination() {
        let content = crate::content::built_in().expect("built-in content");
        if let Err(e) = super::check_against_engine(&content) {
            panic!("{e}");
        }
    }
}
