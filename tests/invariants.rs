//! The safety invariants, checked on every combination of the answer space
//! (engine::space::Space) under every profile: no digital meeting for class
//! 4 or security-classified information, no ordinary platform for secrecy or
//! sensitive personal data, no recording the documents forbid, a warning when
//! control goes to an outsider, a source on every line; "vet ej" never
//! weaker than a real answer; a more sensitive answer never more permissive;
//! and the space's collapse of options no condition names is sound.

mod common;

use std::sync::OnceLock;

use common::*;
use motesguide::content::{Answer, Content};
use motesguide::engine::{self, Answers, Entry, Recommendation, Summary};
use motesguide::report::Report;
use motesguide::text::Lang;

/// How many examples of one kind of failure a test shows.
const SHOWN: usize = 4;

/// Collects failures by kind, so one run shows a few examples of each kind
/// and how many there were, not just the first.
#[derive(Default)]
struct Failures {
    kinds: std::collections::BTreeMap<&'static str, (usize, Vec<String>)>,
}

impl Failures {
    fn check(&mut self, kind: &'static str, ok: bool, example: impl FnOnce() -> String) {
        if !ok {
            let (count, shown) = self.kinds.entry(kind).or_default();
            *count += 1;
            if shown.len() < SHOWN {
                shown.push(example());
            }
        }
    }

    fn assert_none(self) {
        let mut report = String::new();
        for (kind, (count, shown)) in &self.kinds {
            report.push_str(&format!("\n{kind}: {count} combination(s), for example:"));
            for s in shown {
                report.push_str(&format!("\n    {s}"));
            }
        }
        assert!(self.kinds.is_empty(), "{report}");
    }
}

/// The decision for every combination of the space, per profile, indexed
/// as [`Indexed::for_each`] counts.
fn table() -> &'static (Indexed, Vec<Vec<Summary>>) {
    static TABLE: OnceLock<(Indexed, Vec<Vec<Summary>>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let c = content();
        let space = Indexed::of(c);
        let per_profile = (0..c.profiles.len())
            .map(|p| {
                let mut out = Vec::with_capacity(space.len);
                space.for_each(|_, _, values| out.push(engine::summarise(c, p, values)));
                out
            })
            .collect();
        (space, per_profile)
    })
}

fn evaluate(c: &Content, profile: usize, values: &[Answer]) -> Recommendation {
    let answers = Answers {
        profile: Some(profile),
        values: values.to_vec(),
    };
    engine::evaluate(c, profile, &answers)
}

#[test]
fn the_space_is_the_size_the_analysis_checks() {
    let c = content();
    let (space, _) = table();
    let combinations = motesguide::analysis::whole_space::analyse(c).combinations;
    assert_eq!(
        space.len as u128 * c.profiles.len() as u128,
        combinations,
        "the tests walk the same space as `validate`"
    );
    // Large enough to mean something, small enough to walk in a test.
    assert!(
        (10_000..2_000_000).contains(&space.len),
        "{} combinations per profile",
        space.len
    );
}

/// The platforms a profile may offer when secrecy or sensitive personal
/// data are handled: Motala 2024 "Sefos och/eller ProRenata används i möten
/// som innehåller känsliga personuppgifter och/eller sekretessbelagda
/// uppgifter"; Bilaga 6 "Hanteras sekretess under mötet är det enbart idag
/// Skype som är godkänt".
fn secure_platforms(c: &Content, profile: usize) -> Vec<usize> {
    match c.profiles[profile].id.as_str() {
        "standard" => vec![platform(c, "sefos"), platform(c, "prorenata")],
        "bilaga-6" => vec![platform(c, "skype")],
        other => panic!("profile `{other}` has no expectation in this test; add one"),
    }
}

