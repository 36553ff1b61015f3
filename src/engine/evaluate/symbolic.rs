//! The completions of the unknown answers read all at once: each unknown
//! question becomes variables in the enumeration's order, and every fact
//! of the decision the set of completions where it holds (a BDD). What
//! the enumeration reads off a list of completions, this reads off those
//! sets: the same strictest decision, the same entries and the same cases,
//! in the same order, without visiting the completions one by one.

use std::collections::BTreeMap;

use biodivine_lib_bdd::Bdd;

use super::{
    Decision, Dims, List, Way, case, cases_unless, dims, open_answers, recommendation, shown,
};
use crate::content::{Answer, Content, QuestionKind, Verdict};
use crate::engine::flow;
use crate::engine::outcome::*;
use crate::engine::space::named_options;
use crate::engine::symbolic::decision::VERDICTS;
use crate::engine::symbolic::{self as sym, Shape, SymAnswers, Vars, set_bits};

/// The recommendation for `values` (after the flow's reset). The outcome
/// under each value of an unknown answer is read off the same completions,
/// unless that value changes what the flow asks: then the answers are
/// summarised anew, the way `way` says.
pub(super) fn recommend(
    content: &Content,
    profile: usize,
    values: &[Answer],
    way: Way,
) -> Recommendation {
    let space = Completions::of(content, profile, values);
    let mut rec = space.assemble(content, profile, values);
    rec.open = open_answers(content, values, |q, v, work| {
        let mut reset = work.to_vec();
        // The same unknown answers left: the completions with `q` answered
        // `v` are those of this space where it has that value.
        let within = flow::reset_unasked(content, &mut reset)
            .is_empty()
            .then(|| space.grid.where_is(q, v))
            .flatten();
        match within {
            Some(w) => strictest(content, profile, &space.decision, &w).summary(),
            None => super::summarise_by(content, profile, work, way),
        }
    });
    rec
}

/// The strictest decision over the completions of `values`.
pub(super) fn strict(content: &Content, profile: usize, values: &[Answer]) -> Decision {
    Completions::of(content, profile, values).strict
}

/// Every completion of the unknown answers at once.
struct Completions {
    grid: Grid,
    answers: SymAnswers,
    /// What each completion decides, as the completions where each fact
    /// holds.
    decision: sym::Decision,
    strict: Decision,
}

/// The completions as points of a grid: the variables that spell them and
/// the dimensions, each value of each the completions where it is taken.
struct Grid {
    vars: Vars,
    dims: Dims,
    /// Per dimension, per value: the completions where it has that value.
    is: Vec<Vec<Bdd>>,
}

impl Completions {
    fn of(content: &Content, profile: usize, values: &[Answer]) -> Completions {
        let dims = dims(content, values);
        // A set of options in its option bits, in the order the space
        // enumerates its sets; any other answer in its values.
        let mut shapes: Vec<Shape> = values.iter().map(|a| Shape::Fixed(*a)).collect();
        for (q, vs) in &dims {
            let question = &content.questions[*q];
            shapes[*q] = match question.kind {
                QuestionKind::Multi => {
                    Shape::Set(set_bits(named_options(content)[*q], question.options.len()))
                }
                _ => Shape::Values(vs.clone()),
            };
        }
        let vars = Vars::new(&shapes);
        // Completions are decided on their values as they stand, with no
        // second pass of the flow's reset, as the enumeration decides them.
        let answers = SymAnswers::raw(&vars);
        let grid = Grid::new(vars, &answers, dims);
        let decision = sym::Decision::new(content, profile, &answers);
        let strict = strictest(content, profile, &decision, &grid.vars.valid);
        Completions {
            grid,
            answers,
            decision,
            strict,
        }
    }

