//! Every change of advice between two content folders: what a policy
//! officer approves when the content is updated.
//!
//! Each combination of answers the new content's questions can take is
//! decided by both folders under every profile both define; where an
//! aspect of the advice differs, the change is counted, the answers it
//! happens for are summed up per question, and the first combination is
//! kept as an example. The count is exact: every combination is visited
//! (issue 9 asks for a symbolic form that does not grow with the space;
//! this enumeration is the form to check it against).

use std::collections::BTreeMap;

use crate::content::{Answer, Content, QuestionKind};
use crate::engine::space::Space;
use crate::engine::{self, Answers, Recommendation, flow};

/// One aspect of the advice, as CONTRACT.md names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Aspect {
    DigitalMeetingAllowed,
    InformationClass,
    Platforms,
    RecordingAllowed,
    Organiser,
    Participants,
    Warnings,
}

impl Aspect {
    pub fn id(self) -> &'static str {
        match self {
            Aspect::DigitalMeetingAllowed => "digital_meeting_allowed",
            Aspect::InformationClass => "information_class",
            Aspect::Platforms => "platforms",
            Aspect::RecordingAllowed => "recording_allowed",
            Aspect::Organiser => "organiser",
            Aspect::Participants => "participants",
            Aspect::Warnings => "warnings",
        }
    }
}

/// The value of an aspect on one side.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Bool(bool),
    Class(u8),
    Platforms(Vec<String>),
    /// The recording verdict: `None` where no recording is planned.
    Recording(Option<bool>),
    /// Whether a checklist item or warning is present.
    Present(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Stricter,
    Looser,
    Other,
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Stricter => "stricter",
            Direction::Looser => "looser",
            Direction::Other => "other",
        }
    }
}

/// One change of advice, with every combination it happens for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub profile: String,
    pub aspect: Aspect,
    /// The item or warning id, for the three list aspects.
    pub item: Option<String>,
    pub old: Value,
    pub new: Value,
    pub direction: Direction,
    pub count: u128,
    /// The affected meetings: per question of the new content, the values
    /// (indices into the enumeration's values) they had.
    pub seen: Vec<Vec<bool>>,
    /// The first affected combination, as the new content's answers.
    pub example: Vec<Answer>,
}

/// Profiles, questions and options one folder has and the other not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Only {
    pub profiles: Vec<String>,
    pub questions: Vec<String>,
    /// `question.option` ids.
    pub options: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub combinations: u128,
    pub only_in_old: Only,
    pub only_in_new: Only,
    pub changes: Vec<Change>,
    /// The values each question of the new content took in the enumeration.
    pub space: Vec<Vec<Answer>>,
}

impl Diff {
    pub fn identical(&self) -> bool {
        self.changes.is_empty()
            && self.only_in_old == Only::default()
            && self.only_in_new == Only::default()
    }
}

/// Compares the advice of `old` and `new` over every combination of the new
/// content's answers, under every profile both define. The caller checks
/// the space is small enough to visit ([`too_large`]).
pub fn diff(old: &Content, new: &Content) -> Diff {
    let space = Space::of(new);
    debug_assert!(space.len() <= crate::analysis::enumerated::MAX_COMBINATIONS);
    let profiles: Vec<(usize, usize)> = new
        .profiles
        .iter()
        .enumerate()
        .filter_map(|(pn, p)| {
            old.profiles
                .iter()
                .position(|o| o.id == p.id)
                .map(|po| (po, pn))
        })
        .collect();
    let mut changes: BTreeMap<(usize, Aspect, Option<String>, Value, Value), Change> =
        BTreeMap::new();
    let mut index = vec![0usize; new.questions.len()];
    let mut first = true;
    space.for_each(|values| {
        // Which value of each question this is, for the summary per question.
        if first {
            first = false;
        } else {
            for (q, v) in values.iter().enumerate() {
                index[q] = space.values[q].iter().position(|x| x == v).unwrap_or(0);
            }
        }
        let old_values = translate(new, old, values);
        for &(po, pn) in &profiles {
            let a = decide(old, po, &old_values);
            let b = decide(new, pn, values);
            for (aspect, item, va, vb) in differences(old, new, &a, &b) {
                let change = changes
                    .entry((pn, aspect, item.clone(), va.clone(), vb.clone()))
                    .or_insert_with(|| {
                        let mut example = values.to_vec();
                        flow::reset_unasked(new, &mut example);
                        Change {
                            profile: new.profiles[pn].id.clone(),
                            aspect,
                            item,
                            direction: direction(aspect, &va, &vb),
                            old: va,
                            new: vb,
                            count: 0,
                            seen: space.values.iter().map(|v| vec![false; v.len()]).collect(),
                            example,
                        }
                    });
                change.count += 1;
                for (q, &i) in index.iter().enumerate() {
                    change.seen[q][i] = true;
                }
            }
        }
    });
    Diff {
        combinations: space.len().saturating_mul(profiles.len() as u128),
        only_in_old: only(old, new),
        only_in_new: only(new, old),
        changes: changes.into_values().collect(),
        space: space.values,
    }
}

fn decide(content: &Content, profile: usize, values: &[Answer]) -> Recommendation {
    let answers = Answers {
        profile: Some(profile),
        values: values.to_vec(),
    };
    engine::evaluate(content, profile, &answers)
}

