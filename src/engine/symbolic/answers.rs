//! Symbolic answers: for each question, under which valuations it has
//! which value. Conditions compile against them to BDDs; the flow's reset
//! of unasked answers is itself a symbolic answers.

use biodivine_lib_bdd::Bdd;

use crate::content::condition::Cond;
use crate::content::{Answer, Content};

use super::vars::{Domain, Vars};

/// One question's answer.
#[derive(Clone)]
pub enum Sym {
    /// Each value it may have, with where it has it (disjoint sets).
    Values(Vec<(Answer, Bdd)>),
    /// A set of options: each option bit with where it is chosen.
    Bits(Vec<(u64, Bdd)>),
}

/// Every question's symbolic answer.
#[derive(Clone)]
pub struct SymAnswers {
    pub answers: Vec<Sym>,
    tt: Bdd,
    ff: Bdd,
}

impl SymAnswers {
    /// The answers the variables spell, unchanged.
    pub fn raw(vars: &Vars) -> SymAnswers {
        let answers = vars
            .domains
            .iter()
            .enumerate()
            .map(|(q, d)| match d {
                Domain::Fixed(a) => Sym::Values(vec![(*a, vars.set.mk_true())]),
                Domain::Index { values, .. } => Sym::Values(
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, a)| (*a, vars.is_value(q, i)))
                        .collect(),
                ),
                Domain::Set { options } => Sym::Bits(
                    options
                        .iter()
                        .map(|(bit, var)| (*bit, vars.set.mk_var(*var)))
                        .collect(),
                ),
            })
            .collect();
        SymAnswers {
            answers,
            tt: vars.set.mk_true(),
            ff: vars.set.mk_false(),
        }
    }

    /// Other answers over the same variables: one [`Sym`] per question of
    /// some content, each a function of these variables (what another
    /// content's answers are, read from this content's).
    pub fn with_answers(&self, answers: Vec<Sym>) -> SymAnswers {
        SymAnswers {
            answers,
            tt: self.tt.clone(),
            ff: self.ff.clone(),
        }
    }

    pub fn truth(&self) -> &Bdd {
        &self.tt
    }

    pub fn falsity(&self) -> &Bdd {
        &self.ff
    }

    /// Where `cond` holds (as [`Cond::holds`] reads concrete answers).
    pub fn holds(&self, cond: &Cond) -> Bdd {
        match cond {
            Cond::Always => self.tt.clone(),
            Cond::All(cs) => cs.iter().fold(self.tt.clone(), |acc, c| {
                if acc.is_false() {
                    acc
                } else {
                    acc.and(&self.holds(c))
                }
            }),
            Cond::Any(cs) => cs.iter().fold(self.ff.clone(), |acc, c| {
                if acc.is_true() {
                    acc
                } else {
                    acc.or(&self.holds(c))
                }
            }),
            Cond::Not(c) => self.holds(c).not(),
            leaf => self.leaf(leaf),
        }
    }

    /// A leaf on one question: its truth on each value is the concrete
    /// evaluator's own, so the two cannot drift apart.
    fn leaf(&self, leaf: &Cond) -> Bdd {
        let mut question = 0;
        leaf.visit_leaves(&mut |q, _| question = q);
        match &self.answers[question] {
            Sym::Values(values) => {
                let mut probe = vec![Answer::Unknown; question + 1];
                values.iter().fold(self.ff.clone(), |acc, (a, where_)| {
                    probe[question] = *a;
                    if leaf.holds(&probe) {
                        acc.or(where_)
                    } else {
                        acc
                    }
                })
            }
            Sym::Bits(bits) => match leaf {
                Cond::Empty { .. } => bits
                    .iter()
                    .fold(self.tt.clone(), |acc, (_, b)| acc.and_not(b)),
                Cond::Contains { options, .. } => bits
                    .iter()
                    .filter(|(bit, _)| bit & options != 0)
                    .fold(self.ff.clone(), |acc, (_, b)| acc.or(b)),
                _ => self.ff.clone(),
            },
        }
    }

    /// Where question `q`'s answer equals `a`.
    pub fn is(&self, q: usize, a: Answer) -> Bdd {
        match &self.answers[q] {
            Sym::Values(values) => values
                .iter()
                .filter(|(v, _)| *v == a)
                .fold(self.ff.clone(), |acc, (_, w)| acc.or(w)),
            Sym::Bits(bits) => match a {
                Answer::Set(s) => {
                    let known: u64 = bits.iter().fold(0, |m, (b, _)| m | b);
                    if s & !known != 0 {
                        return self.ff.clone();
                    }
                    bits.iter().fold(self.tt.clone(), |acc, (b, w)| {
                        if s & b != 0 {
                            acc.and(w)
                        } else {
                            acc.and_not(w)
                        }
                    })
                }
                _ => self.ff.clone(),
            },
        }
    }

    /// Where question `q` has the same answer here and in `other`.
    pub fn same(&self, other: &SymAnswers, q: usize) -> Bdd {
        match (&self.answers[q], &other.answers[q]) {
            (Sym::Values(mine), _) => mine.iter().fold(self.ff.clone(), |acc, (a, w)| {
                acc.or(&w.and(&other.is(q, *a)))
            }),
            (Sym::Bits(mine), Sym::Bits(theirs)) => {
                let all: u64 = mine.iter().chain(theirs).fold(0, |m, (b, _)| m | b);
                let bit = |list: &[(u64, Bdd)], b: u64| {
                    list.iter()
                        .find(|(x, _)| *x == b)
                        .map_or(self.ff.clone(), |(_, w)| w.clone())
                };
                (0..64)
                    .map(|k| 1u64 << k)
                    .filter(|b| all & b != 0)
                    .fold(self.tt.clone(), |acc, b| {
                        acc.and(&bit(mine, b).iff(&bit(theirs, b)))
                    })
            }
            (Sym::Bits(_), Sym::Values(theirs)) => {
                theirs.iter().fold(self.ff.clone(), |acc, (a, w)| {
                    acc.or(&w.and(&self.is(q, *a)))
                })
            }
        }
    }

    /// The answers the flow goes on with ([`crate::engine::flow::reset_unasked`]):
    /// a question not asked, or decided by an implication, takes the
    /// implied value or its default. Conditions read only earlier
    /// questions, so one pass in order suffices, as in the flow.
    pub fn reset_unasked(&self, content: &Content) -> SymAnswers {
        let mut out = self.clone();
        for (q, question) in content.questions.iter().enumerate() {
            // The first implication that holds decides; none, the default.
            let mut earlier = self.ff.clone();
            let mut expected: Vec<(Answer, Bdd)> = Vec::new();
            for imp in &question.implied {
                let here = out.holds(&imp.when).and_not(&earlier);
                earlier = earlier.or(&here);
                expected.push((imp.value, here));
            }
            expected.push((question.default, earlier.not()));
            let asked = question
                .ask_when
                .as_ref()
                .map_or(self.tt.clone(), |c| out.holds(c))
                .and_not(&earlier);
            let kept = |w: &Bdd| asked.and(w);
            let replaced = |a: Answer| {
                expected
                    .iter()
                    .filter(|(v, _)| *v == a)
                    .fold(self.ff.clone(), |acc, (_, w)| acc.or(w))
                    .and_not(&asked)
            };
            out.answers[q] = match &self.answers[q] {
                Sym::Values(values) => {
                    let mut all: Vec<Answer> = values.iter().map(|(a, _)| *a).collect();
                    for (a, _) in &expected {
                        if !all.contains(a) {
                            all.push(*a);
                        }
                    }
                    Sym::Values(
                        all.into_iter()
                            .map(|a| (a, kept(&self.is(q, a)).or(&replaced(a))))
                            .filter(|(_, w)| !w.is_false())
                            .collect(),
                    )
                }
                Sym::Bits(bits) => {
                    let mut all: u64 = bits.iter().fold(0, |m, (b, _)| m | b);
                    for (a, _) in &expected {
                        if let Answer::Set(s) = a {
                            all |= s;
                        }
                    }
                    let raw = |b: u64| {
                        bits.iter()
                            .find(|(x, _)| *x == b)
                            .map_or(self.ff.clone(), |(_, w)| w.clone())
                    };
                    Sym::Bits(
                        (0..64)
                            .map(|k| 1u64 << k)
                            .filter(|b| all & b != 0)
                            .map(|b| {
                                let implied = expected
                                    .iter()
                                    .filter(|(a, _)| matches!(a, Answer::Set(s) if s & b != 0))
                                    .fold(self.ff.clone(), |acc, (_, w)| acc.or(w))
                                    .and_not(&asked);
                                (b, kept(&raw(b)).or(&implied))
                            })
                            .collect(),
                    )
                }
            };
        }
        out
    }

    /// Where the flow would leave every answer as it is: the combinations
    /// that are meetings of their own (an enumeration visits only these).
    pub fn canonical(&self, content: &Content) -> Bdd {
        let reset = self.reset_unasked(content);
        (0..self.answers.len()).fold(self.tt.clone(), |acc, q| acc.and(&self.same(&reset, q)))
    }
}
