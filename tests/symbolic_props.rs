//! Differential tests on generated content (issue 9, item 2): on random
//! small content folders, the symbolic whole-space analysis reports exactly
//! what the enumerator reports (same findings, counts, examples, order),
//! and the symbolic decision is the concrete engine's on every combination
//! and profile.
//!
//! A folder is generated as abstract choices (conditions with question
//! indices, option bit masks, effect masks) and rendered to YAML texts the
//! loader reads from memory. A reference is resolved against what exists
//! when it is rendered (question `k` of a condition is question `k mod n`
//! of those it may read), so every choice stays meaningful while proptest
//! shrinks, and the folder is nearly always one the loader accepts: items,
//! warnings and platforms get a user, every rule an effect, overrides point
//! at earlier rules only. The generated folders are meant to be flawed —
//! undecided combinations, conflicts, dead rules, broken invariants — so
//! that every kind of finding is exercised (see the coverage tally below).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use motesguide::analysis::{enumerated, whole_space};
use motesguide::content::{self, Content, ContentError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

// ---------------------------------------------------------------------
// The abstract folder.

/// A condition; leaves name a question by index into those it may read.
#[derive(Debug, Clone)]
enum C {
    Leaf {
        q: Index,
        sel: u8,
        bits: u8,
    },
    All(Vec<C>),
    Any(Vec<C>),
    Not(Box<C>),
    /// `c` and not `c`: never holds, for dead rules, questions and options.
    Never(Box<C>),
}

#[derive(Debug, Clone)]
struct QGen {
    /// 0 yes/no, 1 choice, 2 multi.
    kind: u8,
    options: usize,
    default: Option<u8>,
    unknown: bool,
    /// Option ids 1, 2, … (YAML numbers) instead of a, b, ….
    numeric: bool,
    ask_when: Option<C>,
    offer_when: Vec<Option<C>>,
    implied: Vec<(C, u8)>,
    unknown_items: u8,
}

#[derive(Debug, Clone)]
struct ProfileGen {
    /// Per class 1..4, which grant names it.
    groups: [u8; 4],
    /// Per grant, the platforms it allows (bits).
    allows: [u8; 4],
}

#[derive(Debug, Clone)]
struct RequiresGen {
    digital: Option<bool>,
    recording: Option<u8>,
    at_least: Option<u8>,
    at_most: Option<u8>,
    any: u8,
    none: u8,
    when: Option<C>,
}

#[derive(Debug, Clone)]
struct ItemGen {
    requires: Option<RequiresGen>,
    /// The rule that gives it when no rule happens to.
    home: Index,
}

#[derive(Debug, Clone)]
struct Effects {
    class: Option<u8>,
    forbid: bool,
    exclude: u8,
    /// Verdict (0 not planned, 1 allowed, 2 forbidden) and whether an
    /// allowed one states a retention.
    recording: Option<(u8, bool)>,
    organiser: u8,
    participants: u8,
    tips: u8,
    warnings: u8,
}

#[derive(Debug, Clone)]
enum Copy {
    /// Condition, profiles and effects of an earlier rule: a duplicate.
    Exact(Index),
    /// An earlier rule's effects under a narrower condition: shadowed
    /// when it gives no verdict.
    Narrower(Index, C),
}

#[derive(Debug, Clone)]
struct RuleGen {
    when: Option<C>,
    profiles: Option<u8>,
    effects: Effects,
    overrides: Vec<Index>,
    loosens: bool,
    copy: Option<Copy>,
}

#[derive(Debug, Clone)]
struct InvariantGen {
    when: Option<C>,
    profiles: Option<u8>,
    digital: Option<bool>,
    within: Option<u8>,
    exclude: u8,
    class: Option<u8>,
    recording: Option<bool>,
    organiser: u8,
    participants: u8,
    warnings: u8,
}

#[derive(Debug, Clone)]
struct Folder {
    platforms: usize,
    profiles: Vec<ProfileGen>,
    default_profile: Index,
    /// Per platform, the grant that allows it when none happens to.
    platform_homes: Vec<(Index, Index)>,
    questions: Vec<QGen>,
    items: Vec<ItemGen>,
    warnings: Vec<ItemGen>,
    rules: Vec<RuleGen>,
    /// Where the rules are split between two files.
    split: Index,
    invariants: Vec<InvariantGen>,
}

// ---------------------------------------------------------------------
// Strategies.

/// A sparse bit mask: mostly nothing, sometimes anything.
fn mask(none_weight: u32) -> impl Strategy<Value = u8> {
    prop_oneof![none_weight => Just(0u8), 1 => any::<u8>()]
}

fn cond() -> impl Strategy<Value = C> {
    let leaf = (any::<Index>(), any::<u8>(), any::<u8>()).prop_map(|(q, sel, bits)| C::Leaf {
        q,
        sel,
        bits,
    });
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            3 => prop::collection::vec(inner.clone(), 1..=3).prop_map(C::All),
            3 => prop::collection::vec(inner.clone(), 1..=3).prop_map(C::Any),
            2 => inner.clone().prop_map(|c| C::Not(Box::new(c))),
            1 => inner.prop_map(|c| C::Never(Box::new(c))),
        ]
    })
}

