//! The loaded content: every reference resolved to an index, every
//! condition compiled. The engine and the views read only this.

use serde::{Deserialize, Serialize};

use crate::content::condition::Cond;
use crate::text::{Lang, Text};

pub use crate::content::raw::{QuestionKind, Verdict};

/// All the policy the tool knows, from one content folder.
#[derive(Debug, Serialize, Deserialize)]
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
    /// What the organisation requires of its own advice (`invariants.yaml`),
    /// proved by `validate` over the whole answer space.
    pub invariants: Vec<Invariant>,
    pub default_profile: usize,
    /// Which content this is: the tool's version and a fingerprint of
    /// every content file, so an export can be traced to the policy text
    /// it was made from.
    pub version: String,
}

/// Where a statement comes from: a document and one of its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub document: usize,
    pub section: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// `None` where the document does not name who issued it.
    pub issuer: Option<Text>,
    pub reference: Option<String>,
    pub summary: Text,
    pub sections: Vec<Section>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Class {
    pub level: u8,
    /// Line and column of its `level` in classes.yaml, for messages.
    pub line: usize,
    pub column: usize,
    pub name: Text,
    pub help: Text,
    pub sources: Vec<Source>,
}

/// A concrete or open answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

#[derive(Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    /// Line and column of its `id` in questions.yaml, for messages.
    pub line: usize,
    pub column: usize,
    pub kind: QuestionKind,
    pub step: Text,
    pub text: Text,
    pub help: Text,
    pub sources: Vec<Source>,
    pub unknown: bool,
    /// Organiser checklist items for whoever answers "vet ej" here.
    pub unknown_items: Vec<usize>,
    /// What earlier answers imply for this one.
    pub implied: Vec<Implied>,
    pub default: Answer,
    pub unanswered: Option<Text>,
    pub ask_when: Option<Cond>,
    pub options: Vec<QuestOption>,
}

/// Where `when` holds on earlier answers, the question is not asked and
/// its answer is `value`: a contradicting answer is neither asked for nor
/// offered, and one given in a file is overruled, strictly, and reported.
#[derive(Debug, Serialize, Deserialize)]
pub struct Implied {
    pub when: Cond,
    pub value: Answer,
    pub because: Text,
    pub sources: Vec<Source>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct QuestOption {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub offer_when: Option<Cond>,
    /// Where its `id` is written in questions.yaml, for problems about it.
    pub line: usize,
    pub column: usize,
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

#[derive(Debug, Serialize, Deserialize)]
pub struct Platform {
    pub id: String,
    /// Line and column of its `id` in platforms.yaml, for messages.
    pub line: usize,
    pub column: usize,
    pub name: String,
    pub description: Text,
    pub source: Source,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub documents: Vec<usize>,
    pub grants: Vec<Grant>,
}

/// The platforms a profile permits at some information classes.
#[derive(Debug, Serialize, Deserialize)]
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
#[derive(Debug, Serialize, Deserialize)]
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

/// A checklist item, tip or warning.
#[derive(Debug, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: Text,
    /// Where it stands; several where the text rests on several documents.
    pub sources: Vec<Source>,
    pub requires: Requires,
    /// Line and column of its `id` in its file, for messages.
    pub line: usize,
    pub column: usize,
}

/// Warnings have the shape of checklist items.
pub type Warning = Item;

/// What an item presupposes of the result it appears in. A rule may give
/// the item, but where a presupposition fails (a storage duty beside a
/// refused recording, a screen-sharing rule with no digital meeting) the
/// item falls away: contradictions are excluded by data, not by wording.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requires {
    pub digital_meeting: Option<bool>,
    pub recording: Option<Verdict>,
    pub class_at_least: Option<u8>,
    pub class_at_most: Option<u8>,
    pub platforms_any: Vec<usize>,
    pub platforms_none: Vec<usize>,
    pub when: Option<Cond>,
}

/// The facts of one decision that presuppositions read.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub class: u8,
    pub digital_allowed: bool,
    pub platforms: &'a [usize],
    pub verdict: Verdict,
}

impl Requires {
    /// Whether the presupposition holds for `facts` and `answers`. An
    /// answer condition that depends on an unknown answer counts as
    /// holding: the engine has already checked it on each completion.
    pub fn holds(&self, facts: Facts<'_>, answers: &[Answer]) -> bool {
        self.digital_meeting
            .is_none_or(|d| d == facts.digital_allowed)
            && self.recording.is_none_or(|v| v == facts.verdict)
            && self.class_at_least.is_none_or(|c| facts.class >= c)
            && self.class_at_most.is_none_or(|c| facts.class <= c)
            && (self.platforms_any.is_empty()
                || self
                    .platforms_any
                    .iter()
                    .any(|p| facts.platforms.contains(p)))
            && !self
                .platforms_none
                .iter()
                .any(|p| facts.platforms.contains(p))
            && self
                .when
                .as_ref()
                .is_none_or(|c| c.truth(answers) != crate::content::condition::Truth::No)
    }
}

