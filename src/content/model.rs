//! The loaded content: every reference resolved to an index, every
//! condition compiled. The engine and the views read only this.

use crate::content::condition::Cond;
use crate::text::{Lang, Text};

pub use crate::content::raw::{QuestionKind, Verdict};

/// All the policy the tool knows, from one content folder.
#[derive(Debug)]
pub struct Content {
    pub documents: Vec<Document>,
    /// Lowest class first.
    pub classes: Vec<Class>,
    /// In the order the wizard asks them.
    pub questions: Vec<Question>,
    pub platforms: Vec<Platform>,
    pub profiles: Vec<Profile>,
    pub items: Vec<Item>,
    pub warnings: Vec<Warning>,
    pub rules: Vec<Rule>,
    /// The scenario library: realistic meetings for training, each an
    /// answers file with a title and a story.
    pub scenarios: Vec<Scenario>,
    pub default_profile: usize,
}

/// Where a statement comes from: a document and one of its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub document: usize,
    pub section: usize,
}

#[derive(Debug)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub issuer: Text,
    pub reference: Option<String>,
    pub summary: Text,
    pub sections: Vec<Section>,
}

#[derive(Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
}

#[derive(Debug)]
pub struct Class {
    pub level: u8,
    pub name: Text,
    pub help: Text,
    pub source: Source,
}

/// A concrete or open answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Bool(bool),
    /// Index into the question's options.
    Choice(usize),
    /// A choice question left without an answer (it has no default option).
    Unanswered,
    /// A set of option indices, as bits.
    Set(u64),
    /// "Vet ej": the organiser does not know.
    Unknown,
}

#[derive(Debug)]
pub struct Question {
    pub id: String,
    /// Line of its entry in questions.yaml, for messages.
    pub line: usize,
    pub kind: QuestionKind,
    pub step: Text,
    pub text: Text,
    pub help: Text,
    pub source: Source,
    pub unknown: bool,
    pub default: Answer,
    pub unanswered: Option<Text>,
    pub ask_when: Option<Cond>,
    pub options: Vec<QuestOption>,
}

#[derive(Debug)]
pub struct QuestOption {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub offer_when: Option<Cond>,
}

impl Question {
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// The concrete values an unknown answer to this question could stand
    /// for: the engine decides as strictly as the strictest of them.
    pub fn concrete_values(&self) -> Vec<Answer> {
        match self.kind {
            QuestionKind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
            QuestionKind::Choice => (0..self.options.len()).map(Answer::Choice).collect(),
            QuestionKind::Multi => vec![self.default],
        }
    }

    /// How an answer reads, in the language asked.
    pub fn answer_label(&self, answer: Answer, lang: Lang) -> String {
        let ui = crate::i18n::ui(lang);
        match answer {
            Answer::Bool(true) => ui.yes.to_owned(),
            Answer::Bool(false) => ui.no.to_owned(),
            Answer::Unknown => ui.unknown.to_owned(),
            Answer::Choice(i) => self.options[i].label.get(lang).to_owned(),
            Answer::Unanswered => self
                .unanswered
                .as_ref()
                .map_or(ui.not_stated, |t| t.get(lang))
                .to_owned(),
            Answer::Set(0) => ui.none_selected.to_owned(),
            Answer::Set(bits) => self
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, o)| o.label.get(lang))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// How an answer is written in an answers file.
    pub fn answer_id(&self, answer: Answer) -> String {
        match answer {
            Answer::Bool(b) => b.to_string(),
            Answer::Unknown => "unknown".to_owned(),
            Answer::Choice(i) => self.options[i].id.clone(),
            Answer::Unanswered => "~".to_owned(),
            Answer::Set(bits) => {
                let ids: Vec<&str> = self
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, o)| o.id.as_str())
                    .collect();
                format!("[{}]", ids.join(", "))
            }
        }
    }
}

#[derive(Debug)]
pub struct Platform {
    pub id: String,
    /// Line of its entry in platforms.yaml, for messages.
    pub line: usize,
    pub name: String,
    pub description: Text,
    pub source: Source,
}

#[derive(Debug)]
pub struct Profile {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub documents: Vec<usize>,
    pub grants: Vec<Grant>,
}

