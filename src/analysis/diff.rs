//! Every change of advice between two content folders: what a policy
//! officer approves when the content is updated.
//!
//! Each combination of answers the new content's questions can take is
//! decided by both folders under every profile both define; where an
//! aspect of the advice differs, the change is counted, the answers it
//! happens for are summed up per question, and the first combination is
//! kept as an example.
//!
//! [`diff`] does this symbolically (issue 9), so its work follows the
//! structure of the rules, not the number of combinations. The new
//! content's questions become BDD variables in the enumeration's order
//! ([`Vars`]); the new content's answers are those variables after the
//! flow's reset, the old content's are the same variables read through
//! `translate` (same question and option ids, defaults elsewhere), then
//! reset by the old flow. Each side's decision ([`Decision`]) says where
//! each class, platform, recording verdict and fired rule results. For
//! each aspect, the set of combinations is split on the facts that decide
//! its value on each side (class levels, each permitted platform, verdicts,
//! digital meeting, each item's givers and presupposition), keeping only
//! non-empty parts; each part with two different values is a change. Its
//! count is the set's exact cardinality, its summary per question which
//! values the set meets, its example the set's first combination in
//! enumeration order.
//!
//! [`diff_enumerated`] visits every combination with the concrete engine
//! instead: the oracle the symbolic form is tested against, equal to it
//! change for change.

use std::collections::{BTreeMap, BTreeSet};

use biodivine_lib_bdd::Bdd;

use crate::content::{Answer, Content, Question, QuestionKind, Rule, Verdict};
use crate::engine::space::{Space, multi_layout, named_options};
use crate::engine::symbolic::decision::VERDICTS;
use crate::engine::symbolic::{Decision, Sym, SymAnswers, Vars, space_shapes};
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

/// The most BDD variables the symbolic comparison can number (the BDD
/// library counts them in 16 bits; see [`Vars::fits`]).
pub const MAX_VARIABLES: usize = u16::MAX as usize - 1;

/// The most options a multiple choice's conditions may name one by one:
/// the summary per question lists each of their combinations.
pub const MAX_NAMED_OPTIONS: u32 = 16;

/// Why two folders cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TooLarge {
    /// The new content's answers need more than [`MAX_VARIABLES`]
    /// variables.
    Variables,
    /// A multiple choice whose conditions name more than
    /// [`MAX_NAMED_OPTIONS`] options one by one: its id and how many.
    NamedOptions { question: String, named: u32 },
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooLarge::Variables => write!(
                f,
                "the answers need more than the {MAX_VARIABLES} BDD variables the comparison can number"
            ),
            TooLarge::NamedOptions { question, named } => write!(
                f,
                "`{question}`: conditions name {named} of its options one by one, more than the {MAX_NAMED_OPTIONS} whose combinations the comparison lists"
            ),
        }
    }
}

impl std::error::Error for TooLarge {}

/// A change's identity, in the order changes are listed.
type Key = (usize, Aspect, Option<String>, Value, Value);

/// Compares the advice of `old` and `new` over every combination of the new
/// content's answers, under every profile both define, symbolically (see
/// the module documentation): the same result as [`diff_enumerated`], at a
/// cost that does not grow with the number of combinations.
pub fn diff(old: &Content, new: &Content) -> Result<Diff, TooLarge> {
    fits(new)?;
    let space = Space::of(new);
    let vars = Vars::new(&space_shapes(new));
    let raw = SymAnswers::raw(&vars);
    let new_answers = raw.reset_unasked(new);
    let old_answers = translate_sym(new, old, &raw, &space).reset_unasked(old);
    let pairs = profile_pairs(old, new);
    let mut sets: BTreeMap<Key, Bdd> = BTreeMap::new();
    for &(po, pn) in &pairs {
        let a = Side {
            content: old,
            decision: Decision::new(old, po, &old_answers),
            answers: &old_answers,
        };
        let b = Side {
            content: new,
            decision: Decision::new(new, pn, &new_answers),
            answers: &new_answers,
        };
        for (aspect, item, va, vb, set) in changed_where(&vars, &a, &b) {
            let set = set.and(&vars.valid);
            if va == vb || set.is_false() {
                continue;
            }
            let key = (pn, aspect, item, va, vb);
            let union = sets.get(&key).map_or(set.clone(), |w| w.or(&set));
            sets.insert(key, union);
        }
    }
    // Where each question has each of its values, for the summary.
    let values: Vec<Vec<Bdd>> = space
        .values
        .iter()
        .enumerate()
        .map(|(q, vs)| vs.iter().map(|a| raw.is(q, *a)).collect())
        .collect();
    let changes = sets
        .into_iter()
        .map(|(key, set)| {
            let seen = values
                .iter()
                .map(|vs| vs.iter().map(|w| !set.and(w).is_false()).collect())
                .collect();
            let example = vars.first(&set).expect("a change happens somewhere");
            change(new, key, vars.count(&set), seen, example)
        })
        .collect();
    Ok(finish(old, new, space, pairs.len(), changes))
}