#[test]
fn every_combination_is_safe_and_cited() {
    let c = content();
    let (space, summaries) = table();
    let security = question(c, "security_classified");
    let class = question(c, "information_class");
    let class_4 = choice(c, "information_class", "4");
    let secrecy = question(c, "secrecy");
    let sensitive = question(c, "sensitive_data");
    let recording = question(c, "recording");
    let never_recorded = [
        choice(c, "recording", "ordinary"),
        choice(c, "recording", "cheating_control"),
    ];
    let no_recording = choice(c, "recording", "none");
    let remote_control = question(c, "remote_control");
    let external_control = choice(c, "remote_control", "external");
    let control_warning = c
        .warnings
        .iter()
        .position(|w| w.id == "control-to-external")
        .expect("a warning about control handed to an outsider");
    let mut f = Failures::default();
    // The sources depend only on what fired, so each distinct outcome is
    // resolved into words once.
    let mut cited_checked = std::collections::HashSet::new();
    for (p, summaries) in summaries.iter().enumerate() {
        let secure = secure_platforms(c, p);
        space.for_each(|i, _, values| {
            let rec = evaluate(c, p, values);
            let at = || describe(c, p, values);
            f.check(
                "evaluate and summarise disagree",
                rec.summary() == summaries[i],
                at,
            );
            f.check(
                "platforms empty not exactly when no digital meeting",
                rec.platforms.is_empty() != rec.digital_allowed,
                at,
            );
            if values[security] == Answer::Bool(true) || values[class] == class_4 || rec.class == 4
            {
                f.check(
                    "class 4 or security-classified, yet digital",
                    !rec.digital_allowed && rec.platforms.is_empty(),
                    || format!("{:?}: {}", platform_ids(c, &rec.platforms), at()),
                );
            }
            if values[secrecy] == Answer::Bool(true) || values[sensitive] != Answer::Set(0) {
                f.check(
                    "secrecy or sensitive data below class 3",
                    rec.class >= 3,
                    || format!("class {} for {}", rec.class, at()),
                );
                f.check(
                    "secrecy or sensitive data on an ordinary platform",
                    rec.platforms.iter().all(|x| secure.contains(x)),
                    || format!("{:?}: {}", platform_ids(c, &rec.platforms), at()),
                );
            }
            if never_recorded.contains(&values[recording]) {
                f.check(
                    "ordinary or cheating-control recording allowed",
                    rec.recording.allowed == Some(false),
                    || format!("{:?}: {}", rec.recording.allowed, at()),
                );
            }
            f.check(
                "recording planned/allowed does not follow the answer",
                (values[recording] == no_recording)
                    == (!rec.recording.planned && rec.recording.allowed.is_none()),
                at,
            );
            // Control handed to an outsider is warned about; when the meeting
            // may not be digital at all, that verdict's own warning stands
            // first and the rules about the digital meeting fall away.
            if values[remote_control] == external_control {
                f.check(
                    "no warning for control handed to an outsider",
                    if rec.digital_allowed {
                        rec.warnings.iter().any(|w| w.index == control_warning)
                    } else {
                        !rec.warnings.is_empty()
                    },
                    at,
                );
            }
            if cited_checked.insert(cited_key(p, &rec)) {
                check_cited(c, &rec, values, p, &mut f);
            }
        });
    }
    f.assert_none();
}

/// What the cited lines of a report depend on.
fn cited_key(p: usize, rec: &Recommendation) -> Vec<Vec<usize>> {
    vec![
        vec![p, usize::from(rec.recording.planned)],
        Entry::indices(&rec.organiser),
        Entry::indices(&rec.participants),
        Entry::indices(&rec.tips),
        Entry::indices(&rec.warnings),
        rec.fired
            .iter()
            .map(|x| x.rule * 2 + usize::from(x.certain))
            .collect(),
        rec.recording.because.clone(),
    ]
}

/// Every line of a recommendation names a document and section a person
/// can look up, in both languages; an allowed recording says how long it
/// is kept.
fn check_cited(c: &Content, rec: &Recommendation, values: &[Answer], p: usize, f: &mut Failures) {
    let answers = Answers {
        profile: Some(p),
        values: values.to_vec(),
    };
    let at = || describe(c, p, values);
    for lang in [Lang::Sv, Lang::En] {
        let r = Report::new(c, &answers, rec, lang);
        let names_a_document = |source: &str| {
            c.documents.iter().any(|d| {
                source.contains(&d.title) && d.sections.iter().any(|s| source.contains(&s.title))
            })
        };
        let lines = r
            .organiser
            .iter()
            .chain(&r.participants)
            .chain(&r.warnings)
            .chain(&r.explanation);
        for line in lines {
            f.check(
                "a line without text or without a document in its source",
                !line.text.trim().is_empty() && names_a_document(&line.source),
                || format!("`{}` {:?}: {}", line.id, line.source, at()),
            );
        }
        f.check("no explanation", !r.explanation.is_empty(), at);
        if r.recording_planned {
            f.check(
                "a recording verdict without reason or source",
                !r.recording_sources.is_empty()
                    && r.recording_sources.iter().all(|s| names_a_document(s))
                    && !r.recording_reason.trim().is_empty(),
                at,
            );
        }
        if r.recording_allowed == Some(true) {
            f.check(
                "an allowed recording without retention",
                r.retention.as_ref().is_some_and(|t| !t.trim().is_empty()),
                at,
            );
        }
    }
}

