//! Why an answers file was refused: the place and the fault as data, put
//! into words in the run's language only when shown, so the engine never
//! has to know who reads it.

use crate::error::BadInput;
use crate::messages::{Msg, io_reason};
use crate::quote::{quote, quote_path, quote_within};
use crate::text::Lang;
use crate::yaml::{self, Value};

/// Why an answers file was refused, as data: where (the file, the line and
/// column where known) and what is wrong. The words come from
/// [`AnswersError::message`] in the run's language; `Display` is English,
/// for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswersError {
    /// The file as messages name it; `None` for standard input.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Boxed: the error travels in every `Result` of reading answers.
    pub kind: Box<AnswersErrorKind>,
}

/// What is wrong with an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersErrorKind {
    /// It could not be read.
    Unreadable(ReadFailure),
    TooLarge,
    NotText,
    NotUtf8 {
        offset: usize,
    },
    Empty,
    /// Not YAML; `detail` is the parser's own (English) description.
    NotYaml {
        detail: String,
    },
    /// Lists and mappings nested more than `limit` levels deep.
    TooDeep {
        limit: usize,
    },
    /// A key given twice (the place is the second).
    DuplicateKey {
        key: String,
    },
    NotMapping {
        found: ValueKind,
    },
    KeyNotName {
        found: ValueKind,
        keys: String,
    },
    ScenarioNotMapping,
    UnknownProfile {
        value: Written,
        accepted: String,
    },
    UnknownKey {
        key: String,
        keys: String,
    },
    BadValue {
        key: String,
        value: Written,
        accepted: Accepted,
    },
    /// An item of a list that a key does not take (the place is the
    /// item's).
    BadItem {
        key: String,
        item: Written,
        accepted: Accepted,
    },
}

/// An I/O failure kept with its kind, so it can be put in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFailure {
    pub kind: std::io::ErrorKind,
    /// The system's own words, for failures without words of their own.
    pub detail: String,
}

/// The kind of a YAML value, for "cannot be a list" and "found a text".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Mapping,
    Tagged,
}

/// A value as a message shows it: the scalar as written, or its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Scalar(String),
    Kind(ValueKind),
}

/// What a key would have accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// These values (ids, `true`, `false`, `unknown`), comma-separated.
    Values(String),
    /// A list of any of these ids.
    ListOf(String),
}

impl ValueKind {
    pub fn of(value: &Value) -> ValueKind {
        match value {
            Value::Null => ValueKind::Null,
            Value::Bool(_) => ValueKind::Bool,
            Value::Number(_) => ValueKind::Number,
            Value::String(_) => ValueKind::Text,
            Value::Sequence(_) => ValueKind::List,
            Value::Mapping(_) => ValueKind::Mapping,
            Value::Tagged(_) => ValueKind::Tagged,
        }
    }

    fn message(self) -> Msg {
        match self {
            ValueKind::Null => Msg::KindNull,
            ValueKind::Bool => Msg::KindBool,
            ValueKind::Number => Msg::KindNumber,
            ValueKind::Text => Msg::KindText,
            ValueKind::List => Msg::KindList,
            ValueKind::Mapping => Msg::KindMapping,
            ValueKind::Tagged => Msg::KindTagged,
        }
    }
}

impl Written {
    pub(crate) fn of(value: &Value) -> Written {
        match yaml::scalar_to_string(value) {
            Some(s) => Written::Scalar(s),
            None => Written::Kind(ValueKind::of(value)),
        }
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Written::Scalar(s) => format!("`{}`", quote(s)),
            Written::Kind(k) => k.message().get(lang).to_owned(),
        }
    }
}

impl Accepted {
    fn text(&self, lang: Lang) -> String {
        match self {
            Accepted::Values(v) => v.clone(),
            Accepted::ListOf(ids) => Msg::AcceptedList.fill(lang, &[("ids", ids)]),
        }
    }
}

/// A key as a message names it: `key` (escaped and cut, see
/// [`quote`]) when it reads as a name, and otherwise only its length. A
/// file that is no answers file (`--answers /etc/shadow`) has its first
/// line read as a key, and that line is not for the terminal.
fn key_text(key: &str, lang: Lang) -> String {
    let name = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '));
    if name && !key.is_empty() {
        format!("`{}`", quote(key))
    } else {
        let chars = key.chars().count().to_string();
        Msg::KeyNotShown.fill(lang, &[("chars", &chars)])
    }
}

impl AnswersError {
    /// The one-paragraph message in `lang`: the file, the line (and
    /// column) where known, what is wrong and what would be accepted.
    pub fn message(&self, lang: Lang) -> String {
        self.render(lang, true)
    }