/// Whether the new content's answers can be spelt in BDD variables, and
/// each multiple choice's sets listed.
fn fits(new: &Content) -> Result<(), TooLarge> {
    let named = named_options(new);
    for (q, question) in new.questions.iter().enumerate() {
        let (mentioned, _) = multi_layout(named[q], question.options.len());
        if question.kind == QuestionKind::Multi && mentioned.count_ones() > MAX_NAMED_OPTIONS {
            return Err(TooLarge::NamedOptions {
                question: question.id.clone(),
                named: mentioned.count_ones(),
            });
        }
    }
    if Vars::fits(&space_shapes(new)) {
        Ok(())
    } else {
        Err(TooLarge::Variables)
    }
}

/// One folder's side of the comparison under one profile.
struct Side<'a> {
    content: &'a Content,
    decision: Decision,
    answers: &'a SymAnswers,
}

/// Where an aspect has one value on the old side and another on the new.
type Found = (Aspect, Option<String>, Value, Value, Bdd);

/// For each aspect, the parts of the space where its values on the two
/// sides are each one value: every pair of values with where it occurs
/// (possibly nowhere, or the same value twice; the caller drops those).
fn changed_where(vars: &Vars, a: &Side, b: &Side) -> Vec<Found> {
    let (da, db) = (&a.decision, &b.decision);
    let mut out = Vec::new();
    for (x, y) in [(true, false), (false, true)] {
        let side = |w: &Bdd, v: bool| if v { w.clone() } else { w.not() };
        out.push((
            Aspect::DigitalMeetingAllowed,
            None,
            Value::Bool(x),
            Value::Bool(y),
            side(&da.digital, x).and(&side(&db.digital, y)),
        ));
    }
    for (ka, wa) in &da.class {
        for (kb, wb) in &db.class {
            out.push((
                Aspect::InformationClass,
                None,
                Value::Class(*ka),
                Value::Class(*kb),
                wa.and(wb),
            ));
        }
    }
    out.extend(platforms_where(vars, a, b));
    for (i, wa) in da.verdict.iter().enumerate() {
        for (j, wb) in db.verdict.iter().enumerate() {
            out.push((
                Aspect::RecordingAllowed,
                None,
                Value::Recording(recording_allowed(VERDICTS[i])),
                Value::Recording(recording_allowed(VERDICTS[j])),
                wa.and(wb),
            ));
        }
    }
    for aspect in [Aspect::Organiser, Aspect::Participants, Aspect::Warnings] {
        let (pa, pb) = (presence(a, aspect), presence(b, aspect));
        let ids: BTreeSet<&String> = pa.keys().chain(pb.keys()).collect();
        let none = vars.set.mk_false();
        for id in ids {
            let x = pa.get(id).unwrap_or(&none);
            let y = pb.get(id).unwrap_or(&none);
            for (va, vb, w) in [(true, false, x.and_not(y)), (false, true, y.and_not(x))] {
                out.push((
                    aspect,
                    Some(id.clone()),
                    Value::Present(va),
                    Value::Present(vb),
                    w,
                ));
            }
        }
    }
    out
}

/// The recording verdict as a recommendation states it.
fn recording_allowed(v: Verdict) -> Option<bool> {
    match v {
        Verdict::NotPlanned => None,
        Verdict::Allowed => Some(true),
        Verdict::Forbidden => Some(false),
    }
}