/// The platforms a profile permits at some information classes.
#[derive(Debug)]
pub struct Grant {
    pub classes: Vec<u8>,
    pub allow: Vec<usize>,
    pub source: Source,
}

impl Profile {
    /// The grant that covers `class`; validation makes sure there is one.
    pub fn grant_for(&self, class: u8) -> Option<&Grant> {
        self.grants.iter().find(|g| g.classes.contains(&class))
    }

    /// The highest class at which the profile permits `platform`, if any.
    pub fn clearance(&self, platform: usize) -> Option<u8> {
        self.grants
            .iter()
            .filter(|g| g.allow.contains(&platform))
            .flat_map(|g| g.classes.iter().copied())
            .max()
    }

    /// Platforms this profile ever permits, in content order.
    pub fn platforms(&self, content: &Content) -> Vec<usize> {
        (0..content.platforms.len())
            .filter(|p| self.grants.iter().any(|g| g.allow.contains(p)))
            .collect()
    }
}

/// A realistic meeting from the scenario library.
#[derive(Debug)]
pub struct Scenario {
    /// The file name without `.yaml`: what `--scenario` takes.
    pub id: String,
    /// The path inside the content folder, for messages.
    pub file: String,
    pub title: Text,
    pub story: Text,
    pub source: Source,
    /// The answers file as written; parsed with the engine's parser.
    pub text: String,
}

#[derive(Debug)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub source: Source,
}

#[derive(Debug)]
pub struct Warning {
    pub id: String,
    pub text: Text,
    pub source: Source,
}

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub when: Cond,
    /// Profile indices it applies to; `None` for all.
    pub profiles: Option<Vec<usize>>,
    pub explain: Text,
    pub source: Source,
    pub class_at_least: Option<u8>,
    pub forbid_digital: bool,
    /// Applies only when a digital meeting is allowed.
    pub digital_only: bool,
    pub exclude_platforms: Vec<usize>,
    pub recording: Option<RecordingEffect>,
    pub organiser: Vec<usize>,
    pub participants: Vec<usize>,
    pub warnings: Vec<usize>,
    pub overrides: Vec<usize>,
    /// Where the rule is written, for messages.
    pub file: String,
    pub line: usize,
}

impl Rule {
    pub fn applies_to(&self, profile: usize) -> bool {
        self.profiles.as_ref().is_none_or(|p| p.contains(&profile))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordingEffect {
    pub verdict: Verdict,
    pub retention: Option<Text>,
}

impl Content {
    pub fn question(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn profile(&self, id: &str) -> Option<usize> {
        self.profiles.iter().position(|p| p.id == id)
    }

    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == id)
    }

    pub fn platform(&self, id: &str) -> Option<usize> {
        self.platforms.iter().position(|p| p.id == id)
    }

    /// The default answer to every question.
    pub fn default_answers(&self) -> Vec<Answer> {
        self.questions.iter().map(|q| q.default).collect()
    }

    /// The strictest class (used when a result cannot be decided).
    pub fn highest_class(&self) -> u8 {
        self.classes.last().map_or(0, |c| c.level)
    }

    /// A source as a person can look it up: issuer, title, reference and
    /// section heading.
    pub fn cite(&self, source: Source, lang: Lang) -> String {
        let doc = &self.documents[source.document];
        let section = &doc.sections[source.section];
        let ui = crate::i18n::ui(lang);
        let reference = doc
            .reference
            .as_ref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let (open, close) = quotes(lang);
        format!(
            "{}: {}{}, {} {open}{}{close}",
            doc.issuer.get(lang),
            doc.title,
            reference,
            ui.section,
            section.title
        )
    }

    /// The short form of a source for narrow screens: issuer and section.
    pub fn cite_short(&self, source: Source, lang: Lang) -> String {
        let doc = &self.documents[source.document];
        let (open, close) = quotes(lang);
        format!(
            "{}, {open}{}{close}",
            doc.issuer.get(lang),
            doc.sections[source.section].title
        )
    }
}

/// Quotation marks as each language writes them: ”…” in Swedish, “…” in
/// English.
fn quotes(lang: Lang) -> (char, char) {
    match lang {
        Lang::Sv => ('\u{201d}', '\u{201d}'),
        Lang::En => ('\u{201c}', '\u{201d}'),
    }
}