fn question() -> impl Strategy<Value = QGen> {
    (
        (0u8..3, 2usize..=4, prop::option::weighted(0.5, any::<u8>())),
        (prop::bool::weighted(0.4), prop::bool::weighted(0.25)),
        prop::option::weighted(0.35, cond()),
        prop::collection::vec(prop::option::weighted(0.15, cond()), 4),
        prop::collection::vec((cond(), any::<u8>()), 0..=2),
        mask(4),
    )
        .prop_map(
            |((kind, options, default), (unknown, numeric), ask_when, offer_when, implied, ui)| {
                QGen {
                    kind,
                    options,
                    default,
                    unknown,
                    numeric,
                    ask_when,
                    offer_when,
                    implied,
                    unknown_items: ui,
                }
            },
        )
}

fn profile() -> impl Strategy<Value = ProfileGen> {
    (
        prop::array::uniform4(0u8..3),
        prop::array::uniform4(prop_oneof![1 => Just(0u8), 4 => any::<u8>()]),
    )
        .prop_map(|(groups, allows)| ProfileGen { groups, allows })
}

fn requires() -> impl Strategy<Value = RequiresGen> {
    (
        prop::option::weighted(0.3, any::<bool>()),
        prop::option::weighted(0.2, 0u8..3),
        prop::option::weighted(0.2, 1u8..=4),
        prop::option::weighted(0.2, 1u8..=4),
        mask(4),
        mask(5),
        prop::option::weighted(0.3, cond()),
    )
        .prop_map(
            |(digital, recording, at_least, at_most, any, none, when)| RequiresGen {
                digital,
                recording,
                at_least,
                at_most,
                any,
                none,
                when,
            },
        )
}

fn listed_item() -> impl Strategy<Value = ItemGen> {
    (prop::option::weighted(0.5, requires()), any::<Index>())
        .prop_map(|(requires, home)| ItemGen { requires, home })
}

fn effects() -> impl Strategy<Value = Effects> {
    (
        prop::option::weighted(0.55, 1u8..=4),
        prop::bool::weighted(0.15),
        mask(5),
        prop::option::weighted(0.55, (0u8..3, any::<bool>())),
        (mask(2), mask(4), mask(4), mask(3)),
    )
        .prop_map(
            |(class, forbid, exclude, recording, (organiser, participants, tips, warnings))| {
                Effects {
                    class,
                    forbid,
                    exclude,
                    recording,
                    organiser,
                    participants,
                    tips,
                    warnings,
                }
            },
        )
}

fn rule() -> impl Strategy<Value = RuleGen> {
    (
        prop::option::weighted(0.8, cond()),
        prop::option::weighted(0.2, any::<u8>()),
        effects(),
        prop_oneof![3 => Just(Vec::new()), 1 => prop::collection::vec(any::<Index>(), 1..=2)],
        prop::bool::weighted(0.3),
        prop_oneof![
            8 => Just(None),
            1 => any::<Index>().prop_map(|i| Some(Copy::Exact(i))),
            1 => (any::<Index>(), cond()).prop_map(|(i, c)| Some(Copy::Narrower(i, c))),
        ],
    )
        .prop_map(
            |(when, profiles, effects, overrides, loosens, copy)| RuleGen {
                when,
                profiles,
                effects,
                overrides,
                loosens,
                copy,
            },
        )
}

fn invariant() -> impl Strategy<Value = InvariantGen> {
    (
        (
            prop::option::weighted(0.8, cond()),
            prop::option::weighted(0.3, any::<u8>()),
        ),
        (
            prop::option::weighted(0.3, any::<bool>()),
            prop::option::weighted(0.2, any::<u8>()),
            mask(3),
            prop::option::weighted(0.3, 1u8..=4),
            prop::option::weighted(0.3, any::<bool>()),
        ),
        (mask(4), mask(5), mask(4)),
    )
        .prop_map(
            |((when, profiles), (digital, within, exclude, class, recording), lists)| {
                InvariantGen {
                    when,
                    profiles,
                    digital,
                    within,
                    exclude,
                    class,
                    recording,
                    organiser: lists.0,
                    participants: lists.1,
                    warnings: lists.2,
                }
            },
        )
}