/// Where the permitted platforms differ, split into parts where each side
/// permits one list: on each platform of each side in turn, keeping only
/// the non-empty halves.
fn platforms_where(vars: &Vars, a: &Side, b: &Side) -> Vec<Found> {
    let none = vars.set.mk_false();
    let permits = |s: &Side, id: &str| {
        s.content
            .platform(id)
            .map_or(none.clone(), |p| s.decision.permitted[p].clone())
    };
    let ids: BTreeSet<&str> = (a.content.platforms.iter())
        .chain(&b.content.platforms)
        .map(|p| p.id.as_str())
        .collect();
    let differs = ids.iter().fold(none.clone(), |acc, id| {
        acc.or(&permits(a, id).xor(&permits(b, id)))
    });
    let mut parts: Vec<([Vec<usize>; 2], Bdd)> =
        vec![(Default::default(), differs.and(&vars.valid))];
    for (s, side) in [a, b].into_iter().enumerate() {
        for (p, w) in side.decision.permitted.iter().enumerate() {
            parts = parts
                .into_iter()
                .flat_map(|(lists, set)| {
                    let (with, without) = (set.and(w), set.and_not(w));
                    let mut with_lists = lists.clone();
                    with_lists[s].push(p);
                    [(lists, without), (with_lists, with)]
                })
                .filter(|(_, set)| !set.is_false())
                .collect();
        }
    }
    let names = |c: &Content, list: &[usize]| {
        let mut ids: Vec<String> = list.iter().map(|&p| c.platforms[p].id.clone()).collect();
        ids.sort();
        Value::Platforms(ids)
    };
    parts
        .into_iter()
        .map(|([la, lb], set)| {
            (
                Aspect::Platforms,
                None,
                names(a.content, &la),
                names(b.content, &lb),
                set,
            )
        })
        .collect()
}

/// Per item (or warning) id of a list aspect: where it is in the list. As
/// the engine assembles it for concrete answers: some fired rule gives it,
/// and its presupposition holds in the decision.
fn presence(side: &Side, aspect: Aspect) -> BTreeMap<String, Bdd> {
    let c = side.content;
    let table = if aspect == Aspect::Warnings {
        &c.warnings
    } else {
        &c.items
    };
    let mut out = BTreeMap::new();
    for (e, item) in table.iter().enumerate() {
        let given = (c.rules.iter().enumerate())
            .filter(|(_, r)| list_of(r, aspect).contains(&e))
            .fold(side.answers.falsity().clone(), |acc, (i, _)| {
                acc.or(&side.decision.fired[i])
            });
        if given.is_false() {
            continue;
        }
        let holds = side.decision.requires(&item.requires, side.answers);
        out.insert(item.id.clone(), given.and(&holds));
    }
    out
}

/// The entries a rule gives to a list aspect.
fn list_of(rule: &Rule, aspect: Aspect) -> &[usize] {
    match aspect {
        Aspect::Organiser => &rule.organiser,
        Aspect::Participants => &rule.participants,
        Aspect::Warnings => &rule.warnings,
        _ => &[],
    }
}

/// The old content's answers as functions of the new content's raw
/// answers: [`translate`] over sets. A set stays a set of bits where both
/// questions are multiple choices; otherwise each value the new question
/// takes is translated on its own.
fn translate_sym(new: &Content, old: &Content, raw: &SymAnswers, space: &Space) -> SymAnswers {
    let answers = old
        .questions
        .iter()
        .map(|to| {
            let Some(qn) = new.question(&to.id) else {
                return Sym::Values(vec![(to.default, raw.truth().clone())]);
            };
            let from = &new.questions[qn];
            match &raw.answers[qn] {
                Sym::Bits(bits) if to.kind == QuestionKind::Multi => Sym::Bits(
                    bits.iter()
                        .filter_map(|(b, w)| match translate_answer(from, to, Answer::Set(*b)) {
                            Answer::Set(o) if o != 0 => Some((o, w.clone())),
                            _ => None,
                        })
                        .collect(),
                ),
                _ => {
                    let mut values: Vec<(Answer, Bdd)> = Vec::new();
                    for &a in &space.values[qn] {
                        let (t, w) = (translate_answer(from, to, a), raw.is(qn, a));
                        match values.iter_mut().find(|(x, _)| *x == t) {
                            Some((_, acc)) => *acc = acc.or(&w),
                            None => values.push((t, w)),
                        }
                    }
                    Sym::Values(values)
                }
            }
        })
        .collect();
    raw.with_answers(answers)
}

/// Compares the advice of `old` and `new` by visiting every combination of
/// the new content's answers with the concrete engine: the oracle for
/// [`diff`], which must give the same [`Diff`].
#[doc(hidden)]
pub fn diff_enumerated(old: &Content, new: &Content) -> Diff {
    let space = Space::of(new);
    let pairs = profile_pairs(old, new);
    let mut changes: BTreeMap<Key, Change> = BTreeMap::new();
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
        for &(po, pn) in &pairs {
            let a = decide(old, po, &old_values);
            let b = decide(new, pn, values);
            for (aspect, item, va, vb) in differences(old, new, &a, &b) {
                let key = (pn, aspect, item, va, vb);
                let change = changes.entry(key.clone()).or_insert_with(|| {
                    let seen = space.values.iter().map(|v| vec![false; v.len()]).collect();
                    change(new, key, 0, seen, values.to_vec())
                });
                change.count += 1;
                for (q, &i) in index.iter().enumerate() {
                    change.seen[q][i] = true;
                }
            }
        }
    });
    let changes = changes.into_values().collect();
    finish(old, new, space, pairs.len(), changes)
}