/// The questions that accept "vet ej".
fn unknowable(c: &Content) -> Vec<usize> {
    (0..c.questions.len())
        .filter(|&q| c.questions[q].unknown)
        .collect()
}

/// `strict` is at least as strict as `other`: class no lower, no digital
/// meeting if `other` has none, no weaker platform, recording allowed only
/// if `other` allows it.
fn at_least_as_strict(c: &Content, p: usize, strict: &Summary, other: &Summary) -> bool {
    strict.class >= other.class
        && (!strict.digital_allowed || other.digital_allowed)
        && min_clearance(c, p, &strict.platforms) >= min_clearance(c, p, &other.platforms)
        && (strict.recording_allowed != Some(true) || other.recording_allowed == Some(true))
}

#[test]
fn unknown_is_never_weaker_than_a_real_answer() {
    let c = content();
    let (space, summaries) = table();
    let questions = unknowable(c);
    // The contract: every yes/no question and information_class accept it.
    let expected: Vec<usize> = c
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            q.kind == motesguide::content::QuestionKind::YesNo || q.id == "information_class"
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(questions, expected, "the questions that accept `unknown`");
    let mut f = Failures::default();
    for (p, summaries) in summaries.iter().enumerate() {
        space.for_each(|i, digits, values| {
            for &q in &questions {
                if digits[q] != 0 {
                    continue;
                }
                let mut open = values.to_vec();
                open[q] = Answer::Unknown;
                let rec = evaluate(c, p, &open);
                let unknown = rec.summary();
                let base = i;
                let real: Vec<&Summary> = (0..space.space.values[q].len())
                    .map(|k| &summaries[base + k * space.strides[q]])
                    .collect();
                for (k, s) in real.iter().enumerate() {
                    f.check(
                        "unknown weaker than a real answer",
                        at_least_as_strict(c, p, &unknown, s),
                        || {
                            format!(
                                "{} unknown gives [{}], weaker than {} = {} gives [{}]: {}",
                                c.questions[q].id,
                                summary_line(c, &unknown),
                                c.questions[q].id,
                                c.questions[q].answer_id(space.space.values[q][k]),
                                summary_line(c, s),
                                describe(c, p, values)
                            )
                        },
                    );
                }
                // The result names the unknown answer exactly when a real
                // answer would change it.
                let concrete: Vec<&Summary> = c.questions[q]
                    .concrete_values()
                    .into_iter()
                    .map(|a| {
                        let k = space
                            .position(q, a)
                            .expect("a concrete value is in the space");
                        real[k]
                    })
                    .collect();
                let matters = concrete.windows(2).any(|w| w[0] != w[1]);
                let named = rec.open.iter().any(|o| o.question == q);
                f.check(
                    "unknown answer named as open not exactly when it matters",
                    matters == named,
                    || {
                        format!(
                            "{} unknown: matters {matters}, named as open {named}: {}",
                            c.questions[q].id,
                            describe(c, p, values)
                        )
                    },
                );
            }
        });
    }
    f.assert_none();
}

#[test]
fn all_unknown_at_once_is_stricter_than_every_completion() {
    let c = content();
    let (space, summaries) = table();
    let questions = unknowable(c);
    let mut f = Failures::default();
    for (p, summaries) in summaries.iter().enumerate() {
        // Group the combinations by their answers to the other questions.
        let mut groups: std::collections::BTreeMap<Vec<Answer>, Vec<usize>> =
            std::collections::BTreeMap::new();
        space.for_each(|i, _, values| {
            let mut key = values.to_vec();
            for &q in &questions {
                key[q] = Answer::Unknown;
            }
            groups.entry(key).or_default().push(i);
        });
        for (open, members) in &groups {
            let unknown = engine::summarise(c, p, open);
            for &i in members {
                let ok = at_least_as_strict(c, p, &unknown, &summaries[i]);
                f.check("every answer unknown weaker than a completion", ok, || {
                    format!(
                        "[{}] is weaker than [{}], one completion of {}",
                        summary_line(c, &unknown),
                        summary_line(c, &summaries[i]),
                        describe(c, p, open)
                    )
                });
            }
        }
    }
    f.assert_none();
}