fn folder() -> impl Strategy<Value = Folder> {
    (
        (
            2usize..=3,
            prop::collection::vec(profile(), 1..=3),
            any::<Index>(),
            prop::collection::vec((any::<Index>(), any::<Index>()), 3),
        ),
        prop::collection::vec(question(), 2..=6),
        prop::collection::vec(listed_item(), 1..=4),
        prop::collection::vec(listed_item(), 1..=3),
        prop::collection::vec(rule(), 3..=10),
        any::<Index>(),
        prop::collection::vec(invariant(), 0..=3),
    )
        .prop_map(
            |(
                (platforms, profiles, default_profile, homes),
                questions,
                items,
                warnings,
                rules,
                split,
                invariants,
            )| Folder {
                platforms,
                profiles,
                default_profile,
                platform_homes: homes[..platforms].to_vec(),
                questions,
                items,
                warnings,
                rules,
                split,
                invariants,
            },
        )
}

// ---------------------------------------------------------------------
// Rendering.

const SRC: &str = "doc#s1";
const VERDICTS: [&str; 3] = ["not_planned", "allowed", "forbidden"];
/// The answer space (per profile) kept small enough for the enumerator:
/// later questions are dropped until it fits.
const MAX_SPACE: u64 = 4096;

fn text(s: &str) -> String {
    format!("{{ sv: {s}, en: {s} }}")
}

/// The ids the bits of `m` select, of `n` names made by `name`.
fn picked(m: u8, n: usize, name: impl Fn(usize) -> String) -> Vec<String> {
    (0..n).filter(|i| m & (1 << i) != 0).map(name).collect()
}

fn list(ids: &[String]) -> String {
    format!("[{}]", ids.join(", "))
}

/// A question as conditions see it.
#[derive(Debug, Clone)]
struct Shape {
    id: String,
    kind: u8,
    options: usize,
    numeric: bool,
    has_default: bool,
}

impl Shape {
    fn option(&self, i: usize) -> String {
        if self.numeric {
            (i + 1).to_string()
        } else {
            ((b'a' + i as u8) as char).to_string()
        }
    }

    /// Option ids for the bits of `m`; at least one.
    fn options_of(&self, m: u8) -> Vec<String> {
        let all = (1u8 << self.options) - 1;
        let m = if m & all == 0 {
            1 << (m as usize % self.options)
        } else {
            m & all
        };
        picked(m, self.options, |i| self.option(i))
    }

    /// A value in a condition.
    fn leaf(&self, sel: u8, bits: u8) -> String {
        match self.kind {
            0 => (sel % 2 == 1).to_string(),
            1 => match sel % 5 {
                0 | 1 => self.option(bits as usize % self.options),
                2 | 3 => list(&self.options_of(bits)),
                _ if !self.has_default => "unanswered".into(),
                // A quoted id reads as the same option.
                _ => format!("\"{}\"", self.option(bits as usize % self.options)),
            },
            _ => match sel % 4 {
                0 => "empty".into(),
                1 => "nonempty".into(),
                _ => list(&self.options_of(bits)),
            },
        }
    }

    /// An answer value (default or implied).
    fn value(&self, v: u8) -> String {
        match self.kind {
            0 => (v % 2 == 1).to_string(),
            1 => self.option(v as usize % self.options),
            _ => list(&picked(v, self.options, |i| self.option(i))),
        }
    }

    /// The most values the enumeration gives it.
    fn size(&self) -> u64 {
        match self.kind {
            0 => 2,
            1 => self.options as u64 + u64::from(!self.has_default),
            _ => 1 << self.options,
        }
    }
}

