//! The engine's decision in symbolic form: for one profile and symbolic
//! answers, where each rule holds and fires, where each class, platform and
//! recording verdict results, and where each item is given. It is the
//! engine's `decide` read over sets of combinations at once; the concrete
//! engine stays the oracle (tests compare the two on every combination).

use biodivine_lib_bdd::Bdd;

use crate::content::{Content, Requires, Verdict};

use super::answers::SymAnswers;

/// The three verdicts, least strict first.
pub const VERDICTS: [Verdict; 3] = [Verdict::NotPlanned, Verdict::Allowed, Verdict::Forbidden];

/// Where a class results: each level with where it is the class.
pub type Classes = Vec<(u8, Bdd)>;

/// One profile's decision over symbolic answers.
pub struct Decision {
    /// Per rule: applies to the profile and its condition holds.
    pub holds: Vec<Bdd>,
    /// Per rule: holds and no rule that overrides it holds.
    pub fired: Vec<Bdd>,
    /// The class: the highest a fired rule sets, else the highest there is.
    pub class: Classes,
    pub forbidden: Bdd,
    /// Per platform: a fired rule excludes it.
    pub excluded: Vec<Bdd>,
    /// Per platform: the profile's grant for the class allows it, it is not
    /// excluded, and a digital meeting is not forbidden.
    pub permitted: Vec<Bdd>,
    /// A digital meeting is possible (some platform permitted).
    pub digital: Bdd,
    /// Per verdict of [`VERDICTS`]: where it is the recording verdict.
    pub verdict: [Bdd; 3],
}

impl Decision {
    pub fn new(content: &Content, profile: usize, answers: &SymAnswers) -> Decision {
        let rules = &content.rules;
        let holds: Vec<Bdd> = rules
            .iter()
            .map(|r| {
                if r.applies_to(profile) {
                    answers.holds(&r.when)
                } else {
                    answers.falsity().clone()
                }
            })
            .collect();
        let fired: Vec<Bdd> = (0..rules.len())
            .map(|i| {
                rules
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.overrides.contains(&i))
                    .fold(holds[i].clone(), |acc, (j, _)| acc.and_not(&holds[j]))
            })
            .collect();
        let (class, unset) = classes(content, &fired, answers);
        let class = with_default(class, unset, content.highest_class());
        let any = |pick: &dyn Fn(usize) -> bool| {
            (0..rules.len())
                .filter(|&i| pick(i))
                .fold(answers.falsity().clone(), |acc, i| acc.or(&fired[i]))
        };
        let forbidden = any(&|i| rules[i].forbid_digital);
        let excluded: Vec<Bdd> = (0..content.platforms.len())
            .map(|p| any(&|i| rules[i].exclude_platforms.contains(&p)))
            .collect();
        let permitted = permitted(content, profile, &class, &forbidden, &excluded, answers);
        let digital = permitted
            .iter()
            .fold(answers.falsity().clone(), |acc, p| acc.or(p));
        let verdict = verdicts(content, &fired, answers);
        Decision {
            holds,
            fired,
            class,
            forbidden,
            excluded,
            permitted,
            digital,
            verdict,
        }
    }

    /// Where the class is `k` (`None`: nowhere).
    pub fn class_is(&self, k: u8) -> Option<&Bdd> {
        self.class.iter().find(|(x, _)| *x == k).map(|(_, w)| w)
    }

    /// Where an item's presupposition holds in this decision.
    pub fn requires(&self, requires: &Requires, answers: &SymAnswers) -> Bdd {
        presupposition(
            requires,
            answers,
            &self.class,
            &self.digital,
            &self.permitted,
            &self.verdict,
        )
    }
}

