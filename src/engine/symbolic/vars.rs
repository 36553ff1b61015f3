//! Answers as Boolean variables: each open question's values encoded in a
//! few BDD variables, in the enumeration's order, so that the BDD's first
//! satisfying valuation is the first combination an enumeration would meet
//! and its cardinality is the number of combinations.

use biodivine_lib_bdd::{Bdd, BddPartialValuation, BddValuation, BddVariable, BddVariableSet};

use crate::content::Answer;

/// How one question's answer is spelled in variables.
#[derive(Debug, Clone)]
pub enum Domain {
    /// A known answer: no variable.
    Fixed(Answer),
    /// One of `values`, its index written in `bits`, most significant first.
    Index {
        values: Vec<Answer>,
        bits: Vec<BddVariable>,
    },
    /// A set of options: each `(option bit, variable)` is one option that
    /// may be chosen, most significant first.
    Set { options: Vec<(u64, BddVariable)> },
}

/// The variables of a space of answers.
pub struct Vars {
    pub set: BddVariableSet,
    pub domains: Vec<Domain>,
    /// Valuations that spell an answer (an index below its count).
    pub valid: Bdd,
}

/// What a question may be, for [`Vars::new`].
pub enum Shape {
    Fixed(Answer),
    /// These values, in enumeration order.
    Values(Vec<Answer>),
    /// A set over these option bits, most significant first.
    Set(Vec<u64>),
}

impl Vars {
    /// Variables for `shapes`, allocated in question order and, within a
    /// question, most significant first: the variable order is the
    /// enumeration's order.
    pub fn new(shapes: &[Shape]) -> Vars {
        let mut count: usize = 0;
        let mut plan = Vec::with_capacity(shapes.len());
        for shape in shapes {
            let n = match shape {
                Shape::Fixed(_) => 0,
                Shape::Values(v) => bits_for(v.len()),
                Shape::Set(bits) => bits.len(),
            };
            plan.push(count..count + n);
            count += n;
        }
        let num_vars = u16::try_from(count).unwrap_or(u16::MAX);
        let set = BddVariableSet::new_anonymous(num_vars);
        let vars = set.variables();
        let mut valid = set.mk_true();
        let domains = shapes
            .iter()
            .zip(plan)
            .map(|(shape, range)| match shape {
                Shape::Fixed(a) => Domain::Fixed(*a),
                Shape::Values(values) => {
                    let bits = vars[range].to_vec();
                    let domain = Domain::Index {
                        values: values.clone(),
                        bits,
                    };
                    let any = (0..values.len())
                        .map(|i| index_is(&set, &domain, i))
                        .fold(set.mk_false(), |a, b| a.or(&b));
                    valid = valid.and(&any);
                    domain
                }
                Shape::Set(bits) => Domain::Set {
                    options: bits
                        .iter()
                        .copied()
                        .zip(vars[range].iter().copied())
                        .collect(),
                },
            })
            .collect();
        Vars {
            set,
            domains,
            valid,
        }
    }

    /// Whether the variables fit in the BDD library's 16-bit numbering.
    pub fn fits(shapes: &[Shape]) -> bool {
        let n: usize = shapes
            .iter()
            .map(|s| match s {
                Shape::Fixed(_) => 0,
                Shape::Values(v) => bits_for(v.len()),
                Shape::Set(b) => b.len(),
            })
            .sum();
        n < usize::from(u16::MAX)
    }

    /// Question `q`'s answer is its `i`-th value.
    pub fn is_value(&self, q: usize, i: usize) -> Bdd {
        index_is(&self.set, &self.domains[q], i)
    }

    /// The number of valid combinations in `set`.
    pub fn count(&self, set: &Bdd) -> u128 {
        let n = set.and(&self.valid).exact_cardinality();
        u128::try_from(n).unwrap_or(u128::MAX)
    }