/// A condition over `qs` (those it may read); `None` when there are none.
fn render(c: &C, qs: &[Shape]) -> Option<String> {
    if qs.is_empty() {
        return None;
    }
    Some(match c {
        C::Leaf { q, sel, bits } => {
            let s = &qs[q.index(qs.len())];
            format!("{{ {}: {} }}", s.id, s.leaf(*sel, *bits))
        }
        C::All(cs) => {
            // Leaves on distinct questions, written as one mapping: the
            // same `all`, as the loader reads it.
            let leaves: Option<Vec<(usize, String)>> = cs
                .iter()
                .map(|c| match c {
                    C::Leaf { q, sel, bits } => {
                        let i = q.index(qs.len());
                        Some((i, format!("{}: {}", qs[i].id, qs[i].leaf(*sel, *bits))))
                    }
                    _ => None,
                })
                .collect();
            match leaves {
                Some(l)
                    if l.len() > 1
                        && (1..l.len()).all(|k| l[..k].iter().all(|(i, _)| *i != l[k].0)) =>
                {
                    let parts: Vec<String> = l.into_iter().map(|(_, s)| s).collect();
                    format!("{{ {} }}", parts.join(", "))
                }
                _ => format!("{{ all: {} }}", render_list(cs, qs)),
            }
        }
        C::Any(cs) => format!("{{ any: {} }}", render_list(cs, qs)),
        C::Not(c) => format!("{{ not: {} }}", render(c, qs)?),
        C::Never(c) => {
            let c = render(c, qs)?;
            format!("{{ all: [{c}, {{ not: {c} }}] }}")
        }
    })
}

fn render_list(cs: &[C], qs: &[Shape]) -> String {
    let parts: Vec<String> = cs.iter().filter_map(|c| render(c, qs)).collect();
    format!("[{}]", parts.join(", "))
}

/// A rule with every reference resolved, before it is written.
#[derive(Debug, Clone)]
struct Resolved {
    when: Option<String>,
    profiles: Option<Vec<String>>,
    effects: Effects,
    overrides: Vec<usize>,
    loosens: bool,
}

impl Effects {
    fn is_empty(&self) -> bool {
        self.class.is_none()
            && !self.forbid
            && self.exclude == 0
            && self.recording.is_none()
            && self.organiser | self.participants | self.tips | self.warnings == 0
    }
}

fn profile_ids(m: u8, n: usize) -> Option<Vec<String>> {
    let ids = picked(m, n, |i| format!("prof{i}"));
    (!ids.is_empty()).then_some(ids)
}

fn platform(i: usize) -> String {
    format!("p{i}")
}

fn item(i: usize) -> String {
    format!("i{i}")
}

fn warning(i: usize) -> String {
    format!("w{i}")
}

/// `key: [ids]` added to `keys` when there are ids.
fn listed(keys: &mut Vec<String>, key: &str, ids: Vec<String>) {
    if !ids.is_empty() {
        keys.push(format!("{key}: {}", list(&ids)));
    }
}

/// Per profile, its grants: the classes named and the platforms allowed.
type Grants = Vec<Vec<(Vec<u8>, u8)>>;

const DOCUMENTS: &str = "- id: doc
  title: Document
  summary: { sv: Summary, en: Summary }
  sections:
    - { id: s1, title: One }
    - { id: s2, title: Two }
";

fn classes() -> String {
    let mut out = String::new();
    for k in 1..=4 {
        let _ = writeln!(
            out,
            "- level: {k}\n  name: {}\n  help: {}\n  source: {SRC}",
            text(&format!("Class {k}")),
            text("Help")
        );
    }
    out
}

