//! Conditions on answers: how they are written, compiled and evaluated.
//!
//! Written forms (in `when`, `ask_when`, `offer_when`):
//! - `{question: value}`: a yes/no question is `true`/`false`; a choice is an
//!   option id, a list of option ids (any of them) or `unanswered`; a multi
//!   question is `empty`, `nonempty` or a list of option ids (any selected).
//! - `{all: [..]}`, `{any: [..]}`, `{not: ..}`; several keys in one mapping
//!   must all hold.

use serde::{Deserialize, Serialize};

use crate::content::model::{Answer, Question, QuestionKind};
use crate::yaml::{Mapping, Path, Step, Value, scalar_to_string, type_name};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cond {
    Always,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// A yes/no answer equals the value.
    Is {
        question: usize,
        value: bool,
    },
    /// A choice answer is one of the options (bits).
    OneOf {
        question: usize,
        options: u64,
    },
    /// A choice question left unanswered.
    Unanswered {
        question: usize,
    },
    /// A multi answer holds none of its options.
    Empty {
        question: usize,
    },
    /// A multi answer holds at least one of these options (bits).
    Contains {
        question: usize,
        options: u64,
    },
}

/// Three-valued truth for answers that may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Yes,
    No,
    Maybe,
}

impl Cond {
    /// Evaluates on concrete answers. An `Unknown` answer counts as not
    /// matching; the engine never passes one (it enumerates completions).
    pub fn holds(&self, answers: &[Answer]) -> bool {
        self.truth(answers) == Truth::Yes
    }

    /// Evaluates with `Unknown` answers as "maybe".
    pub fn truth(&self, answers: &[Answer]) -> Truth {
        match self {
            Cond::Always => Truth::Yes,
            Cond::All(cs) => {
                let mut out = Truth::Yes;
                for c in cs {
                    match c.truth(answers) {
                        Truth::No => return Truth::No,
                        Truth::Maybe => out = Truth::Maybe,
                        Truth::Yes => {}
                    }
                }
                out
            }
            Cond::Any(cs) => {
                let mut out = Truth::No;
                for c in cs {
                    match c.truth(answers) {
                        Truth::Yes => return Truth::Yes,
                        Truth::Maybe => out = Truth::Maybe,
                        Truth::No => {}
                    }
                }
                out
            }
            Cond::Not(c) => match c.truth(answers) {
                Truth::Yes => Truth::No,
                Truth::No => Truth::Yes,
                Truth::Maybe => Truth::Maybe,
            },
            Cond::Is { question, value } => match answers[*question] {
                Answer::Bool(b) => truth(b == *value),
                Answer::Unknown => Truth::Maybe,
                _ => Truth::No,
            },
            Cond::OneOf { question, options } => match answers[*question] {
                Answer::Choice(i) => truth(options & (1 << i) != 0),
                Answer::Unknown => Truth::Maybe,
                _ => Truth::No,
            },
            Cond::Unanswered { question } => match answers[*question] {
                Answer::Unanswered => Truth::Yes,
                _ => Truth::No,
            },
            Cond::Empty { question } => match answers[*question] {
                Answer::Set(bits) => truth(bits == 0),
                Answer::Unknown => Truth::Maybe,
                _ => Truth::No,
            },
            Cond::Contains { question, options } => match answers[*question] {
                Answer::Set(bits) => truth(bits & options != 0),
                Answer::Unknown => Truth::Maybe,
                _ => Truth::No,
            },
        }
    }

    /// Evaluates on answers some of which are still open (`None`): an open
    /// answer may turn out to be any value, "not stated" included, so every
    /// leaf on it is "maybe". Given answers, "vet ej" too, read as
    /// [`Cond::truth`] reads them.
    pub fn truth_partial(&self, answers: &[Option<Answer>]) -> Truth {
        match self {
            Cond::Always => Truth::Yes,
            Cond::All(cs) => {
                cs.iter()
                    .fold(Truth::Yes, |acc, c| match (acc, c.truth_partial(answers)) {
                        (Truth::No, _) | (_, Truth::No) => Truth::No,
                        (Truth::Maybe, _) | (_, Truth::Maybe) => Truth::Maybe,
                        _ => Truth::Yes,
                    })
            }
            Cond::Any(cs) => {
                cs.iter()
                    .fold(Truth::No, |acc, c| match (acc, c.truth_partial(answers)) {
                        (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
                        (Truth::Maybe, _) | (_, Truth::Maybe) => Truth::Maybe,
                        _ => Truth::No,
                    })
            }
            Cond::Not(c) => match c.truth_partial(answers) {
                Truth::Yes => Truth::No,
                Truth::No => Truth::Yes,
                Truth::Maybe => Truth::Maybe,
            },
            leaf => {
                let mut open = false;
                leaf.visit_leaves(&mut |q, _| open |= answers[q].is_none());
                if open {
                    return Truth::Maybe;
                }
                let given: Vec<Answer> = answers
                    .iter()
                    .map(|a| a.unwrap_or(Answer::Unknown))
                    .collect();
                leaf.truth(&given)
            }
        }
    }

    /// Calls `f` with every (question, option bits) a leaf names; option
    /// bits are 0 for leaves that do not name single options.
    pub fn visit_leaves(&self, f: &mut impl FnMut(usize, u64)) {
        match self {
            Cond::Always => {}
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.visit_leaves(f)),
            Cond::Not(c) => c.visit_leaves(f),
            Cond::Is { question, .. }
            | Cond::Unanswered { question }
            | Cond::Empty { question } => f(*question, 0),
            Cond::OneOf { question, options } | Cond::Contains { question, options } => {
                f(*question, *options)
            }
        }
    }