    fn assemble(&self, content: &Content, profile: usize, values: &[Answer]) -> Recommendation {
        let strict = &self.strict;
        let valid = &self.grid.vars.valid;
        let fired = &self.decision.fired;
        // Entry per list: where it is given (its presupposition holding
        // there), and which rules gave it where it was kept.
        let mut lists: BTreeMap<List, Vec<Entry>> = BTreeMap::new();
        let mut gave_kept = vec![false; content.rules.len()];
        for list in List::ALL {
            let table = list.table(content);
            let mut givers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (r, rule) in content.rules.iter().enumerate() {
                for &e in list.of(rule) {
                    givers.entry(e).or_default().push(r);
                }
            }
            let mut entries = Vec::new();
            for (e, rules) in givers {
                let requires = &table[e].requires;
                let holds = self.decision.requires(requires, &self.answers).and(valid);
                let gave: Vec<usize> = rules
                    .into_iter()
                    .filter(|&r| meets(&fired[r], &holds))
                    .collect();
                if gave.is_empty() || !requires.holds(strict.facts(), values) {
                    continue;
                }
                for &r in &gave {
                    gave_kept[r] = true;
                }
                let here = gave
                    .iter()
                    .fold(self.answers.falsity().clone(), |acc, &r| acc.or(&fired[r]))
                    .and(&holds);
                let certain = holds.and_not(&here).is_false();
                entries.push(Entry {
                    index: e,
                    certain,
                    cases: cases_unless(certain, || self.grid.cover(&here)),
                });
            }
            lists.insert(list, entries);
        }
        let fired = self.explained(content, &gave_kept);
        recommendation(content, profile, values, strict, lists, fired)
    }

    /// The rules the explanation shows ([`shown`]), with the cases where
    /// each fires.
    fn explained(&self, content: &Content, gave_kept: &[bool]) -> Vec<Fired> {
        let valid = &self.grid.vars.valid;
        let mut out = Vec::new();
        for (i, rule) in content.rules.iter().enumerate() {
            let here = self.decision.fired[i].and(valid);
            if here.is_false() {
                continue;
            }
            let certain = valid.and_not(&here).is_false();
            if shown(rule, i, certain, &self.strict, gave_kept) {
                out.push(Fired {
                    rule: i,
                    certain,
                    cases: cases_unless(certain, || self.grid.cover(&here)),
                });
            }
        }
        out
    }
}

impl Grid {
    /// The grid of `dims`, spelled in `vars`, as `answers` reads them.
    fn new(vars: Vars, answers: &SymAnswers, dims: Dims) -> Grid {
        let is = dims
            .iter()
            .map(|(q, vs)| {
                vs.iter()
                    .map(|v| answers.is(*q, *v).and(&vars.valid))
                    .collect()
            })
            .collect();
        Grid { vars, dims, is }
    }

    /// The completions where question `q` has value `v` (`None`: not one
    /// of its dimensions' values).
    fn where_is(&self, q: usize, v: Answer) -> Option<Bdd> {
        let j = self.dims.iter().position(|(d, _)| *d == q)?;
        let i = self.dims[j].1.iter().position(|x| *x == v)?;
        Some(self.is[j][i].clone())
    }

    /// The completions in `set` as a few cases, each a product of value
    /// sets, exactly as the enumeration's greedy cover makes them: the
    /// first completion not yet covered, in the enumeration's order, grows
    /// dimension by dimension, value by value, into the largest box that
    /// stays inside the set.
    fn cover(&self, set: &Bdd) -> Cases {
        let tt = self.vars.set.mk_true();
        let mut left = set.and(&self.vars.valid);
        let mut cases = Vec::new();
        while let Some(first) = self.vars.first(&left) {
            let start: Vec<usize> = self
                .dims
                .iter()
                .map(|(q, vs)| {
                    vs.iter()
                        .position(|v| *v == first[*q])
                        .expect("a completion's value is one of its dimension's")
                })
                .collect();
            let mut cube: Vec<Vec<usize>> = start.iter().map(|&v| vec![v]).collect();
            // The box's sides after dimension `j`, still single values.
            let mut after = vec![tt.clone(); self.dims.len() + 1];
            for j in (0..self.dims.len()).rev() {
                after[j] = self.is[j][start[j]].and(&after[j + 1]);
            }
            // The box's sides up to the dimension being grown.
            let mut before = tt.clone();
            for (j, side) in cube.iter_mut().enumerate() {
                let mut grown = self.is[j][start[j]].clone();
                for v in 0..self.is[j].len() {
                    if side.contains(&v) {
                        continue;
                    }
                    let wider = grown.or(&self.is[j][v]);
                    if before
                        .and(&wider)
                        .and(&after[j + 1])
                        .and_not(set)
                        .is_false()
                    {
                        grown = wider;
                        side.push(v);
                    }
                }
                before = before.and(&grown);
            }
            left = left.and_not(&before);
            cases.push(case(&self.dims, &cube));
        }
        cases
    }
}

