//! The answers file: reading it strictly against the content's questions.

use std::io::Read;
use std::path::Path;

use crate::content::{Answer, Content, QuestionKind};
use crate::yaml::{self, Place, Positions, Value};

pub use super::answers_error::{
    Accepted, AnswersError, AnswersErrorKind, ReadFailure, ValueKind, Written,
};

/// One set of answers: a value per question (in content order) and the
/// profile the file names, if any.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answers {
    pub profile: Option<usize>,
    pub values: Vec<Answer>,
}

impl Answers {
    /// Every question at its default, no profile named.
    pub fn defaults(content: &Content) -> Answers {
        Answers {
            profile: None,
            values: content.default_answers(),
        }
    }

    /// The profile to evaluate under: the file's, or the content's default.
    pub fn profile_or_default(&self, content: &Content) -> usize {
        self.profile.unwrap_or(content.default_profile)
    }

    /// Writes the answers back as an answers file that parses to the same
    /// answers; defaults are written too, so the file is self-explaining.
    pub fn to_yaml(&self, content: &Content) -> String {
        let mut out = String::new();
        if let Some(p) = self.profile {
            out.push_str(&format!("profile: {}\n", content.profiles[p].id));
        }
        for (q, a) in content.questions.iter().zip(&self.values) {
            if *a == Answer::Unanswered {
                continue;
            }
            out.push_str(&format!("{}: {}\n", q.id, q.answer_id(*a)));
        }
        out
    }
}