/// The new content's answers as the old content's: the same question and
/// option ids; a question or option the old content lacks takes its
/// default there.
fn translate(new: &Content, old: &Content, values: &[Answer]) -> Vec<Answer> {
    let mut out = old.default_answers();
    for (qo, question) in old.questions.iter().enumerate() {
        let Some(qn) = new.question(&question.id) else {
            continue;
        };
        let option = |i: usize| question.option_index(&new.questions[qn].options[i].id);
        out[qo] = match values[qn] {
            Answer::Choice(i) => match option(i) {
                Some(o) => Answer::Choice(o),
                None => continue,
            },
            Answer::Set(bits) => {
                let mut mapped = 0u64;
                for i in 0..new.questions[qn].options.len() {
                    if bits & (1 << i) != 0 {
                        match option(i) {
                            Some(o) => mapped |= 1 << o,
                            None => continue,
                        }
                    }
                }
                Answer::Set(mapped)
            }
            Answer::Unknown if !question.unknown => continue,
            Answer::Unanswered if question.kind != QuestionKind::Choice => continue,
            other => other,
        };
    }
    out
}

/// The aspects where two recommendations differ.
fn differences(
    old: &Content,
    new: &Content,
    a: &Recommendation,
    b: &Recommendation,
) -> Vec<(Aspect, Option<String>, Value, Value)> {
    let mut out = Vec::new();
    if a.digital_allowed != b.digital_allowed {
        out.push((
            Aspect::DigitalMeetingAllowed,
            None,
            Value::Bool(a.digital_allowed),
            Value::Bool(b.digital_allowed),
        ));
    }
    if a.class != b.class {
        out.push((
            Aspect::InformationClass,
            None,
            Value::Class(a.class),
            Value::Class(b.class),
        ));
    }
    let platforms = |c: &Content, r: &Recommendation| -> Vec<String> {
        let mut ids: Vec<String> = r
            .platforms
            .iter()
            .map(|&p| c.platforms[p].id.clone())
            .collect();
        ids.sort();
        ids
    };
    let (pa, pb) = (platforms(old, a), platforms(new, b));
    if pa != pb {
        out.push((
            Aspect::Platforms,
            None,
            Value::Platforms(pa),
            Value::Platforms(pb),
        ));
    }
    if a.recording.allowed != b.recording.allowed {
        out.push((
            Aspect::RecordingAllowed,
            None,
            Value::Recording(a.recording.allowed),
            Value::Recording(b.recording.allowed),
        ));
    }
    let lists = [
        (Aspect::Organiser, &a.organiser, &b.organiser, true),
        (Aspect::Participants, &a.participants, &b.participants, true),
        (Aspect::Warnings, &a.warnings, &b.warnings, false),
    ];
    for (aspect, la, lb, items) in lists {
        let ids = |c: &Content, l: &[crate::engine::Entry]| -> Vec<String> {
            l.iter()
                .map(|e| {
                    if items {
                        c.items[e.index].id.clone()
                    } else {
                        c.warnings[e.index].id.clone()
                    }
                })
                .collect()
        };
        let (ia, ib) = (ids(old, la), ids(new, lb));
        let mut all: Vec<&String> = ia.iter().chain(&ib).collect();
        all.sort();
        all.dedup();
        for id in all {
            let (x, y) = (ia.contains(id), ib.contains(id));
            if x != y {
                out.push((
                    aspect,
                    Some(id.clone()),
                    Value::Present(x),
                    Value::Present(y),
                ));
            }
        }
    }
    out
}

/// Whether the new advice asks more (stricter) or less (looser) of the
/// organiser than the old: a refused meeting, a higher class, fewer
/// platforms, a refused recording, a duty or warning more.
fn direction(aspect: Aspect, old: &Value, new: &Value) -> Direction {
    use Direction::*;
    match (aspect, old, new) {
        (_, Value::Bool(a), Value::Bool(b)) => {
            if *a && !*b {
                Stricter
            } else {
                Looser
            }
        }
        (_, Value::Class(a), Value::Class(b)) => {
            if b > a {
                Stricter
            } else {
                Looser
            }
        }
        (_, Value::Platforms(a), Value::Platforms(b)) => {
            if b.iter().all(|p| a.contains(p)) {
                Stricter
            } else if a.iter().all(|p| b.contains(p)) {
                Looser
            } else {
                Other
            }
        }
        (_, Value::Recording(a), Value::Recording(b)) => match (a, b) {
            (Some(true), Some(false)) => Stricter,
            (Some(false), Some(true)) => Looser,
            _ => Other,
        },
        (_, Value::Present(a), Value::Present(b)) => {
            if *b && !*a {
                Stricter
            } else {
                Looser
            }
        }
        _ => Other,
    }
}

/// What `a` has that `b` lacks: profiles, questions and options by id.
fn only(a: &Content, b: &Content) -> Only {
    let mut out = Only::default();
    for p in &a.profiles {
        if !b.profiles.iter().any(|x| x.id == p.id) {
            out.profiles.push(p.id.clone());
        }
    }
    for q in &a.questions {
        match b.question(&q.id) {
            None => out.questions.push(q.id.clone()),
            Some(qb) => {
                for o in &q.options {
                    if b.questions[qb].option_index(&o.id).is_none() {
                        out.options.push(format!("{}.{}", q.id, o.id));
                    }
                }
            }
        }
    }
    out
}

/// The number of combinations `diff` would visit, when more than the
/// whole-space analysis visits: too many to compare by enumeration.
pub fn too_large(new: &Content) -> Option<u128> {
    let n = Space::of(new)
        .len()
        .saturating_mul(new.profiles.len() as u128);
    (n > crate::analysis::enumerated::MAX_COMBINATIONS).then_some(n)
}