/// The profiles both define: (old index, new index), in the new order.
fn profile_pairs(old: &Content, new: &Content) -> Vec<(usize, usize)> {
    new.profiles
        .iter()
        .enumerate()
        .filter_map(|(pn, p)| {
            old.profiles
                .iter()
                .position(|o| o.id == p.id)
                .map(|po| (po, pn))
        })
        .collect()
}

/// A change as listed: its key spelt out, with its direction; `example`
/// is the first combination it happens for, as the flow goes on with it.
fn change(
    new: &Content,
    key: Key,
    count: u128,
    seen: Vec<Vec<bool>>,
    example: Vec<Answer>,
) -> Change {
    let (pn, aspect, item, old, new_value) = key;
    let mut example = example;
    flow::reset_unasked(new, &mut example);
    Change {
        profile: new.profiles[pn].id.clone(),
        aspect,
        item,
        direction: direction(aspect, &old, &new_value),
        old,
        new: new_value,
        count,
        seen,
        example,
    }
}

fn finish(
    old: &Content,
    new: &Content,
    space: Space,
    profiles: usize,
    changes: Vec<Change>,
) -> Diff {
    Diff {
        combinations: space.len().saturating_mul(profiles as u128),
        only_in_old: only(old, new),
        only_in_new: only(new, old),
        changes,
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
/// option ids; a question the old content lacks takes its default there.
fn translate(new: &Content, old: &Content, values: &[Answer]) -> Vec<Answer> {
    old.questions
        .iter()
        .map(|to| match new.question(&to.id) {
            Some(qn) => translate_answer(&new.questions[qn], to, values[qn]),
            None => to.default,
        })
        .collect()
}

/// An answer to the new content's question `from` as the old content's
/// question `to` reads it: options by id, an option `to` lacks dropped from
/// a set and, for a choice, `to`'s default; "vet ej" or "not stated" where
/// `to` cannot take them, its default too.
fn translate_answer(from: &Question, to: &Question, answer: Answer) -> Answer {
    let option = |i: usize| to.option_index(&from.options[i].id);
    match answer {
        Answer::Choice(i) => option(i).map_or(to.default, Answer::Choice),
        Answer::Set(bits) => Answer::Set(
            (0..from.options.len())
                .filter(|i| bits & (1 << i) != 0)
                .filter_map(option)
                .fold(0, |mapped, o| mapped | 1 << o),
        ),
        Answer::Unknown if !to.unknown => to.default,
        Answer::Unanswered if to.kind != QuestionKind::Choice => to.default,
        other => other,
    }
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

#[cfg(test)]
mod limits {
    use super::*;
    use crate::content::QuestOption;
    use crate::content::condition::Cond;
    use crate::text::Text;

    /// A multiple choice whose conditions name more options one by one
    /// than the summary can list is refused, naming the question and the
    /// limit, not enumerated into memory.
    #[test]
    fn too_many_named_options_are_refused_by_name() {
        let old = crate::content::built_in().expect("built-in content");
        let mut new = crate::content::built_in().expect("built-in content");
        let q = (new.questions.iter())
            .position(|q| q.kind == QuestionKind::Multi)
            .expect("a multiple choice");
        let question = &mut new.questions[q];
        while question.options.len() <= MAX_NAMED_OPTIONS as usize {
            question.options.push(QuestOption {
                id: format!("extra-{}", question.options.len()),
                label: Text {
                    sv: String::new(),
                    en: String::new(),
                },
                help: None,
                offer_when: None,
                line: 1,
                column: 1,
            });
        }
        let all = (1u64 << question.options.len()) - 1;
        new.rules[0].when = Cond::Contains {
            question: q,
            options: all,
        };
        let err = diff(&old, &new).expect_err("too many named options");
        assert_eq!(
            err,
            TooLarge::NamedOptions {
                question: new.questions[q].id.clone(),
                named: MAX_NAMED_OPTIONS + 1,
            }
        );
        assert!(err.to_string().contains(&MAX_NAMED_OPTIONS.to_string()));
    }
}
