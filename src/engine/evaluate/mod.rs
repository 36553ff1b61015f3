//! Evaluation. Every completion of the unknown answers is decided on its
//! own; the result is the strictest decision, field by field, and its
//! items are those whose presuppositions hold in that decision. An item
//! that holds only for some values of the unknown answers carries the cases
//! where it does, so an uncertain result never states two things that
//! contradict each other, nor an answer the organiser did not give.
//!
//! Two ways reach the same result: [`enumerate`] decides the completions
//! one by one, [`symbolic`] all at once, as sets of completions (BDDs), so
//! that twenty "vet ej" answers do not mean a million decisions. The
//! enumeration is the oracle the symbolic way is tested against, and the
//! quicker of the two when there are only a few completions.

mod enumerate;
mod symbolic;

use std::collections::BTreeMap;

use crate::content::{Answer, Content, Facts, Item, QuestionKind, Rule, Verdict};
use crate::engine::answers::Answers;
use crate::engine::flow;
use crate::engine::outcome::*;

/// Up to this many completions the enumeration is used: deciding a few
/// completions one by one is quicker than building the sets, beyond it
/// slower, and soon by far (`cargo bench --bench unknown`: 0.09 against
/// 0.16 ms at 16, 0.23 against 0.18 ms at 32, 5 s against 0.8 ms at
/// 65,536). Both give the same result.
const ENUMERATE_UP_TO: u128 = 16;

/// Evaluates `answers` under `profile`: the whole recommendation.
pub fn evaluate(content: &Content, profile: usize, answers: &Answers) -> Recommendation {
    evaluate_by(content, profile, answers, Way::Cheaper)
}

/// [`evaluate`] by enumerating every completion, however many: the oracle
/// of the tests.
#[doc(hidden)]
pub fn evaluate_enumerated(content: &Content, profile: usize, answers: &Answers) -> Recommendation {
    evaluate_by(content, profile, answers, Way::Enumerate)
}

/// [`evaluate`] over sets of completions, however few: what the tests
/// compare with the oracle.
#[doc(hidden)]
pub fn evaluate_symbolic(content: &Content, profile: usize, answers: &Answers) -> Recommendation {
    evaluate_by(content, profile, answers, Way::Symbolic)
}

/// The decision alone, without items or explanation: cheaper, for
/// what-ifs and whole-space checks.
pub fn summarise(content: &Content, profile: usize, values: &[Answer]) -> Summary {
    summarise_by(content, profile, values, Way::Cheaper)
}

/// How the completions are visited.
#[derive(Clone, Copy)]
enum Way {
    Enumerate,
    Symbolic,
    /// Whichever is quicker for the number of completions.
    Cheaper,
}

impl Way {
    /// The way to take for `values`, after the flow's reset.
    fn pick(self, content: &Content, values: &[Answer]) -> Way {
        match self {
            Way::Cheaper if completions(content, values) <= ENUMERATE_UP_TO => Way::Enumerate,
            Way::Cheaper => Way::Symbolic,
            way => way,
        }
    }
}

fn evaluate_by(content: &Content, profile: usize, answers: &Answers, way: Way) -> Recommendation {
    let mut values = answers.values.clone();
    let unused = flow::reset_unasked(content, &mut values)
        .into_iter()
        .map(|r| Unused {
            question: r.question,
            given: r.given,
            used: values[r.question],
            implied: r.implied,
        })
        .collect();
    let mut rec = match way.pick(content, &values) {
        Way::Symbolic => symbolic::recommend(content, profile, &values, way),
        _ => enumerate::recommend(content, profile, &values),
    };
    rec.unused = unused;
    rec
}

fn summarise_by(content: &Content, profile: usize, values: &[Answer], way: Way) -> Summary {
    let mut values = values.to_vec();
    flow::reset_unasked(content, &mut values);
    match way.pick(content, &values) {
        Way::Symbolic => symbolic::strict(content, profile, &values).summary(),
        _ => enumerate::strict(content, profile, &values).summary(),
    }
}

/// How many completions the unknown answers of `values` have (saturating).
fn completions(content: &Content, values: &[Answer]) -> u128 {
    values
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == Answer::Unknown)
        .try_fold(1u128, |n, (q, _)| {
            n.checked_mul(completion_values(content, q).len() as u128)
        })
        .unwrap_or(u128::MAX)
}