impl Folder {
    /// The folder as (path, text) pairs, as the loader reads a directory.
    fn files(&self) -> Vec<(String, String)> {
        let grants = self.grants();
        let shapes = self.shapes();
        let (questions, unknown_items) = self.questions(&shapes);
        let rules = self.rules(&shapes, grants.len(), unknown_items);
        let mut files: Vec<(&str, String)> = vec![
            ("documents.yaml", DOCUMENTS.to_owned()),
            ("classes.yaml", classes()),
            ("platforms.yaml", self.platforms()),
            ("profiles.yaml", self.profiles(&grants)),
            ("questions.yaml", questions),
            ("checklists.yaml", self.items(&self.items, item, &shapes)),
            (
                "warnings.yaml",
                self.items(&self.warnings, warning, &shapes),
            ),
        ];
        let split = self.split.index(rules.len() + 1);
        let texts: Vec<String> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| self.rule(i, r))
            .collect();
        for (name, part) in [
            ("rules/10-first.yaml", &texts[..split]),
            ("rules/20-second.yaml", &texts[split..]),
        ] {
            if !part.is_empty() {
                files.push((name, part.concat()));
            }
        }
        if !self.invariants.is_empty() {
            files.push(("invariants.yaml", self.invariants(&shapes, grants.len())));
        }
        files.into_iter().map(|(p, t)| (p.to_owned(), t)).collect()
    }

    fn platforms(&self) -> String {
        let mut out = String::new();
        for p in 0..self.platforms {
            let _ = writeln!(
                out,
                "- id: {}\n  name: Platform {p}\n  description: {}\n  source: {SRC}",
                platform(p),
                text("Description")
            );
        }
        out
    }

    /// The classes partitioned among each profile's grants; every platform
    /// allowed somewhere, or the loader calls it dead.
    fn grants(&self) -> Grants {
        let all = (1u8 << self.platforms) - 1;
        let mut grants: Grants = self
            .profiles
            .iter()
            .map(|p| {
                let mut order: Vec<u8> = Vec::new();
                for g in p.groups {
                    if !order.contains(&g) {
                        order.push(g);
                    }
                }
                order
                    .iter()
                    .map(|&g| {
                        let classes = (1..=4u8).filter(|k| p.groups[*k as usize - 1] == g);
                        (classes.collect(), p.allows[g as usize] & all)
                    })
                    .collect()
            })
            .collect();
        for (p, (prof, grant)) in self.platform_homes.iter().enumerate() {
            if !grants.iter().flatten().any(|(_, a)| a & (1 << p) != 0) {
                let prof = prof.index(grants.len());
                let grant = grant.index(grants[prof].len());
                grants[prof][grant].1 |= 1 << p;
            }
        }
        grants
    }

    fn profiles(&self, grants: &Grants) -> String {
        let default = self.default_profile.index(grants.len());
        let mut out = String::new();
        for (i, gs) in grants.iter().enumerate() {
            let _ = writeln!(
                out,
                "- id: prof{i}\n  name: {}\n  description: {}{}\n  documents: [doc]\n  platforms:",
                text(&format!("Profile {i}")),
                text("Description"),
                if i == default {
                    "\n  default: true"
                } else {
                    ""
                }
            );
            for (classes, allow) in gs {
                let classes: Vec<String> = classes.iter().map(u8::to_string).collect();
                let _ = writeln!(
                    out,
                    "    - classes: {}\n      allow: {}\n      source: doc#s2",
                    list(&classes),
                    list(&picked(*allow, self.platforms, platform))
                );
            }
        }
        out
    }

    /// The questions kept: later ones dropped while the space is too large.
    fn shapes(&self) -> Vec<Shape> {
        let mut shapes: Vec<Shape> = Vec::new();
        let mut size = 1u64;
        for (i, q) in self.questions.iter().enumerate() {
            let shape = Shape {
                id: format!("q{i}"),
                kind: q.kind,
                options: q.options,
                numeric: q.numeric,
                has_default: q.kind != 1 || q.default.is_some(),
            };
            size *= shape.size();
            if size > MAX_SPACE && shapes.len() >= 2 {
                break;
            }
            shapes.push(shape);
        }
        shapes
    }

    /// `questions.yaml`, and the checklist items its `unknown_items` give.
    fn questions(&self, shapes: &[Shape]) -> (String, u8) {
        let mut out = String::new();
        let mut unknown_items = 0u8;
        for (i, s) in shapes.iter().enumerate() {
            let q = &self.questions[i];
            let earlier = &shapes[..i];
            let _ = writeln!(
                out,
                "- id: {}\n  kind: {}\n  step: {}\n  text: {}\n  help: {}\n  source: {SRC}",
                s.id,
                ["yes_no", "choice", "multi"][s.kind as usize],
                text("Step"),
                text("Question?"),
                text("Help")
            );
            if q.unknown && s.kind != 2 {
                out.push_str("  unknown: true\n");
                let ids = picked(q.unknown_items, self.items.len(), item);
                if !ids.is_empty() {
                    unknown_items |= q.unknown_items;
                    let _ = writeln!(out, "  unknown_items: {}", list(&ids));
                }
            }
            match (s.kind, q.default) {
                (1, None) => {
                    let _ = writeln!(out, "  unanswered: {}", text("Not stated"));
                }
                (_, Some(d)) => {
                    let _ = writeln!(out, "  default: {}", s.value(d));
                }
                _ => {}
            }
            if let Some(c) = q.ask_when.as_ref().and_then(|c| render(c, earlier)) {
                let _ = writeln!(out, "  ask_when: {c}");
            }
            let implied: Vec<(String, u8)> = q
                .implied
                .iter()
                .filter_map(|(c, v)| Some((render(c, earlier)?, *v)))
                .collect();
            if !implied.is_empty() {
                out.push_str("  implied:\n");
                for (c, v) in implied {
                    let _ = writeln!(
                        out,
                        "    - when: {c}\n      value: {}\n      because: {}\n      source: {SRC}",
                        s.value(v),
                        text("Because")
                    );
                }
            }
            if s.kind != 0 {
                out.push_str("  options:\n");
                for o in 0..s.options {
                    let _ = writeln!(
                        out,
                        "    - id: {}\n      label: {}",
                        s.option(o),
                        text(&format!("Option {o}"))
                    );
                    if let Some(c) = q.offer_when[o].as_ref().and_then(|c| render(c, earlier)) {
                        let _ = writeln!(out, "      offer_when: {c}");
                    }
                }
            }
        }
        (out, unknown_items)
    }

    /// Checklist items or warnings, with what they presuppose.
    fn items(&self, list_of: &[ItemGen], name: fn(usize) -> String, shapes: &[Shape]) -> String {
        let np = self.platforms;
        let mut out = String::new();
        for (i, it) in list_of.iter().enumerate() {
            let _ = writeln!(
                out,
                "- id: {}\n  text: {}\n  source: [{SRC}, doc#s2]",
                name(i),
                text("Do this")
            );
            let Some(r) = &it.requires else { continue };
            let mut keys: Vec<String> = Vec::new();
            if let Some(d) = r.digital {
                keys.push(format!("digital_meeting: {d}"));
            }
            if let Some(v) = r.recording {
                keys.push(format!("recording: {}", VERDICTS[v as usize]));
            }
            let (lo, hi) = match (r.at_least, r.at_most) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            if let Some(lo) = lo {
                keys.push(format!("class_at_least: {lo}"));
            }
            if let Some(hi) = hi {
                keys.push(format!("class_at_most: {hi}"));
            }
            listed(&mut keys, "platforms_any", picked(r.any, np, platform));
            listed(&mut keys, "platforms_none", picked(r.none, np, platform));
            if let Some(c) = r.when.as_ref().and_then(|c| render(c, shapes)) {
                keys.push(format!("when: {c}"));
            }
            let _ = writeln!(out, "  requires: {{ {} }}", keys.join(", "));
        }
        out
    }

    /// The rules: the originals resolved, items and warnings no rule gives
    /// given to one of them, then the copies made of what they copy.
    fn rules(&self, shapes: &[Shape], profiles: usize, unknown_items: u8) -> Vec<Resolved> {
        let all_items = (1u8 << self.items.len()) - 1;
        let all_warnings = (1u8 << self.warnings.len()) - 1;
        let mut rules: Vec<Option<Resolved>> = self
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if r.copy.is_some() && i > 0 {
                    return None;
                }
                let mut e = r.effects.clone();
                e.exclude &= (1 << self.platforms) - 1;
                e.organiser &= all_items;
                e.participants &= all_items;
                e.tips &= all_items;
                e.warnings &= all_warnings;
                if let Some((v, retention)) = &mut e.recording {
                    *retention &= *v == 1;
                }
                if e.is_empty() {
                    e.class = Some(1 + (i % 4) as u8);
                }
                // Only a rule with a verdict may override, and only an
                // earlier rule: no cycles.
                let overrides: Vec<usize> = match e.recording {
                    Some(_) if i > 0 => {
                        let mut o: Vec<usize> = r.overrides.iter().map(|x| x.index(i)).collect();
                        o.sort_unstable();
                        o.dedup();
                        o
                    }
                    _ => Vec::new(),
                };
                Some(Resolved {
                    when: r.when.as_ref().and_then(|c| render(c, shapes)),
                    profiles: r.profiles.and_then(|m| profile_ids(m, profiles)),
                    loosens: r.loosens && !overrides.is_empty(),
                    effects: e,
                    overrides,
                })
            })
            .collect();
        let originals: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].is_some()).collect();
        let given = |rules: &[Option<Resolved>], pick: fn(&Effects) -> u8| {
            rules
                .iter()
                .flatten()
                .fold(0u8, |m, r| m | pick(&r.effects))
        };
        let used = given(&rules, |e| e.organiser | e.participants | e.tips) | unknown_items;
        for (i, it) in self.items.iter().enumerate() {
            if used & (1 << i) == 0 {
                let home = originals[it.home.index(originals.len())];
                let e = &mut rules[home].as_mut().expect("an original").effects;
                // Alternate lists, so items reach all three.
                match i % 3 {
                    0 => e.organiser |= 1 << i,
                    1 => e.participants |= 1 << i,
                    _ => e.tips |= 1 << i,
                }
            }
        }
        let used = given(&rules, |e| e.warnings);
        for (i, it) in self.warnings.iter().enumerate() {
            if used & (1 << i) == 0 {
                let home = originals[it.home.index(originals.len())];
                rules[home].as_mut().expect("an original").effects.warnings |= 1 << i;
            }
        }
        for (i, r) in self.rules.iter().enumerate() {
            let Some(copy) = r.copy.as_ref().filter(|_| i > 0) else {
                continue;
            };
            let resolved = match copy {
                Copy::Exact(j) => Resolved {
                    overrides: Vec::new(),
                    loosens: false,
                    ..rules[j.index(i)].clone().expect("resolved earlier")
                },
                Copy::Narrower(j, c) => {
                    let of = rules[j.index(i)].clone().expect("resolved earlier");
                    let mut effects = of.effects.clone();
                    // Without its verdict, unless that is all it gives.
                    let only_verdict = Effects {
                        recording: None,
                        ..effects.clone()
                    }
                    .is_empty();
                    if !only_verdict {
                        effects.recording = None;
                    }
                    let when = match (&of.when, render(c, shapes)) {
                        (Some(a), Some(b)) => Some(format!("{{ all: [{a}, {b}] }}")),
                        (a, b) => a.clone().or(b),
                    };
                    Resolved {
                        when,
                        profiles: of.profiles,
                        effects,
                        overrides: Vec::new(),
                        loosens: false,
                    }
                }
            };
            rules[i] = Some(resolved);
        }
        rules
            .into_iter()
            .map(|r| r.expect("every rule resolved"))
            .collect()
    }

    /// Rule `i` as written in a rules file.
    fn rule(&self, i: usize, r: &Resolved) -> String {
        let (ni, nw) = (self.items.len(), self.warnings.len());
        let mut out = format!("- id: r{i}\n");
        if let Some(w) = &r.when {
            let _ = writeln!(out, "  when: {w}");
        }
        if let Some(p) = &r.profiles {
            let _ = writeln!(out, "  profiles: {}", list(p));
        }
        let _ = writeln!(
            out,
            "  explain: {}\n  source: {}",
            text("Because"),
            if i.is_multiple_of(2) {
                SRC
            } else {
                "[doc#s1, doc#s2]"
            }
        );
        let e = &r.effects;
        let mut keys: Vec<String> = Vec::new();
        if let Some(k) = e.class {
            keys.push(format!("class_at_least: {k}"));
        }
        if e.forbid {
            keys.push("forbid_digital: true".into());
        }
        let excluded = picked(e.exclude, self.platforms, platform);
        listed(&mut keys, "exclude_platforms", excluded);
        match e.recording {
            Some((1, true)) => keys.push(format!(
                "recording:\n    verdict: allowed\n    retention: {}",
                text("Kept a year")
            )),
            Some((v, _)) => keys.push(format!(
                "recording: {{ verdict: {} }}",
                VERDICTS[v as usize]
            )),
            None => {}
        }
        listed(&mut keys, "organiser", picked(e.organiser, ni, item));
        listed(&mut keys, "participants", picked(e.participants, ni, item));
        listed(&mut keys, "tips", picked(e.tips, ni, item));
        listed(&mut keys, "warnings", picked(e.warnings, nw, warning));
        let overrides: Vec<String> = r.overrides.iter().map(|j| format!("r{j}")).collect();
        listed(&mut keys, "overrides", overrides);
        if r.loosens {
            keys.push("loosens: true".into());
        }
        for k in keys {
            let _ = writeln!(out, "  {k}");
        }
        out
    }

    fn invariants(&self, shapes: &[Shape], profiles: usize) -> String {
        let (np, ni, nw) = (self.platforms, self.items.len(), self.warnings.len());
        let mut out = String::new();
        for (k, inv) in self.invariants.iter().enumerate() {
            let _ = writeln!(out, "- id: inv{k}");
            if let Some(w) = inv.when.as_ref().and_then(|c| render(c, shapes)) {
                let _ = writeln!(out, "  when: {w}");
            }
            if let Some(p) = inv.profiles.and_then(|m| profile_ids(m, profiles)) {
                let _ = writeln!(out, "  profiles: {}", list(&p));
            }
            let mut then: Vec<String> = Vec::new();
            if let Some(d) = inv.digital {
                then.push(format!("digital_meeting_allowed: {d}"));
            }
            if let Some(m) = inv.within {
                // Possibly empty: no platform at all.
                let within = list(&picked(m, np, platform));
                then.push(format!("platforms_within: {within}"));
            }
            listed(
                &mut then,
                "platforms_exclude",
                picked(inv.exclude, np, platform),
            );
            if let Some(k) = inv.class {
                then.push(format!("class_at_least: {k}"));
            }
            if let Some(r) = inv.recording {
                then.push(format!("recording_allowed: {r}"));
            }
            listed(
                &mut then,
                "organiser_includes",
                picked(inv.organiser, ni, item),
            );
            let participants = picked(inv.participants, ni, item);
            listed(&mut then, "participants_includes", participants);
            listed(
                &mut then,
                "warnings_include",
                picked(inv.warnings, nw, warning),
            );
            if then.is_empty() {
                then.push(format!("class_at_least: {}", 1 + k % 4));
            }
            let _ = writeln!(out, "  then: {{ {} }}\n  source: {SRC}", then.join(", "));
        }
        out
    }
}

