//! The answers file: reading it strictly against the content's questions.

use std::io::Read;
use std::path::Path;

use crate::content::{Answer, Content, QuestionKind};
use crate::error::BadInput;
use crate::yaml::{self, Value};

/// The largest answers file read; a real one is a dozen lines.
pub const MAX_ANSWERS_BYTES: u64 = 1024 * 1024;

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
pub fn read_answers(content: &Content, path: &Path) -> Result<Answers, BadInput> {
    let name = if path == Path::new("-") {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_ANSWERS_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_ANSWERS_BYTES + 1).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(BadInput(format!(
            "{name}: cannot read the answers file ({}); give the path of a readable YAML file, or - for standard input",
            crate::error_text(&e)
        )));
    }
    if bytes.len() as u64 > MAX_ANSWERS_BYTES {
        return Err(BadInput(format!(
            "{name}: the answers file is larger than {} KiB; an answers file is a short YAML mapping of a dozen lines such as `secrecy: true`",
            MAX_ANSWERS_BYTES / 1024
        )));
    }
    if bytes.contains(&0) {
        return Err(BadInput(format!(
            "{name}: this is not a text file (it holds NUL bytes); an answers file is a YAML text file such as `secrecy: true`"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        BadInput(format!(
            "{name}: this is not UTF-8 text (invalid byte at offset {}); save the answers file as UTF-8 YAML",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse_answers(content, &name, &text)
}

/// Parses the text of an answers file named `name` in messages.
pub fn parse_answers(content: &Content, name: &str, text: &str) -> Result<Answers, BadInput> {
    let example = "an answers file is a YAML mapping such as `secrecy: true` (see README, \"The answers file\")";
    if text.trim().is_empty() {
        return Err(BadInput(format!(
            "{name}: the answers file is empty; {example}"
        )));
    }
    let value: Value = yaml::from_str(text).map_err(|e| {
        let at = yaml::error_position(&e)
            .map(|(l, c)| format!(", line {l}, column {c}"))
            .unwrap_or_default();
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        BadInput(format!(
            "{name}{at}: this is not valid YAML ({msg}); {example}"
        ))
    })?;
    let Value::Mapping(map) = value else {
        return Err(BadInput(format!(
            "{name}: expected a mapping of keys to answers, found {}; {example}",
            yaml::type_name(&value)
        )));
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
            return Err(BadInput(format!(
                "{name}: a key is {}, not a name; accepted keys: {}",
                yaml::type_name(key),
                accepted_keys()
            )));
        };
        let at = yaml::line_of_key(text, &key)
            .map(|l| format!(", line {l}"))
            .unwrap_or_default();
        if key == "scenario" {
            // The scenario library's title and story: not an answer.
            if !matches!(value, Value::Mapping(_)) {
                return Err(BadInput(format!(
                    "{name}{at}: `scenario` describes a library scenario and must be a mapping with title, story and source"
                )));
            }
            continue;
        }
        if key == "profile" {
            let id = yaml::scalar_to_string(value).unwrap_or_default();
            answers.profile = Some(content.profile(&id).ok_or_else(|| {
                BadInput(format!(
                    "{name}{at}: unknown profile {}; accepted: {}",
                    describe(value),
                    profile_ids(content)
                ))
            })?);
            continue;
        }
        let Some(q) = content.question(&key) else {
            return Err(BadInput(format!(
                "{name}{at}: unknown key `{key}`; accepted keys: {}",
                accepted_keys()
            )));
        };
        answers.values[q] = parse_value(content, q, value).map_err(|accepted| {
            BadInput(format!(
                "{name}{at}: `{key}` cannot be {}; accepted: {accepted}",
                describe(value)
            ))
        })?;
    }
    Ok(answers)
}

/// One value for question `q`; the error lists what is accepted.
fn parse_value(content: &Content, q: usize, value: &Value) -> Result<Answer, String> {
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
            _ => Err(if question.unknown {
                "true, false, unknown"
            } else {
                "true, false"
            }
            .to_owned()),
        },
        QuestionKind::Choice => {
            let accepted = || {
                let mut ids = ids();
                if question.unknown {
                    ids.push("unknown");
                }
                ids.join(", ")
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
            let accepted = || format!("a list of any of: {} (or [] for none)", ids().join(", "));
            match value {
                Value::Sequence(list) => {
                    let mut bits = 0u64;
                    for v in list {
                        let id = yaml::scalar_to_string(v).ok_or_else(accepted)?;
                        let i = question.option_index(&id).ok_or_else(accepted)?;
                        bits |= 1 << i;
                    }
                    Ok(Answer::Set(bits))
                }
                Value::Null => Ok(Answer::Set(0)),
                _ => Err(accepted()),
            }
        }
    }
}

/// How a written value reads in a message.
fn describe(value: &Value) -> String {
    match yaml::scalar_to_string(value) {
        Some(s) => format!("`{s}`"),
        None => yaml::type_name(value).to_owned(),
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
