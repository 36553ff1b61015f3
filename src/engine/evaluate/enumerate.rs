//! Every completion of the unknown answers decided on its own, one by
//! one, and combined: exact and simple, quick for a few completions,
//! hopeless for a million.

use std::collections::BTreeMap;

use super::{
    Decision, Dims, List, Way, case, cases_unless, dims, open_answers, recommendation, shown,
};
use crate::content::{Answer, Content, Verdict};
use crate::engine::outcome::*;

/// The recommendation for `values` (after the flow's reset), its open
/// answers enumerated too.
pub(super) fn recommend(content: &Content, profile: usize, values: &[Answer]) -> Recommendation {
    let space = Completions::of(content, profile, values);
    let mut rec = assemble(content, profile, values, &space);
    rec.open = open_answers(content, values, |_, _, work| {
        super::summarise_by(content, profile, work, Way::Enumerate)
    });
    rec
}

/// The strictest decision over the completions of `values`.
pub(super) fn strict(content: &Content, profile: usize, values: &[Answer]) -> Decision {
    Completions::of(content, profile, values).strict
}

struct Completion {
    values: Vec<Answer>,
    /// The rules that fired and are not replaced by another that fired.
    fired: Vec<usize>,
    decision: Decision,
}

/// Every completion of the unknown answers, and their strictest decision.
struct Completions {
    dims: Dims,
    list: Vec<Completion>,
    strict: Decision,
}

impl Completions {
    fn of(content: &Content, profile: usize, values: &[Answer]) -> Completions {
        let dims = dims(content, values);
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

/// Completion `i`'s value index in each dimension.
pub(super) fn decode(dims: &Dims, mut i: usize) -> Vec<usize> {
    let mut out = vec![0; dims.len()];
    for j in (0..dims.len()).rev() {
        let n = dims[j].1.len();
        out[j] = i % n;
        i /= n;
    }
    out
}

fn encode(dims: &Dims, point: &[usize]) -> usize {
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
            let cases = cases_unless(certain, || cover(&space.dims, &here));
            entries.push(Entry {
                index: e,
                certain,
                cases,
            });
        }
        lists.insert(list, entries);
    }
    let fired = explained(content, space, &gave_kept);
    recommendation(content, profile, values, strict, lists, fired)
}

/// The rules the explanation shows ([`shown`]), with the cases where each
/// fires.
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
        if shown(rule, i, certain, strict, gave_kept) {
            out.push(Fired {
                rule: i,
                certain,
                cases: cases_unless(certain, || cover(&space.dims, &here)),
            });
        }
    }
    out
}

/// The completions marked in `set` as a few cases, each a product of value
/// sets: greedily, each uncovered completion grows into the largest box
/// that stays inside the set. Exact: the cases cover the set and nothing
/// else.
pub(super) fn cover(dims: &Dims, set: &[bool]) -> Cases {
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
        cases.push(case(dims, &cube));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a completion (value indices) lies in one of the cases.
    fn in_cases(dims: &Dims, cases: &Cases, point: &[usize]) -> bool {
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
            let dims: Dims = shape
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