    /// The message without the file, line and column in front, for a
    /// report that names them itself (content problems).
    pub fn message_after_file(&self, lang: Lang) -> String {
        self.render(lang, false)
    }

    fn render(&self, lang: Lang, with_place: bool) -> String {
        let (file, at) = if with_place {
            (self.file_name(lang), self.at(lang))
        } else {
            (String::new(), String::new())
        };
        let example = Msg::AnswersExample.get(lang);
        let kib = (yaml::MAX_FILE_BYTES / 1024).to_string();
        let (msg, values): (Msg, Vec<(&str, String)>) = match &*self.kind {
            AnswersErrorKind::Unreadable(f) => (
                Msg::AnswersUnreadable,
                vec![("reason", read_reason(f, lang))],
            ),
            AnswersErrorKind::TooLarge => (Msg::AnswersTooLarge, vec![("kib", kib)]),
            AnswersErrorKind::NotText => (Msg::AnswersNotText, vec![]),
            AnswersErrorKind::NotUtf8 { offset } => {
                (Msg::AnswersNotUtf8, vec![("offset", offset.to_string())])
            }
            AnswersErrorKind::Empty => (Msg::AnswersEmpty, vec![]),
            AnswersErrorKind::NotYaml { detail } => {
                (Msg::AnswersNotYaml, vec![("detail", quote_within(detail))])
            }
            AnswersErrorKind::TooDeep { limit } => {
                (Msg::AnswersTooDeep, vec![("limit", limit.to_string())])
            }
            AnswersErrorKind::DuplicateKey { key } => {
                (Msg::AnswersDuplicateKey, vec![("key", key_text(key, lang))])
            }
            AnswersErrorKind::NotMapping { found } => (
                Msg::AnswersNotMapping,
                vec![("found", found.message().get(lang).to_owned())],
            ),
            AnswersErrorKind::KeyNotName { found, keys } => (
                Msg::AnswersKeyNotName,
                vec![
                    ("found", found.message().get(lang).to_owned()),
                    ("keys", keys.clone()),
                ],
            ),
            AnswersErrorKind::ScenarioNotMapping => (Msg::AnswersScenarioNotMapping, vec![]),
            AnswersErrorKind::UnknownProfile { value, accepted } => (
                Msg::AnswersUnknownProfile,
                vec![("value", value.text(lang)), ("accepted", accepted.clone())],
            ),
            AnswersErrorKind::UnknownKey { key, keys } => (
                Msg::AnswersUnknownKey,
                vec![("key", key_text(key, lang)), ("keys", keys.clone())],
            ),
            AnswersErrorKind::BadValue {
                key,
                value,
                accepted,
            }
            | AnswersErrorKind::BadItem {
                key,
                item: value,
                accepted,
            } => (
                match &*self.kind {
                    AnswersErrorKind::BadItem { .. } => Msg::AnswersBadItem,
                    _ => Msg::AnswersBadValue,
                },
                vec![
                    ("key", key_text(key, lang)),
                    ("value", value.text(lang)),
                    ("accepted", accepted.text(lang)),
                ],
            ),
        };
        let mut all: Vec<(&str, &str)> = vec![("file", &file), ("at", &at), ("example", example)];
        all.extend(values.iter().map(|(n, v)| (*n, v.as_str())));
        let text = msg.fill(lang, &all);
        if with_place {
            text
        } else {
            text.trim_start_matches([':', ' ']).to_owned()
        }
    }

    /// The file as messages name it, standard input in `lang`.
    fn file_name(&self, lang: Lang) -> String {
        self.file
            .as_deref()
            .map_or_else(|| Msg::StandardInput.get(lang).to_owned(), quote_path)
    }

    /// ", line L, column C" (what is known of it) in `lang`.
    fn at(&self, lang: Lang) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => Msg::AtLineColumn.fill(
                lang,
                &[("line", &l.to_string()), ("column", &c.to_string())],
            ),
            (Some(l), None) => Msg::AtLine.fill(lang, &[("line", &l.to_string())]),
            _ => String::new(),
        }
    }

    /// The message in `lang` as bad input (exit 2).
    pub fn bad_input(&self, lang: Lang) -> BadInput {
        BadInput(self.message(lang))
    }
}

impl std::fmt::Display for AnswersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AnswersError {}

/// Why reading failed, in `lang`.
fn read_reason(f: &ReadFailure, lang: Lang) -> String {
    io_reason(f.kind, &f.detail, lang)
}