fn load(files: &[(String, String)]) -> Result<Content, ContentError> {
    content::from_files("generated", files.to_vec())
}

/// The files, for a failure message.
fn show(files: &[(String, String)]) -> String {
    files
        .iter()
        .map(|(p, t)| format!("--- {p}\n{t}"))
        .collect::<Vec<_>>()
        .join("")
}

// ---------------------------------------------------------------------
// Properties.

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        // A refused folder is skipped; the tally below keeps that rare.
        max_global_rejects: 4096,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// The symbolic analysis reports exactly what the enumerator reports.
    #[test]
    fn symbolic_and_enumerated_findings_agree(f in folder()) {
        let files = f.files();
        let loaded = load(&files);
        prop_assume!(loaded.is_ok());
        let c = loaded.unwrap();
        let symbolic = whole_space::analyse(&c);
        let oracle = enumerated::analyse(&c);
        prop_assert_eq!(symbolic.combinations, oracle.combinations, "{}", show(&files));
        prop_assert_eq!(
            &symbolic.problems,
            &oracle.problems,
            "symbolic (left) and enumerated (right) differ on\n{}",
            show(&files)
        );
    }

    /// The symbolic flow and decision are the concrete engine's on every
    /// combination and profile.
    #[test]
    fn symbolic_decision_is_the_engines(f in folder()) {
        let files = f.files();
        let loaded = load(&files);
        prop_assume!(loaded.is_ok());
        let c = loaded.unwrap();
        if let Err(e) = motesguide::engine::symbolic::check_against_engine(&c) {
            prop_assert!(false, "{e}\non\n{}", show(&files));
        }
    }
}