/// Reads an answers file (`-` for standard input) with the size and
/// encoding checks, then parses it.
pub fn read_answers(content: &Content, path: &Path) -> Result<Answers, AnswersError> {
    let stdin = path == Path::new("-");
    let file = (!stdin).then(|| path.display().to_string());
    let fail = |kind| AnswersError {
        file: file.clone(),
        line: None,
        column: None,
        kind: Box::new(kind),
    };
    let mut bytes = Vec::new();
    let read = if stdin {
        std::io::stdin()
            .lock()
            .take(yaml::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(yaml::MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(fail(AnswersErrorKind::Unreadable(ReadFailure {
            kind: e.kind(),
            detail: crate::messages::io_detail(&e),
        })));
    }
    if bytes.len() as u64 > yaml::MAX_FILE_BYTES {
        return Err(fail(AnswersErrorKind::TooLarge));
    }
    if bytes.contains(&0) {
        return Err(fail(AnswersErrorKind::NotText));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(AnswersErrorKind::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    })?;
    parse(content, file.clone(), &text)
}

/// Parses the text of an answers file named `name` in messages.
pub fn parse_answers(content: &Content, name: &str, text: &str) -> Result<Answers, AnswersError> {
    parse(content, Some(name.to_owned()), text)
}

/// Parses the text of an answers file; `file` is `None` for standard input.
fn parse(content: &Content, file: Option<String>, text: &str) -> Result<Answers, AnswersError> {
    let fail = |at: Option<Place>, kind| AnswersError {
        file: file.clone(),
        line: at.map(|p| p.line),
        column: at.map(|p| p.column),
        kind: Box::new(kind),
    };
    // Where a key or its value is written: read only for a refusal.
    let key_at = |key: &str| Positions::of(text).key(&yaml::Path::root().key(key));
    let value_at = |key: &str| Positions::of(text).value(&yaml::Path::root().key(key));
    if text.trim().is_empty() {
        return Err(fail(None, AnswersErrorKind::Empty));
    }
    let value: Value = yaml::from_str(text).map_err(|e| {
        if let Some(at) = e.too_deep() {
            return fail(
                Some(at),
                AnswersErrorKind::TooDeep {
                    limit: yaml::MAX_DEPTH,
                },
            );
        }
        let at = yaml::error_position(&e);
        // The parser points at the mapping that holds a key twice; the
        // second of the two is the one to point at.
        let repeated = e
            .is_duplicate_key()
            .then(|| {
                at.and_then(|m| {
                    Positions::of(text)
                        .repeated_key_named(m)
                        .map(|(p, k)| (p, k.to_owned()))
                })
            })
            .flatten();
        if let Some((second, key)) = repeated {
            return fail(Some(second), AnswersErrorKind::DuplicateKey { key });
        }
        let msg = e.to_string();
        let detail = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        fail(at, AnswersErrorKind::NotYaml { detail })
    })?;
    let Value::Mapping(map) = value else {
        return Err(fail(
            Positions::of(text).value(&yaml::Path::root()),
            AnswersErrorKind::NotMapping {
                found: ValueKind::of(&value),
            },
        ));
    };
    let mut answers = Answers::defaults(content);
    let accepted_keys = || {
        std::iter::once("profile")
            .chain(content.questions.iter().map(|q| q.id.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (key, value) in &map {
        let Some(key) = yaml::scalar_to_string(key) else {
            return Err(fail(
                None,
                AnswersErrorKind::KeyNotName {
                    found: ValueKind::of(key),
                    keys: accepted_keys(),
                },
            ));
        };
        if key == "scenario" {
            // The scenario library's title and story: not an answer.
            if !matches!(value, Value::Mapping(_)) {
                return Err(fail(value_at(&key), AnswersErrorKind::ScenarioNotMapping));
            }
            continue;
        }
        if key == "profile" {
            let id = yaml::scalar_to_string(value).unwrap_or_default();
            answers.profile = Some(content.profile(&id).ok_or_else(|| {
                fail(
                    value_at(&key),
                    AnswersErrorKind::UnknownProfile {
                        value: Written::of(value),
                        accepted: profile_ids(content),
                    },
                )
            })?);
            continue;
        }
        let Some(q) = content.question(&key) else {
            return Err(fail(
                key_at(&key),
                AnswersErrorKind::UnknownKey {
                    key,
                    keys: accepted_keys(),
                },
            ));
        };
        answers.values[q] = parse_value(content, q, value).map_err(|refused| match refused {
            Refused::Value(accepted) => fail(
                value_at(&key),
                AnswersErrorKind::BadValue {
                    key: key.clone(),
                    value: Written::of(value),
                    accepted,
                },
            ),
            Refused::Item(i, accepted) => {
                let item = match value {
                    Value::Sequence(list) => Written::of(&list[i]),
                    _ => Written::of(value),
                };
                let at = Positions::of(text).value(&yaml::Path::root().key(&key).index(i));
                fail(
                    at.or_else(|| value_at(&key)),
                    AnswersErrorKind::BadItem {
                        key: key.clone(),
                        item,
                        accepted,
                    },
                )
            }
        })?;
    }
    Ok(answers)
}

/// Why a value was refused, with what would be accepted.
enum Refused {
    /// The value as a whole.
    Value(Accepted),
    /// Item `i` (from 0) of a list.
    Item(usize, Accepted),
}

/// One value for question `q`; the error says what is accepted.
fn parse_value(content: &Content, q: usize, value: &Value) -> Result<Answer, Refused> {
    let question = &content.questions[q];
    let is_unknown = matches!(value, Value::String(s) if s == "unknown");
    let ids = || {
        question
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
    };
    match question.kind {
        QuestionKind::YesNo => match value {
            Value::Bool(b) => Ok(Answer::Bool(*b)),
            _ if is_unknown && question.unknown => Ok(Answer::Unknown),
            _ => Err(Refused::Value(Accepted::Values(
                if question.unknown {
                    "true, false, unknown"
                } else {
                    "true, false"
                }
                .to_owned(),
            ))),
        },
        QuestionKind::Choice => {
            let accepted = || {
                let mut ids = ids();
                if question.unknown {
                    ids.push("unknown");
                }
                Refused::Value(Accepted::Values(ids.join(", ")))
            };
            if is_unknown && question.unknown {
                return Ok(Answer::Unknown);
            }
            if let Value::Null = value
                && question.unanswered.is_some()
            {
                return Ok(Answer::Unanswered);
            }
            let id = match value {
                Value::String(_) | Value::Number(_) => yaml::scalar_to_string(value),
                _ => None,
            }
            .ok_or_else(accepted)?;
            question
                .option_index(&id)
                .map(Answer::Choice)
                .ok_or_else(accepted)
        }
        QuestionKind::Multi => {
            let accepted = || Accepted::ListOf(ids().join(", "));
            match value {
                Value::Sequence(list) => {
                    let mut bits = 0u64;
                    for (n, v) in list.iter().enumerate() {
                        let i = yaml::scalar_to_string(v)
                            .and_then(|id| question.option_index(&id))
                            .ok_or_else(|| Refused::Item(n, accepted()))?;
                        bits |= 1 << i;
                    }
                    Ok(Answer::Set(bits))
                }
                Value::Null => Ok(Answer::Set(0)),
                _ => Err(Refused::Value(accepted())),
            }
        }
    }
}

pub fn profile_ids(content: &Content) -> String {
    content
        .profiles
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
