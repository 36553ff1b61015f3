//! Evaluation. Every completion of the unknown answers is decided on its
//! own; the result is the strictest decision, field by field, and its
//! items are those whose presuppositions hold in that decision. An item
//! that holds only for some values of the unknown answers carries the cases
//! where it does, so an uncertain result never states two things that
//! contradict each other, nor an answer the organiser did not give.

use std::collections::BTreeMap;

use crate::content::{Answer, Content, Facts, Item, QuestionKind, Rule, Verdict};
use crate::engine::answers::Answers;
use crate::engine::flow;
use crate::engine::outcome::*;

/// Evaluates `answers` under `profile`: the whole recommendation.
pub fn evaluate(content: &Content, profile: usize, answers: &Answers) -> Recommendation {
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
    let space = Completions::of(content, profile, &values);
    let mut rec = assemble(content, profile, &values, &space);
    rec.open = open_answers(content, profile, &values);
    rec.unused = unused;
    rec
}

/// The decision alone, without items or explanation: cheaper, for
/// what-ifs and whole-space checks.
pub fn summarise(content: &Content, profile: usize, values: &[Answer]) -> Summary {
    let mut values = values.to_vec();
    flow::reset_unasked(content, &mut values);
    let strict = Completions::of(content, profile, &values).strict;
    Summary {
        class: strict.class,
        digital_allowed: !strict.platforms.is_empty(),
        platforms: strict.platforms.clone(),
        recording_allowed: strict.recording_allowed(),
    }
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
}

struct Completion {
    values: Vec<Answer>,
    /// The rules that fired and are not replaced by another that fired.
    fired: Vec<usize>,
    decision: Decision,
}

/// Every completion of the unknown answers, and their strictest decision.
struct Completions {
    /// The unknown questions and the values each could have; completion
    /// `i` is `i` written in this mixed radix, first question slowest.
    dims: Vec<(usize, Vec<Answer>)>,
    list: Vec<Completion>,
    strict: Decision,
}