/// A declared invariant: wherever `when` holds (under `profiles`), the
/// advice satisfies every part of `then`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Invariant {
    pub id: String,
    pub when: Cond,
    pub profiles: Option<Vec<usize>>,
    pub digital_meeting_allowed: Option<bool>,
    pub platforms_within: Option<Vec<usize>>,
    pub platforms_exclude: Vec<usize>,
    pub class_at_least: Option<u8>,
    pub recording_allowed: Option<bool>,
    pub organiser_includes: Vec<usize>,
    pub participants_includes: Vec<usize>,
    pub warnings_include: Vec<usize>,
    pub sources: Vec<Source>,
    /// Where its `id` is written, for messages.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Invariant {
    pub fn applies_to(&self, profile: usize) -> bool {
        self.profiles.as_ref().is_none_or(|p| p.contains(&profile))
    }

    /// Whether it asks anything of the checklists or warnings (which need
    /// the whole recommendation, not the decision alone).
    pub fn needs_items(&self) -> bool {
        !self.organiser_includes.is_empty()
            || !self.participants_includes.is_empty()
            || !self.warnings_include.is_empty()
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub when: Cond,
    /// Profile indices it applies to; `None` for all.
    pub profiles: Option<Vec<usize>>,
    pub explain: Text,
    pub sources: Vec<Source>,
    pub class_at_least: Option<u8>,
    pub forbid_digital: bool,
    pub exclude_platforms: Vec<usize>,
    pub recording: Option<RecordingEffect>,
    pub organiser: Vec<usize>,
    pub participants: Vec<usize>,
    /// Advice from `checklists.yaml`, shown apart from the duties.
    pub tips: Vec<usize>,
    pub warnings: Vec<usize>,
    pub overrides: Vec<usize>,
    /// Overriding a stricter rule is intended (`loosens: true`).
    pub loosens: bool,
    /// Where the rule's `id` is written, for messages.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Rule {
    pub fn applies_to(&self, profile: usize) -> bool {
        self.profiles.as_ref().is_none_or(|p| p.contains(&profile))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
        self.cite_all(&[source], lang)
    }

    /// Several sources, one citation per document with its sections
    /// joined: "…, avsnitt ”Sekretess” och ”Säkerhetsåtgärder”".
    pub fn cite_all(&self, sources: &[Source], lang: Lang) -> String {
        let ui = crate::i18n::ui(lang);
        let (open, close) = quotes(lang);
        let mut documents: Vec<usize> = Vec::new();
        for s in sources {
            if !documents.contains(&s.document) {
                documents.push(s.document);
            }
        }
        documents
            .into_iter()
            .map(|d| {
                let sections: Vec<String> = sources
                    .iter()
                    .filter(|s| s.document == d)
                    .map(|s| {
                        format!(
                            "{open}{}{close}",
                            self.documents[d].sections[s.section].title
                        )
                    })
                    .collect();
                let word = if sections.len() > 1 {
                    ui.sections
                } else {
                    ui.section
                };
                let sections = match sections.as_slice() {
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{} {} {last}", rest.join(", "), ui.and),
                    [] => String::new(),
                };
                format!("{}, {word} {sections}", self.document_name(d, lang))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// How a document is named in a list of the documents a result rests on.
    pub fn document_name(&self, document: usize, lang: Lang) -> String {
        let doc = &self.documents[document];
        let issuer = doc
            .issuer
            .as_ref()
            .map(|i| format!("{}: ", i.get(lang)))
            .unwrap_or_default();
        let reference = doc
            .reference
            .as_ref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        format!("{issuer}{}{reference}", doc.title)
    }

    /// The documents profile `profile` rests on, each named as
    /// [`Content::document_name`] names it: what a report lists.
    pub fn profile_documents(&self, profile: usize, lang: Lang) -> Vec<String> {
        self.profiles[profile]
            .documents
            .iter()
            .map(|&d| self.document_name(d, lang))
            .collect()
    }

    /// The short forms of several sources, joined with "; ".
    pub fn cite_short_all(&self, sources: &[Source], lang: Lang) -> String {
        sources
            .iter()
            .map(|&s| self.cite_short(s, lang))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The short form of a source for narrow screens: issuer and section.
    pub fn cite_short(&self, source: Source, lang: Lang) -> String {
        let doc = &self.documents[source.document];
        let (open, close) = quotes(lang);
        let who = doc
            .issuer
            .as_ref()
            .map_or(doc.title.as_str(), |i| i.get(lang));
        format!("{who}, {open}{}{close}", doc.sections[source.section].title)
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