#[test]
fn a_more_sensitive_answer_is_never_more_permissive() {
    let c = content();
    let (space, summaries) = table();
    // (question, less sensitive value, more sensitive value)
    let mut edges: Vec<(usize, Answer, Answer)> = Vec::new();
    for id in ["security_classified", "secrecy"] {
        let q = question(c, id);
        edges.push((q, Answer::Bool(false), Answer::Bool(true)));
    }
    let class = question(c, "information_class");
    let level = |l: &str| choice(c, "information_class", l);
    for (a, b) in [("1", "2"), ("2", "3"), ("3", "4")] {
        edges.push((class, level(a), level(b)));
    }
    // Not stated is derived as 2 or 3: above a stated 1, below a stated 3.
    edges.push((class, level("1"), Answer::Unanswered));
    edges.push((class, Answer::Unanswered, level("3")));
    // One more category of sensitive personal data, among the sets the
    // space holds (the collapse test covers the sets it leaves out).
    let sensitive = question(c, "sensitive_data");
    for &a in &space.space.values[sensitive] {
        for &b in &space.space.values[sensitive] {
            if let (Answer::Set(x), Answer::Set(y)) = (a, b)
                && x & !y == 0
                && (y & !x).count_ones() == 1
            {
                edges.push((sensitive, a, b));
            }
        }
    }
    let positions: Vec<(usize, usize, usize)> = edges
        .iter()
        .map(|&(q, a, b)| {
            let pa = space
                .position(q, a)
                .expect("the less sensitive value is in the space");
            let pb = space
                .position(q, b)
                .expect("the more sensitive value is in the space");
            (q, pa, pb)
        })
        .collect();
    assert!(positions.len() >= 8, "edges checked: {}", positions.len());
    let mut f = Failures::default();
    for (p, summaries) in summaries.iter().enumerate() {
        space.for_each(|i, digits, values| {
            for &(q, from, to) in &positions {
                if digits[q] != from {
                    continue;
                }
                let j = i - from * space.strides[q] + to * space.strides[q];
                let (less, more) = (&summaries[i], &summaries[j]);
                f.check(
                    "a more sensitive answer more permissive",
                    at_least_as_strict(c, p, more, less),
                    || {
                        format!(
                            "{}: {} gives [{}] but the more sensitive {} gives [{}]: {}",
                            c.questions[q].id,
                            c.questions[q].answer_id(space.space.values[q][from]),
                            summary_line(c, less),
                            c.questions[q].answer_id(space.space.values[q][to]),
                            summary_line(c, more),
                            describe(c, p, values)
                        )
                    },
                );
            }
        });
    }
    f.assert_none();
}

#[test]
fn the_space_collapses_exactly_the_options_no_condition_names() {
    let c = content();
    let space = motesguide::engine::space::Space::of(c);
    let named = motesguide::engine::space::named_options(c);
    for (q, collapsed) in collapsed_options(c) {
        let question = &c.questions[q];
        let all = (1u64 << question.options.len()) - 1;
        let rep = collapsed & collapsed.wrapping_neg();
        let mut expected: Vec<Answer> = Vec::new();
        for s in std::iter::once(0).chain(nonempty_subsets(named[q] & all)) {
            expected.push(Answer::Set(s));
            if rep != 0 {
                expected.push(Answer::Set(s | rep));
            }
        }
        let mut got = space.values[q].clone();
        expected.sort();
        got.sort();
        assert_eq!(
            got, expected,
            "the values of `{}` in the space",
            question.id
        );
    }
    // Today no condition names a single category of sensitive data: the
    // seven stand for one another, as the Motala document treats them.
    let sensitive = question(c, "sensitive_data");
    assert_eq!(
        collapsed_options(c),
        vec![(sensitive, 0b111_1111)],
        "the collapsed options"
    );
}