impl Completions {
    fn of(content: &Content, profile: usize, values: &[Answer]) -> Completions {
        let dims: Vec<(usize, Vec<Answer>)> = values
            .iter()
            .enumerate()
            .filter(|(_, a)| **a == Answer::Unknown)
            .map(|(q, _)| (q, completion_values(content, q)))
            .collect();
        let count: usize = dims.iter().map(|(_, v)| v.len()).product();
        let list: Vec<Completion> = (0..count)
            .map(|i| {
                let mut work = values.to_vec();
                for (j, v) in decode(&dims, i).into_iter().enumerate() {
                    work[dims[j].0] = dims[j].1[v];
                }
                let (fired, decision) = decide(content, profile, &work);
                Completion {
                    values: work,
                    fired,
                    decision,
                }
            })
            .collect();
        let strict = strictest(content, profile, &list);
        Completions { dims, list, strict }
    }
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

/// Completion `i`'s value index in each dimension.
fn decode(dims: &[(usize, Vec<Answer>)], mut i: usize) -> Vec<usize> {
    let mut out = vec![0; dims.len()];
    for j in (0..dims.len()).rev() {
        let n = dims[j].1.len();
        out[j] = i % n;
        i /= n;
    }
    out
}

fn encode(dims: &[(usize, Vec<Answer>)], point: &[usize]) -> usize {
    dims.iter()
        .zip(point)
        .fold(0, |acc, ((_, v), &x)| acc * v.len() + x)
}

/// The decision for concrete answers. A rule another fired rule
/// `overrides` drops out whole; of the recording verdicts left, the
/// strictest wins, and with none the strict answer is "not allowed".
fn decide(content: &Content, profile: usize, values: &[Answer]) -> (Vec<usize>, Decision) {
    let rules = &content.rules;
    let holding: Vec<usize> = (0..rules.len())
        .filter(|&i| rules[i].applies_to(profile) && rules[i].when.holds(values))
        .collect();
    let fired: Vec<usize> = holding
        .iter()
        .copied()
        .filter(|&i| !holding.iter().any(|&j| rules[j].overrides.contains(&i)))
        .collect();
    let class = fired
        .iter()
        .filter_map(|&i| rules[i].class_at_least)
        .max()
        // No rule set a class: decide as for the highest.
        .unwrap_or_else(|| content.highest_class());
    let forbidden = fired.iter().any(|&i| rules[i].forbid_digital);
    let mut excluded: Vec<usize> = Vec::new();
    for &i in &fired {
        extend_unique(&mut excluded, &rules[i].exclude_platforms);
    }
    let verdict_of = |i: usize| rules[i].recording.as_ref().map(|r| r.verdict);
    let verdict = fired
        .iter()
        .filter_map(|&i| verdict_of(i))
        .max()
        .unwrap_or(Verdict::Forbidden);
    let deciding = fired
        .iter()
        .copied()
        .filter(|&i| verdict_of(i) == Some(verdict))
        .collect();
    let decision = Decision::new(
        content, profile, class, forbidden, excluded, verdict, deciding,
    );
    (fired, decision)
}

/// Field by field the strictest of the completions' decisions: the highest
/// class, no digital meeting if any forbids it, every excluded platform,
/// the strictest recording verdict with every rule that gave it.
fn strictest(content: &Content, profile: usize, list: &[Completion]) -> Decision {
    let class = list.iter().map(|c| c.decision.class).max().unwrap_or(0);
    let forbidden = list.iter().any(|c| c.decision.forbidden);
    let mut excluded = Vec::new();
    for c in list {
        extend_unique(&mut excluded, &c.decision.excluded);
    }
    let verdict = list
        .iter()
        .map(|c| c.decision.verdict)
        .max()
        .unwrap_or(Verdict::Forbidden);
    let mut deciding = Vec::new();
    for c in list.iter().filter(|c| c.decision.verdict == verdict) {
        extend_unique(&mut deciding, &c.decision.deciding);
    }
    deciding.sort_unstable();
    Decision::new(
        content, profile, class, forbidden, excluded, verdict, deciding,
    )
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

fn assemble(
    content: &Content,
    profile: usize,
    values: &[Answer],
    space: &Completions,
) -> Recommendation {
    let strict = &space.strict;
    let n = space.list.len();
    // Entry per list: in which completions it is given (its presupposition
    // holding there), and which rules gave it where it was kept.
    let mut lists: BTreeMap<List, Vec<Entry>> = BTreeMap::new();
    let mut gave_kept = vec![false; content.rules.len()];
    for list in List::ALL {
        let table = list.table(content);
        let mut present: BTreeMap<usize, Vec<bool>> = BTreeMap::new();
        let mut givers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (ci, c) in space.list.iter().enumerate() {
            for &r in &c.fired {
                for &e in list.of(&content.rules[r]) {
                    if table[e].requires.holds(c.decision.facts(), &c.values) {
                        present.entry(e).or_insert_with(|| vec![false; n])[ci] = true;
                        let g = givers.entry(e).or_default();
                        if !g.contains(&r) {
                            g.push(r);
                        }
                    }
                }
            }
        }
        let mut entries = Vec::new();
        for (e, here) in present {
            let requires = &table[e].requires;
            if !requires.holds(strict.facts(), values) {
                continue;
            }
            for &r in &givers[&e] {
                gave_kept[r] = true;
            }
            let certain = space
                .list
                .iter()
                .enumerate()
                .all(|(ci, c)| here[ci] || !requires.holds(c.decision.facts(), &c.values));
            let cases = if certain {
                Vec::new()
            } else {
                cover(&space.dims, &here)
            };
            entries.push(Entry {
                index: e,
                certain,
                cases,
            });
        }
        lists.insert(list, entries);
    }
    // What a "vet ej" itself asks of the organiser (find out the class).
    let organiser = lists.entry(List::Organiser).or_default();
    for (q, _) in &space.dims {
        for &e in &content.questions[*q].unknown_items {
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
    let fired = explained(content, space, &gave_kept);
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

/// The rules the explanation shows. A rule that fires whatever the unknown
/// answers are is shown unless everything it gives fell away. A rule that
/// fires only for some values is shown where it made the result what it
/// is (the class, no digital meeting, the recording verdict, an excluded
/// platform, a kept item), with the cases where it fires; a rule that
/// speaks only for a laxer completion is left to the open answers.
fn explained(content: &Content, space: &Completions, gave_kept: &[bool]) -> Vec<Fired> {
    let strict = &space.strict;
    let n = space.list.len();
    let mut out = Vec::new();
    for (i, rule) in content.rules.iter().enumerate() {
        let here: Vec<bool> = space.list.iter().map(|c| c.fired.contains(&i)).collect();
        let count = here.iter().filter(|h| **h).count();
        if count == 0 {
            continue;
        }
        let certain = count == n;
        let decides = strict.deciding.contains(&i)
            || (rule.forbid_digital && strict.forbidden)
            || !rule.exclude_platforms.is_empty()
            || gave_kept[i];
        let class = if certain {
            rule.class_at_least.is_some()
        } else {
            rule.class_at_least == Some(strict.class)
        };
        if decides || class {
            out.push(Fired {
                rule: i,
                certain,
                cases: if certain {
                    Vec::new()
                } else {
                    cover(&space.dims, &here)
                },
            });
        }
    }
    out
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

/// The completions marked in `set` as a few cases, each a product of value
/// sets: greedily, each uncovered completion grows into the largest box
/// that stays inside the set. Exact: the cases cover the set and nothing
/// else.
fn cover(dims: &[(usize, Vec<Answer>)], set: &[bool]) -> Cases {
    let mut covered = vec![false; set.len()];
    let mut cases = Vec::new();
    for start in 0..set.len() {
        if !set[start] || covered[start] {
            continue;
        }
        let mut cube: Vec<Vec<usize>> = decode(dims, start).into_iter().map(|v| vec![v]).collect();
        for j in 0..dims.len() {
            for v in 0..dims[j].1.len() {
                if cube[j].contains(&v) {
                    continue;
                }
                cube[j].push(v);
                if !points(&cube).iter().all(|p| set[encode(dims, p)]) {
                    cube[j].pop();
                }
            }
        }
        for p in points(&cube) {
            covered[encode(dims, &p)] = true;
        }
        let case = dims
            .iter()
            .zip(&cube)
            .filter(|((_, all), vs)| vs.len() < all.len())
            .map(|((q, all), vs)| {
                let mut vs = vs.clone();
                vs.sort_unstable();
                (*q, vs.into_iter().map(|v| all[v]).collect())
            })
            .collect();
        cases.push(case);
    }
    cases
}

/// Every point of a box.
fn points(cube: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for vs in cube {
        out = out
            .into_iter()
            .flat_map(|p| {
                vs.iter().map(move |&v| {
                    let mut q = p.clone();
                    q.push(v);
                    q
                })
            })
            .collect();
    }
    out
}

fn extend_unique(into: &mut Vec<usize>, from: &[usize]) {
    for x in from {
        if !into.contains(x) {
            into.push(*x);
        }
    }
}

/// For each unknown answer: the decision under each real value, kept when
/// those decisions differ.
fn open_answers(content: &Content, profile: usize, values: &[Answer]) -> Vec<OpenAnswer> {
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
                (v, summarise(content, profile, &work))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a completion (value indices) lies in one of the cases.
    fn in_cases(dims: &[(usize, Vec<Answer>)], cases: &Cases, point: &[usize]) -> bool {
        cases.iter().any(|case| {
            case.iter().all(|(q, values)| {
                let j = dims
                    .iter()
                    .position(|(d, _)| d == q)
                    .expect("a known question");
                values.contains(&dims[j].1[point[j]])
            })
        })
    }

    /// The oracle: for every subset of every small space (up to three
    /// questions of two or three values), the cases hold exactly on the
    /// marked completions, none more, none fewer.
    #[test]
    fn the_cases_cover_exactly_the_marked_completions() {
        let shapes: [&[usize]; 5] = [&[2], &[3], &[2, 2], &[2, 3], &[2, 2, 2]];
        for shape in shapes {
            let dims: Vec<(usize, Vec<Answer>)> = shape
                .iter()
                .enumerate()
                .map(|(q, &n)| (q, (0..n).map(Answer::Choice).collect()))
                .collect();
            let count: usize = shape.iter().product();
            for mask in 0u32..(1 << count) {
                let set: Vec<bool> = (0..count).map(|i| mask & (1 << i) != 0).collect();
                let cases = cover(&dims, &set);
                for (i, &marked) in set.iter().enumerate() {
                    let point = decode(&dims, i);
                    assert_eq!(encode(&dims, &point), i);
                    assert_eq!(
                        in_cases(&dims, &cases, &point),
                        marked,
                        "shape {shape:?}, set {set:?}, cases {cases:?}"
                    );
                }
            }
        }
    }
}
