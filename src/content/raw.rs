//! The content files as written: one struct per YAML file shape.
//!
//! Every struct denies unknown fields, so a misspelt key is reported with its
//! line and column instead of being silently ignored.

use serde::{Deserialize, Serialize};

use crate::text::Text;
use crate::yaml::{Path, Value};

/// `documents.yaml`: the policy documents every source cites.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Absent where the document does not name who issued it.
    #[serde(default)]
    pub issuer: Option<Text>,
    #[serde(default)]
    pub reference: Option<String>,
    pub summary: Text,
    pub sections: Vec<Section>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The heading as it stands in the document, so a reader can find it.
    pub title: String,
}

/// `classes.yaml`: the information classes, lowest first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub level: u8,
    pub name: Text,
    pub help: Text,
    pub source: Sources,
}

/// `questions.yaml`: what the wizard asks and the answers file accepts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// Short name for the step list and the summary.
    pub step: Text,
    pub text: Text,
    pub help: Text,
    pub source: Sources,
    /// Whether "vet ej" (unknown) is offered and accepted.
    #[serde(default)]
    pub unknown: bool,
    /// Organiser checklist items for whoever answers "vet ej" here.
    #[serde(default)]
    pub unknown_items: Vec<String>,
    /// What earlier answers imply for this one: where `when` holds, the
    /// question is not asked and its answer is `value`.
    #[serde(default)]
    pub implied: Vec<Implied>,
    /// yes_no: true/false; choice: an option id, or absent for "not stated".
    #[serde(default)]
    pub default: Option<Value>,
    /// choice with no default: the label of the "not stated" option.
    #[serde(default)]
    pub unanswered: Option<Text>,
    /// Asked only when this condition holds on the answers so far.
    #[serde(default)]
    pub ask_when: Option<Value>,
    #[serde(default)]
    pub options: Vec<QuestionOption>,
}

/// One implication: an answer earlier questions decide.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implied {
    pub when: Value,
    pub value: Value,
    /// Why, as the result says it when a given answer is overruled.
    pub because: Text,
    pub source: Sources,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Choice,
    Multi,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    /// Written as YAML reads it; `1` and `"1"` are the same id.
    pub id: Value,
    pub label: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// Offered in the wizard only when this condition holds.
    #[serde(default)]
    pub offer_when: Option<Value>,
}

/// `platforms.yaml`: the meeting platforms a profile may permit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub description: Text,
    pub source: String,
}

/// `profiles.yaml`: a reading of the documents, chosen by the organiser.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub default: bool,
    /// The documents the profile rests on, in the order they are shown.
    pub documents: Vec<String>,
    /// Which platforms are permitted at each effective information class.
    pub platforms: Vec<PlatformGrant>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformGrant {
    pub classes: Vec<u8>,
    pub allow: Vec<String>,
    pub source: String,
}

/// `checklists.yaml` and `warnings.yaml`: a checklist item, tip or
/// warning; rules put it on a list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
    /// One `document#section`, or a list where the text rests on several.
    pub source: Sources,
    /// What the item presupposes of the result; where it fails, the item
    /// falls away even when a rule gives it.
    #[serde(default)]
    pub requires: Option<Requires>,
}

/// One source or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Sources {
    One(String),
    Many(Vec<String>),
}

impl Sources {
    /// Each source as written with the path it is written at, given the
    /// path `at` of the `source` value: that value itself, or each item of
    /// the list there.
    pub fn written_at(&self, at: &Path) -> Vec<(&str, Path)> {
        match self {
            Sources::One(s) => vec![(s.as_str(), at.clone())],
            Sources::Many(list) => list
                .iter()
                .enumerate()
                .map(|(k, s)| (s.as_str(), at.index(k)))
                .collect(),
        }
    }
}

/// The facts of a result an item presupposes; every key given must hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    /// Whether a digital meeting is allowed.
    #[serde(default)]
    pub digital_meeting: Option<bool>,
    /// The recording verdict.
    #[serde(default)]
    pub recording: Option<Verdict>,
    #[serde(default)]
    pub class_at_least: Option<u8>,
    #[serde(default)]
    pub class_at_most: Option<u8>,
    /// At least one of these platforms is permitted.
    #[serde(default)]
    pub platforms_any: Vec<String>,
    /// None of these platforms is permitted.
    #[serde(default)]
    pub platforms_none: Vec<String>,
    /// A condition on the answers, in the rules' condition language.
    #[serde(default)]
    pub when: Option<Value>,
}

/// The `scenario:` block of a `scenarios/*.yaml` answers file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioMeta {
    pub title: Text,
    pub story: Text,
    pub source: String,
}

/// `rules/*.yaml`: when a condition on the answers holds, these effects apply.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Absent: the rule always applies.
    #[serde(default)]
    pub when: Option<Value>,
    /// Absent: every profile.
    #[serde(default)]
    pub profiles: Option<Vec<String>>,
    /// What the explanation says when the rule fires.
    pub explain: Text,
    pub source: Sources,
    #[serde(default)]
    pub class_at_least: Option<u8>,
    #[serde(default)]
    pub forbid_digital: bool,
    #[serde(default)]
    pub exclude_platforms: Vec<String>,
    #[serde(default)]
    pub recording: Option<Recording>,
    #[serde(default)]
    pub organiser: Vec<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    /// Advice (checklists.yaml items), shown apart from the duties.
    #[serde(default)]
    pub tips: Vec<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Rules this rule replaces, effects and all, where both fire: the
    /// stated precedence that makes two recording verdicts no conflict.
    #[serde(default)]
    pub overrides: Vec<String>,
    /// Says that overriding a stricter rule is intended: `validate` then
    /// accepts the looser advice where both hold.
    #[serde(default)]
    pub loosens: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    pub verdict: Verdict,
    #[serde(default)]
    pub retention: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotPlanned,
    Allowed,
    Forbidden,
}

/// One entry of `invariants.yaml` (CONTRACT.md 0.2): what the organisation
/// requires of its own advice wherever `when` holds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invariant {
    pub id: String,
    #[serde(default)]
    pub when: Option<Value>,
    #[serde(default)]
    pub profiles: Option<Vec<String>>,
    pub then: Then,
    pub source: Sources,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Then {
    #[serde(default)]
    pub digital_meeting_allowed: Option<bool>,
    #[serde(default)]
    pub platforms_within: Option<Vec<String>>,
    #[serde(default)]
    pub platforms_exclude: Vec<String>,
    #[serde(default)]
    pub class_at_least: Option<u8>,
    #[serde(default)]
    pub recording_allowed: Option<bool>,
    #[serde(default)]
    pub organiser_includes: Vec<String>,
    #[serde(default)]
    pub participants_includes: Vec<String>,
    #[serde(default)]
    pub warnings_include: Vec<String>,
}