#[test]
fn every_collapsed_option_set_decides_like_the_representative() {
    let c = content();
    let (space, _) = table();
    let collapsed: Vec<(usize, u64)> = collapsed_options(c)
        .into_iter()
        .filter(|(_, bits)| *bits != 0)
        .collect();
    assert!(!collapsed.is_empty(), "the space collapses some options");
    let unknowable = unknowable(c);
    // A spread of the space: every 53rd combination (53 is prime, so the
    // sample walks through every question's values), and for every other
    // one of those the same with one answer unknown.
    let mut sample: Vec<(usize, Vec<Answer>)> = Vec::new();
    for p in 0..c.profiles.len() {
        let mut n = 0usize;
        space.for_each(|i, _, values| {
            if i % 53 != 0 {
                return;
            }
            n += 1;
            sample.push((p, values.to_vec()));
            if n.is_multiple_of(2) {
                let mut open = values.to_vec();
                open[unknowable[n / 2 % unknowable.len()]] = Answer::Unknown;
                sample.push((p, open));
            }
        });
    }
    let mut f = Failures::default();
    let mut compared = 0usize;
    for (p, values) in &sample {
        for &(q, bits) in &collapsed {
            let Answer::Set(set) = values[q] else {
                continue;
            };
            let rep = bits & bits.wrapping_neg();
            if set & rep == 0 {
                continue;
            }
            let named = set & !bits;
            let base = evaluate(c, *p, values);
            for t in nonempty_subsets(bits) {
                let mut other = values.clone();
                other[q] = Answer::Set(named | t);
                let rec = evaluate(c, *p, &other);
                compared += 1;
                f.check(
                    "a collapsed option set decides unlike the representative",
                    rec == base,
                    || {
                        format!(
                            "{} = {} decides [{}] unlike the representative's [{}]: {}",
                            c.questions[q].id,
                            c.questions[q].answer_id(Answer::Set(named | t)),
                            summary_line(c, &rec.summary()),
                            summary_line(c, &base.summary()),
                            describe(c, *p, values)
                        )
                    },
                );
            }
        }
    }
    assert!(compared > 50_000, "only {compared} sets compared");
    f.assert_none();
}

/// The declared invariants (`content/invariants.yaml`) with a "vet ej"
/// answer: `validate` proves them over the concrete answers; with "vet ej"
/// the engine decides strictly (the strictest of the completions), so a
/// strictness requirement (no digital meeting, platforms excluded or within
/// a list, a class at least, a refused recording) holds wherever the
/// condition may hold, and a required item or warning wherever it surely
/// does. Checked here on every combination with one "vet ej" answer.
#[test]
fn declared_invariants_hold_with_a_vet_ej_answer_too() {
    use motesguide::content::condition::Truth;
    use motesguide::engine::space::Space;
    let c = content();
    assert!(
        !c.invariants.is_empty(),
        "the built-in content declares its invariants"
    );
    let space = Space::of(c);
    let unknowable: Vec<usize> = (0..c.questions.len())
        .filter(|&q| c.questions[q].unknown)
        .collect();
    let mut f = Failures::default();
    let mut checked = 0usize;
    let mut n = 0usize;
    space.for_each(|combo| {
        n += 1;
        if !n.is_multiple_of(5) {
            return;
        }
        for &q in &unknowable {
            let mut v = combo.to_vec();
            v[q] = Answer::Unknown;
            for profile in 0..c.profiles.len() {
                let mut full: Option<Recommendation> = None;
                for inv in c.invariants.iter().filter(|i| i.applies_to(profile)) {
                    let truth = inv.when.truth(&v);
                    if truth == Truth::No {
                        continue;
                    }
                    checked += 1;
                    let s = engine::summarise(c, profile, &v);
                    let shown = || format!("`{}` profile {profile} {v:?}", inv.id);
                    if inv.digital_meeting_allowed == Some(false) {
                        f.check("digital meeting allowed", !s.digital_allowed, shown);
                    }
                    f.check(
                        "excluded platform permitted",
                        s.platforms
                            .iter()
                            .all(|p| !inv.platforms_exclude.contains(p)),
                        shown,
                    );
                    if let Some(within) = &inv.platforms_within {
                        f.check(
                            "platform outside the list",
                            s.platforms.iter().all(|p| within.contains(p)),
                            shown,
                        );
                    }
                    if let Some(k) = inv.class_at_least {
                        f.check("class too low", s.class >= k, shown);
                    }
                    if inv.recording_allowed == Some(false) {
                        f.check(
                            "recording allowed",
                            s.recording_allowed != Some(true),
                            shown,
                        );
                    }
                    if inv.needs_items() && truth == Truth::Yes {
                        let r = full.get_or_insert_with(|| {
                            engine::evaluate(
                                c,
                                profile,
                                &Answers {
                                    profile: Some(profile),
                                    values: v.clone(),
                                },
                            )
                        });
                        let has = |l: &[Entry], i: usize| l.iter().any(|e| e.index == i);
                        let ok = inv.organiser_includes.iter().all(|&i| has(&r.organiser, i))
                            && inv
                                .participants_includes
                                .iter()
                                .all(|&i| has(&r.participants, i))
                            && inv.warnings_include.iter().all(|&i| has(&r.warnings, i));
                        f.check("required item or warning missing", ok, shown);
                    }
                }
            }
        }
    });
    assert!(checked > 10_000, "{checked} checks");
    f.assert_none();
}
