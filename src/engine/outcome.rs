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
    pub organiser: Vec<usize>,
    pub participants: Vec<usize>,
    pub warnings: Vec<usize>,
    /// Every rule that fired, in content order.
    pub fired: Vec<Fired>,
    /// Unknown answers whose real value would change the outcome.
    pub open: Vec<OpenAnswer>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fired {
    pub rule: usize,
    /// False when it fires only for some values of an unknown answer: the
    /// engine then applies it to be on the safe side.
    pub certain: bool,
}

/// An unknown answer that matters, with the outcome for each real value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAnswer {
    pub question: usize,
    pub outcomes: Vec<(Answer, Summary)>,
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