/// The concrete values an unknown answer to `q` may stand for. A multiple
/// choice has no "vet ej" of its own, but an open one (an early result)
/// may be any set: every set that a condition can tell apart.
fn completion_values(content: &Content, q: usize) -> Vec<Answer> {
    match content.questions[q].kind {
        QuestionKind::Multi => crate::engine::space::Space::of(content).values[q].clone(),
        _ => content.questions[q].concrete_values(),
    }
}

/// The unknown questions and the values each could have, in question
/// order: the dimensions of the completions. Completion `i` is `i` written
/// in this mixed radix, first question slowest.
type Dims = Vec<(usize, Vec<Answer>)>;

fn dims(content: &Content, values: &[Answer]) -> Dims {
    values
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == Answer::Unknown)
        .map(|(q, _)| (q, completion_values(content, q)))
        .collect()
}

/// What one set of concrete answers decides (or, combined, the strictest
/// of several).
#[derive(Debug, Clone)]
struct Decision {
    class: u8,
    forbidden: bool,
    excluded: Vec<usize>,
    platforms: Vec<usize>,
    verdict: Verdict,
    /// The rules whose recording verdict is `verdict`.
    deciding: Vec<usize>,
}

impl Decision {
    /// A decision, its platforms the profile's grant for the class less
    /// the excluded ones (none when a digital meeting is forbidden).
    fn new(
        content: &Content,
        profile: usize,
        class: u8,
        forbidden: bool,
        excluded: Vec<usize>,
        verdict: Verdict,
        deciding: Vec<usize>,
    ) -> Decision {
        let platforms = match content.profiles[profile].grant_for(class) {
            Some(g) if !forbidden => (0..content.platforms.len())
                .filter(|p| g.allow.contains(p) && !excluded.contains(p))
                .collect(),
            _ => Vec::new(),
        };
        Decision {
            class,
            forbidden,
            excluded,
            platforms,
            verdict,
            deciding,
        }
    }

    fn facts(&self) -> Facts<'_> {
        Facts {
            class: self.class,
            digital_allowed: !self.platforms.is_empty(),
            platforms: &self.platforms,
            verdict: self.verdict,
        }
    }

    fn recording_allowed(&self) -> Option<bool> {
        match self.verdict {
            Verdict::NotPlanned => None,
            Verdict::Allowed => Some(true),
            Verdict::Forbidden => Some(false),
        }
    }

    fn summary(&self) -> Summary {
        Summary {
            class: self.class,
            digital_allowed: !self.platforms.is_empty(),
            platforms: self.platforms.clone(),
            recording_allowed: self.recording_allowed(),
        }
    }
}

/// The four lists a rule gives to, and where their entries are defined.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    Organiser,
    Participants,
    Tips,
    Warnings,
}

impl List {
    const ALL: [List; 4] = [
        List::Organiser,
        List::Participants,
        List::Tips,
        List::Warnings,
    ];

    fn of(self, rule: &Rule) -> &[usize] {
        match self {
            List::Organiser => &rule.organiser,
            List::Participants => &rule.participants,
            List::Tips => &rule.tips,
            List::Warnings => &rule.warnings,
        }
    }

    fn table(self, content: &Content) -> &[Item] {
        match self {
            List::Warnings => &content.warnings,
            _ => &content.items,
        }
    }
}

/// The recommendation from the strict decision, each list's entries and
/// the rules the explanation shows; the open answers are the caller's.
fn recommendation(
    content: &Content,
    profile: usize,
    values: &[Answer],
    strict: &Decision,
    mut lists: BTreeMap<List, Vec<Entry>>,
    fired: Vec<Fired>,
) -> Recommendation {
    // What a "vet ej" itself asks of the organiser (find out the class).
    let organiser = lists.entry(List::Organiser).or_default();
    for (q, _) in values
        .iter()
        .enumerate()
        .filter(|(_, a)| **a == Answer::Unknown)
    {
        for &e in &content.questions[q].unknown_items {
            if content.items[e].requires.holds(strict.facts(), values)
                && !organiser.iter().any(|x| x.index == e)
            {
                organiser.push(Entry {
                    index: e,
                    certain: true,
                    cases: Vec::new(),
                });
            }
        }
    }
    organiser.sort_by_key(|e| e.index);
    let ruled_out = ruled_out(content, profile, strict, &fired);
    let mut take = |l: List| lists.remove(&l).unwrap_or_default();
    Recommendation {
        profile,
        class: strict.class,
        digital_allowed: !strict.platforms.is_empty(),
        platforms: strict.platforms.clone(),
        ruled_out,
        recording: recording_of(content, strict),
        organiser: take(List::Organiser),
        participants: take(List::Participants),
        tips: take(List::Tips),
        warnings: take(List::Warnings),
        fired,
        open: Vec::new(),
        unused: Vec::new(),
    }
}