/// Whether some completion of `within` lies in `set`.
fn meets(set: &Bdd, within: &Bdd) -> bool {
    !set.and(within).is_false()
}

/// Field by field the strictest of the decisions `d` makes for the
/// completions in `within`: the highest class, no digital meeting if any
/// forbids it, every excluded platform, the strictest recording verdict
/// with every rule that gave it.
fn strictest(content: &Content, profile: usize, d: &sym::Decision, within: &Bdd) -> Decision {
    let class = d
        .class
        .iter()
        .rev()
        .find(|(_, w)| meets(w, within))
        .map_or(0, |(k, _)| *k);
    let forbidden = meets(&d.forbidden, within);
    let excluded = (0..content.platforms.len())
        .filter(|&p| meets(&d.excluded[p], within))
        .collect();
    let verdict = (0..VERDICTS.len())
        .rev()
        .find(|&i| meets(&d.verdict[i], within))
        .map_or(Verdict::Forbidden, |i| VERDICTS[i]);
    // A rule giving the strictest verdict that fires somewhere fires where
    // that verdict is the completion's own, since none is stricter: these
    // are the rules that decided it in some completion.
    let deciding = (0..content.rules.len())
        .filter(|&i| {
            content.rules[i]
                .recording
                .as_ref()
                .is_some_and(|r| r.verdict == verdict)
                && meets(&d.fired[i], within)
        })
        .collect();
    Decision::new(
        content, profile, class, forbidden, excluded, verdict, deciding,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::space::multi_values;

    /// For every subset of every small grid (values, and sets of options
    /// spelled bit by bit), the cases are those the enumeration's cover
    /// makes, in the same order.
    #[test]
    fn the_cover_is_the_enumerations() {
        // (values, or named option bits of a three-option set) per question.
        let grids: [&[Result<usize, u64>]; 7] = [
            &[Ok(2)],
            &[Ok(3)],
            &[Err(0b011)],
            &[Ok(2), Ok(3)],
            &[Err(0b001), Ok(2)],
            &[Ok(3), Err(0b100)],
            &[Ok(2), Ok(2), Ok(2)],
        ];
        for shape in grids {
            let (shapes, dims): (Vec<Shape>, Dims) = shape
                .iter()
                .enumerate()
                .map(|(q, s)| match *s {
                    Ok(n) => {
                        let values: Vec<Answer> = (0..n).map(Answer::Choice).collect();
                        (Shape::Values(values.clone()), (q, values))
                    }
                    Err(named) => (Shape::Set(set_bits(named, 3)), (q, multi_values(named, 3))),
                })
                .unzip();
            let vars = Vars::new(&shapes);
            let answers = SymAnswers::raw(&vars);
            let grid = Grid::new(vars, &answers, dims);
            let count: usize = grid.dims.iter().map(|(_, v)| v.len()).product();
            for mask in 0u32..1 << count {
                let marked: Vec<bool> = (0..count).map(|i| mask & (1 << i) != 0).collect();
                let set =
                    (0..count)
                        .filter(|&i| marked[i])
                        .fold(grid.vars.set.mk_false(), |acc, i| {
                            let point = super::super::enumerate::decode(&grid.dims, i);
                            let here = point
                                .iter()
                                .enumerate()
                                .fold(grid.vars.set.mk_true(), |p, (j, &v)| p.and(&grid.is[j][v]));
                            acc.or(&here)
                        });
                assert_eq!(
                    grid.cover(&set),
                    super::super::enumerate::cover(&grid.dims, &marked),
                    "grid {shape:?}, marked {marked:?}"
                );
            }
        }
    }
}