/// The kinds of finding the generator must reach, as their messages say.
const KINDS: [&str; 14] = [
    "no rule sets an information class",
    "no platform is permitted",
    "no rule gives a recording verdict",
    "different recording verdicts",
    "never fires",
    "shadowed",
    "never asked",
    "never offered",
    "is never shown",
    "never recommended",
    "never the outcome",
    "invariant",
    "drops",
    "duplicates",
];

/// With a fixed seed, 300 generated folders: few are refused by the loader
/// (else the properties would test little), and every kind of finding
/// appears in some of them (else they would not test it).
#[test]
fn generated_folders_load_and_reach_every_kind_of_finding() {
    let mut runner = TestRunner::deterministic();
    let strategy = folder();
    let total = 300;
    let mut refused: Vec<String> = Vec::new();
    let mut seen: BTreeMap<&str, usize> = KINDS.iter().map(|k| (*k, 0)).collect();
    let (mut combinations, mut largest) = (0u128, 0u128);
    for _ in 0..total {
        let f = strategy.new_tree(&mut runner).expect("a folder").current();
        let files = f.files();
        match load(&files) {
            Err(e) => refused.push(format!("{e:?}")),
            Ok(c) => {
                let analysis = whole_space::analyse(&c);
                combinations += analysis.combinations;
                largest = largest.max(analysis.combinations);
                let problems = analysis.problems;
                for (kind, n) in seen.iter_mut() {
                    if problems.iter().any(|p| p.message.contains(kind)) {
                        *n += 1;
                    }
                }
            }
        }
    }
    let loaded = total - refused.len();
    println!(
        "refused {} of {total}; combinations (times profiles) {} on average, {largest} at most; folders with each kind of finding: {seen:#?}",
        refused.len(),
        combinations / loaded.max(1) as u128,
    );
    // Measured: none of the 300 is refused (the generator resolves every
    // reference); a tenth would leave the properties too little to test.
    assert!(
        refused.len() * 10 <= total,
        "the loader refused {} of {total} folders, e.g. {:#?}",
        refused.len(),
        &refused[..refused.len().min(3)]
    );
    let missing: Vec<&&str> = seen
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(k, _)| k)
        .collect();
    assert!(missing.is_empty(), "never found: {missing:?}");
}