/// Whether the explanation shows rule `i`, which fires for some
/// completions (all of them when `certain`). A rule that fires whatever
/// the unknown answers are is shown unless everything it gives fell away.
/// A rule that fires only for some values is shown where it made the
/// result what it is (the class, no digital meeting, the recording
/// verdict, an excluded platform, a kept item); a rule that speaks only
/// for a laxer completion is left to the open answers.
fn shown(rule: &Rule, i: usize, certain: bool, strict: &Decision, gave_kept: &[bool]) -> bool {
    let decides = strict.deciding.contains(&i)
        || (rule.forbid_digital && strict.forbidden)
        || !rule.exclude_platforms.is_empty()
        || gave_kept[i];
    let class = if certain {
        rule.class_at_least.is_some()
    } else {
        rule.class_at_least == Some(strict.class)
    };
    decides || class
}

/// The cases where something holds: none for what holds in every
/// completion, else those `cover` finds.
fn cases_unless(certain: bool, cover: impl FnOnce() -> Cases) -> Cases {
    if certain { Vec::new() } else { cover() }
}

/// A box of completions, value indices per dimension, as a case: the
/// questions it does not span whole, each with its values in order.
fn case(dims: &Dims, cube: &[Vec<usize>]) -> Vec<(usize, Vec<Answer>)> {
    dims.iter()
        .zip(cube)
        .filter(|((_, all), vs)| vs.len() < all.len())
        .map(|((q, all), vs)| {
            let mut vs = vs.clone();
            vs.sort_unstable();
            (*q, vs.into_iter().map(|v| all[v]).collect())
        })
        .collect()
}

/// The profile's platforms this meeting may not use, with the shown rules
/// that ruled each out. A stronger platform the profile simply does not
/// name for this class is not forbidden, so it is not listed.
fn ruled_out(
    content: &Content,
    profile: usize,
    strict: &Decision,
    fired: &[Fired],
) -> Vec<RuledOut> {
    let profile_ref = &content.profiles[profile];
    let grant = profile_ref.grant_for(strict.class);
    let digital = !strict.platforms.is_empty();
    profile_ref
        .platforms(content)
        .into_iter()
        .filter(|p| !strict.platforms.contains(p))
        .filter(|&p| {
            !digital
                || strict.excluded.contains(&p)
                || profile_ref.clearance(p).is_none_or(|c| c < strict.class)
        })
        .map(|p| RuledOut {
            platform: p,
            because: fired
                .iter()
                .map(|f| f.rule)
                .filter(|&i| {
                    let r = &content.rules[i];
                    (strict.forbidden && r.forbid_digital)
                        || r.exclude_platforms.contains(&p)
                        || (!strict.forbidden
                            && !grant.is_some_and(|g| g.allow.contains(&p))
                            && r.class_at_least == Some(strict.class))
                })
                .collect(),
        })
        .collect()
}

fn recording_of(content: &Content, strict: &Decision) -> RecordingOutcome {
    let because = strict.deciding.clone();
    let mut retention = Vec::new();
    if strict.verdict == Verdict::Allowed {
        for &r in &because {
            if let Some(t) = content.rules[r]
                .recording
                .as_ref()
                .and_then(|x| x.retention.clone())
                && !retention.contains(&t)
            {
                retention.push(t);
            }
        }
    }
    RecordingOutcome {
        planned: strict.verdict != Verdict::NotPlanned,
        allowed: strict.recording_allowed(),
        because,
        retention,
    }
}

/// For each unknown answer: the decision under each real value, kept when
/// those decisions differ. `summary(q, value, work)` is the decision with
/// `q` answered `value`, `work` the answers so.
fn open_answers(
    content: &Content,
    values: &[Answer],
    mut summary: impl FnMut(usize, Answer, &[Answer]) -> Summary,
) -> Vec<OpenAnswer> {
    let mut open = Vec::new();
    for (q, a) in values.iter().enumerate() {
        if *a != Answer::Unknown {
            continue;
        }
        let mut work = values.to_vec();
        let outcomes: Vec<(Answer, Summary)> = content.questions[q]
            .concrete_values()
            .into_iter()
            .map(|v| {
                work[q] = v;
                (v, summary(q, v, &work))
            })
            .collect();
        if outcomes.windows(2).any(|w| w[0].1 != w[1].1) {
            open.push(OpenAnswer {
                question: q,
                outcomes,
            });
        }
    }
    open
}