    /// The first valid combination in `set`, in enumeration order.
    pub fn first(&self, set: &Bdd) -> Option<Vec<Answer>> {
        let v = set.and(&self.valid).first_valuation()?;
        Some(self.decode(&v))
    }

    /// The valuation that spells `answers` (`None`: a value outside the
    /// domains).
    pub fn encode(&self, answers: &[Answer]) -> Option<BddValuation> {
        let mut v = BddValuation::all_false(self.set.num_vars());
        for (d, a) in self.domains.iter().zip(answers) {
            match (d, a) {
                (Domain::Fixed(x), _) if x == a => {}
                (Domain::Index { values, bits }, _) => {
                    let i = values.iter().position(|x| x == a)?;
                    for (k, &b) in bits.iter().enumerate() {
                        v.set_value(b, (i >> (bits.len() - 1 - k)) & 1 == 1);
                    }
                }
                (Domain::Set { options }, Answer::Set(s)) => {
                    let known = options.iter().fold(0, |m, (b, _)| m | b);
                    if s & !known != 0 {
                        return None;
                    }
                    for (bit, var) in options {
                        v.set_value(*var, s & bit != 0);
                    }
                }
                _ => return None,
            }
        }
        Some(v)
    }

    /// The answers a valuation spells.
    pub fn decode(&self, v: &BddValuation) -> Vec<Answer> {
        self.domains
            .iter()
            .map(|d| match d {
                Domain::Fixed(a) => *a,
                Domain::Index { values, bits } => {
                    let i = bits.iter().fold(0usize, |n, &b| n * 2 + usize::from(v[b]));
                    values[i.min(values.len() - 1)]
                }
                Domain::Set { options } => Answer::Set(
                    options
                        .iter()
                        .filter(|(_, var)| v[*var])
                        .fold(0, |s, (bit, _)| s | bit),
                ),
            })
            .collect()
    }
}

/// Binary digits needed for `n` values.
fn bits_for(n: usize) -> usize {
    (usize::BITS - n.saturating_sub(1).leading_zeros()) as usize
}

fn index_is(set: &BddVariableSet, domain: &Domain, i: usize) -> Bdd {
    match domain {
        Domain::Index { bits, .. } => {
            let width = bits.len();
            let literals: Vec<(BddVariable, bool)> = bits
                .iter()
                .enumerate()
                .map(|(k, &b)| (b, (i >> (width - 1 - k)) & 1 == 1))
                .collect();
            set.mk_conjunctive_clause(&BddPartialValuation::from_values(&literals))
        }
        _ => set.mk_false(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of every width is spelled by exactly one valuation, in
    /// order, and counted once; nothing beyond the values is valid.
    #[test]
    fn indices_round_trip_in_order() {
        for n in 1..=9 {
            let values: Vec<Answer> = (0..n).map(Answer::Choice).collect();
            let vars = Vars::new(&[Shape::Values(values.clone())]);
            assert_eq!(vars.count(&vars.set.mk_true()), n as u128);
            for (i, value) in values.iter().enumerate() {
                let only = vars.is_value(0, i);
                assert_eq!(vars.first(&only), Some(vec![*value]));
                assert_eq!(vars.count(&only), 1);
            }
            assert_eq!(vars.first(&vars.set.mk_true()), Some(vec![values[0]]));
        }
    }

    /// The first valuation follows question order, then significance.
    #[test]
    fn first_is_the_enumeration_first() {
        let vars = Vars::new(&[
            Shape::Values(vec![Answer::Bool(false), Answer::Bool(true)]),
            Shape::Set(vec![4, 1]),
        ]);
        let q0_true = vars.is_value(0, 1);
        assert_eq!(
            vars.first(&q0_true),
            Some(vec![Answer::Bool(true), Answer::Set(0)])
        );
        let Domain::Set { options } = &vars.domains[1] else {
            panic!("a set")
        };
        let low = vars.set.mk_var(options[1].1);
        assert_eq!(
            vars.first(&low),
            Some(vec![Answer::Bool(false), Answer::Set(1)])
        );
    }
}