    /// The questions this condition reads.
    pub fn questions(&self) -> Vec<usize> {
        let mut qs = Vec::new();
        self.visit_leaves(&mut |q, _| {
            if !qs.contains(&q) {
                qs.push(q);
            }
        });
        qs
    }
}

fn truth(b: bool) -> Truth {
    if b { Truth::Yes } else { Truth::No }
}

/// Why a written condition does not compile, and the node at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    /// The node, relative to the condition itself.
    pub at: Path,
    /// The fault is the key at `at` (an unknown question), not its value.
    pub key: bool,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl CondError {
    fn value(message: String) -> CondError {
        CondError {
            at: Path::root(),
            key: false,
            message,
        }
    }

    /// The same error, seen from the node one `step` above.
    fn under(self, step: Step) -> CondError {
        CondError {
            at: self.at.under(step),
            ..self
        }
    }
}

/// Compiles a written condition against the questions. The error says what
/// is wrong, what would be accepted, and where.
pub fn compile(value: &Value, questions: &[Question]) -> Result<Cond, CondError> {
    match value {
        Value::Mapping(map) => compile_mapping(map, questions),
        Value::Null => Ok(Cond::Always),
        other => Err(CondError::value(format!(
            "a condition must be a mapping such as `secrecy: true` or `any: [...]`, found {}",
            type_name(other)
        ))),
    }
}

fn compile_mapping(map: &Mapping, questions: &[Question]) -> Result<Cond, CondError> {
    let mut parts = Vec::new();
    for (key, value) in map {
        let key = scalar_to_string(key)
            .ok_or_else(|| CondError::value("a condition key must be a text".into()))?;
        let here = |e: CondError| e.under(Step::Key(key.clone()));
        let part = match key.as_str() {
            "all" | "any" => {
                let list = value.as_sequence().ok_or_else(|| {
                    here(CondError::value(format!(
                        "`{key}` takes a list of conditions"
                    )))
                })?;
                if list.is_empty() {
                    return Err(here(CondError::value(format!(
                        "`{key}` needs at least one condition"
                    ))));
                }
                let cs = list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| compile(v, questions).map_err(|e| here(e.under(Step::Index(i)))))
                    .collect::<Result<Vec<_>, _>>()?;
                if key == "all" {
                    Cond::All(cs)
                } else {
                    Cond::Any(cs)
                }
            }
            "not" => Cond::Not(Box::new(compile(value, questions).map_err(here)?)),
            id => {
                let q = questions.iter().position(|q| q.id == id).ok_or_else(|| {
                    let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
                    CondError {
                        key: true,
                        ..here(CondError::value(format!(
                            "unknown question `{id}` in a condition; accepted: all, any, not, {}",
                            ids.join(", ")
                        )))
                    }
                })?;
                compile_leaf(q, &questions[q], value).map_err(here)?
            }
        };
        parts.push(part);
    }
    Ok(match parts.len() {
        0 => Cond::Always,
        1 => parts.pop().expect("one part"),
        _ => Cond::All(parts),
    })
}

fn compile_leaf(q: usize, question: &Question, value: &Value) -> Result<Cond, CondError> {
    // Options in a list are found at their item; a single one at the value.
    let options = |list: &[Value], listed: bool| -> Result<u64, CondError> {
        let mut bits = 0u64;
        for (n, v) in list.iter().enumerate() {
            let id = scalar_to_string(v).unwrap_or_default();
            let i = question.option_index(&id).ok_or_else(|| {
                let e = CondError::value(format!(
                    "`{}` has no option `{id}`; accepted: {}",
                    question.id,
                    option_ids(question)
                ));
                if listed { e.under(Step::Index(n)) } else { e }
            })?;
            bits |= 1 << i;
        }
        if bits == 0 {
            return Err(CondError::value(format!(
                "`{}` needs at least one option",
                question.id
            )));
        }
        Ok(bits)
    };
    match question.kind {
        QuestionKind::YesNo => match value {
            Value::Bool(b) => Ok(Cond::Is {
                question: q,
                value: *b,
            }),
            other => Err(CondError::value(format!(
                "`{}` is a yes/no question: write true or false, found {}",
                question.id,
                type_name(other)
            ))),
        },
        QuestionKind::Choice => match value {
            Value::Sequence(list) => Ok(Cond::OneOf {
                question: q,
                options: options(list, true)?,
            }),
            Value::String(s) if s == "unanswered" => Ok(Cond::Unanswered { question: q }),
            scalar => Ok(Cond::OneOf {
                question: q,
                options: options(std::slice::from_ref(scalar), false)?,
            }),
        },
        QuestionKind::Multi => match value {
            Value::Sequence(list) => Ok(Cond::Contains {
                question: q,
                options: options(list, true)?,
            }),
            Value::String(s) if s == "empty" => Ok(Cond::Empty { question: q }),
            Value::String(s) if s == "nonempty" => {
                Ok(Cond::Not(Box::new(Cond::Empty { question: q })))
            }
            other => Err(CondError::value(format!(
                "`{}` is a multiple choice: write empty, nonempty or a list of options, found {}",
                question.id,
                type_name(other)
            ))),
        },
    }
}

fn option_ids(question: &Question) -> String {
    let mut ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
    if question.kind == QuestionKind::Choice {
        ids.push("unanswered");
    }
    ids.join(", ")
}