/// Where each level is the highest that a rule of `by` sets, and where no
/// rule of `by` sets one.
pub fn classes(content: &Content, by: &[Bdd], answers: &SymAnswers) -> (Classes, Bdd) {
    let mut levels: Vec<u8> = content
        .rules
        .iter()
        .filter_map(|r| r.class_at_least)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let sets = |k: u8| {
        content
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.class_at_least == Some(k))
            .fold(answers.falsity().clone(), |acc, (i, _)| acc.or(&by[i]))
    };
    let mut higher = answers.falsity().clone();
    let mut out = Vec::new();
    for &k in levels.iter().rev() {
        let here = sets(k);
        out.push((k, here.and_not(&higher)));
        higher = higher.or(&here);
    }
    out.reverse();
    (out, higher.not())
}

/// `class` with the combinations where no rule set one decided as `level`.
pub fn with_default(mut class: Classes, unset: Bdd, level: u8) -> Classes {
    match class.iter_mut().find(|(k, _)| *k == level) {
        Some((_, w)) => *w = w.or(&unset),
        None => {
            class.push((level, unset));
            class.sort_by_key(|(k, _)| *k);
        }
    }
    class
}

/// Per platform: permitted under the profile's grant for the class, not
/// excluded, and a digital meeting not forbidden.
pub fn permitted(
    content: &Content,
    profile: usize,
    class: &Classes,
    forbidden: &Bdd,
    excluded: &[Bdd],
    answers: &SymAnswers,
) -> Vec<Bdd> {
    let grants = &content.profiles[profile];
    (0..content.platforms.len())
        .map(|p| {
            class
                .iter()
                .filter(|(k, _)| grants.grant_for(*k).is_some_and(|g| g.allow.contains(&p)))
                .fold(answers.falsity().clone(), |acc, (_, w)| acc.or(w))
                .and_not(forbidden)
                .and_not(&excluded[p])
        })
        .collect()
}

/// Where each verdict is the strictest a rule of `by` gives; with none,
/// the strict answer is "not allowed".
pub fn verdicts(content: &Content, by: &[Bdd], answers: &SymAnswers) -> [Bdd; 3] {
    let gives = |v: Verdict| {
        content
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.recording.as_ref().is_some_and(|x| x.verdict == v))
            .fold(answers.falsity().clone(), |acc, (i, _)| acc.or(&by[i]))
    };
    let [not_planned, allowed, forbidden] = VERDICTS.map(gives);
    let none = not_planned.or(&allowed).or(&forbidden).not();
    [
        not_planned.and_not(&allowed).and_not(&forbidden),
        allowed.and_not(&forbidden),
        forbidden.or(&none),
    ]
}

/// Where a presupposition holds, given where each fact of the decision
/// holds (as [`Requires::holds`] reads one decision).
pub fn presupposition(
    requires: &Requires,
    answers: &SymAnswers,
    class: &Classes,
    digital: &Bdd,
    permitted: &[Bdd],
    verdict: &[Bdd; 3],
) -> Bdd {
    let mut out = answers.truth().clone();
    if let Some(d) = requires.digital_meeting {
        out = out.and(&if d { digital.clone() } else { digital.not() });
    }
    if let Some(v) = requires.recording {
        let i = VERDICTS.iter().position(|x| *x == v).unwrap_or(2);
        out = out.and(&verdict[i]);
    }
    let in_range = class
        .iter()
        .filter(|(k, _)| {
            requires.class_at_least.is_none_or(|c| *k >= c)
                && requires.class_at_most.is_none_or(|c| *k <= c)
        })
        .fold(answers.falsity().clone(), |acc, (_, w)| acc.or(w));
    out = out.and(&in_range);
    if !requires.platforms_any.is_empty() {
        let any = requires
            .platforms_any
            .iter()
            .fold(answers.falsity().clone(), |acc, &p| acc.or(&permitted[p]));
        out = out.and(&any);
    }
    for &p in &requires.platforms_none {
        out = out.and_not(&permitted[p]);
    }
    if let Some(c) = &requires.when {
        out = out.and(&answers.holds(c));
    }
    out
}
