//! What the engine decides, as indices into the content.

use crate::content::Answer;
use crate::text::Text;

/// The full recommendation for one set of answers under one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub profile: usize,
    /// The effective information class after every rule.
    pub class: u8,
    pub digital_allowed: bool,
    /// Permitted platforms, in content order; empty exactly when no digital
    /// meeting is allowed.
    pub platforms: Vec<usize>,
    /// The profile's other platforms and the rules that ruled them out.
    pub ruled_out: Vec<RuledOut>,
    pub recording: RecordingOutcome,
    /// Checklist items, tips and warnings, in content order.
    pub organiser: Vec<Entry>,
    pub participants: Vec<Entry>,
    pub tips: Vec<Entry>,
    pub warnings: Vec<Entry>,
    /// The rules the explanation shows, in content order.
    pub fired: Vec<Fired>,
    /// Unknown answers whose real value would change the outcome.
    pub open: Vec<OpenAnswer>,
    /// Answers given to questions the flow does not ask for these answers:
    /// set back to their defaults before evaluating, and reported.
    pub unused: Vec<Unused>,
}

/// For which values of the unknown answers something holds: any of the
/// cases, each case every one of its (question, values) pairs. Empty for
/// something that holds whatever the unknown answers are.
pub type Cases = Vec<Vec<(usize, Vec<Answer>)>>;

/// One item, tip or warning of a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index into the content's items or warnings.
    pub index: usize,
    /// Holds whatever the unknown answers turn out to be, wherever its
    /// presupposition holds.
    pub certain: bool,
    /// Where it is not certain: the values of the unknown answers for
    /// which it holds.
    pub cases: Cases,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuledOut {
    pub platform: usize,
    /// The rules that lifted the class past the platform, forbade a digital
    /// meeting or excluded the platform.
    pub because: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordingOutcome {
    pub planned: bool,
    /// `None` when no recording is planned.
    pub allowed: Option<bool>,
    /// The rules whose verdict decided it.
    pub because: Vec<usize>,
    /// How long an allowed recording is kept and what then happens.
    pub retention: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    pub rule: usize,
    /// False when it fires only for some values of an unknown answer.
    pub certain: bool,
    /// Where it is not certain: for which values it fires.
    pub cases: Cases,
}

/// An unknown answer that matters, with the outcome for each real value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAnswer {
    pub question: usize,
    pub outcomes: Vec<(Answer, Summary)>,
}

/// An answer the flow would not ask for, and so did not use, or one that
/// contradicts what earlier answers imply, and so was overruled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    pub question: usize,
    /// The answer as given.
    pub given: Answer,
    /// The answer used instead.
    pub used: Answer,
    /// The question's implication that overruled it; `None`: not asked.
    pub implied: Option<usize>,
}

/// The decision in short: what a what-if or a golden table compares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Summary {
    pub class: u8,
    pub digital_allowed: bool,
    pub platforms: Vec<usize>,
    pub recording_allowed: Option<bool>,
}

impl Recommendation {
    pub fn summary(&self) -> Summary {
        Summary {
            class: self.class,
            digital_allowed: self.digital_allowed,
            platforms: self.platforms.clone(),
            recording_allowed: self.recording.allowed,
        }
    }
}

impl Entry {
    pub fn indices(entries: &[Entry]) -> Vec<usize> {
        entries.iter().map(|e| e.index).collect()
    }
}
