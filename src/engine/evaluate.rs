//! Evaluation: every rule on concrete answers, then the strictest
//! combination over the values an unknown answer could have.

use crate::content::{Answer, Content, Verdict};
use crate::engine::answers::Answers;
use crate::engine::outcome::*;

/// Evaluates `answers` under `profile`: the whole recommendation.
///
/// Unknown answers are decided as strictly as the content allows: the engine
/// evaluates every real value they could have and keeps, field by field, the
/// strictest result (highest class, no digital meeting if any value forbids
/// it, recording forbidden if any value forbids it, every checklist item and
/// warning any value gives). It then names the unknown answers whose real
/// value would change the decision.
pub fn evaluate(content: &Content, profile: usize, answers: &Answers) -> Recommendation {
    let merged = merged(content, profile, &answers.values);
    let mut rec = finish(content, profile, &merged);
    rec.open = open_answers(content, profile, &answers.values);
    rec
}

/// The decision alone, without the explanation: cheaper, for what-ifs and
/// whole-space checks.
pub fn summarise(content: &Content, profile: usize, values: &[Answer]) -> Summary {
    let merged = merged(content, profile, values);
    let (class, digital, platforms) = platforms_of(content, profile, &merged);
    Summary {
        class,
        digital_allowed: digital,
        platforms,
        recording_allowed: recording_of(content, &merged).allowed,
    }
}

/// The rules' combined effects over one or more completions of the answers.
struct Merged {
    /// For each rule: in how many completions it fired.
    fired: Vec<u32>,
    completions: u32,
    class: Option<u8>,
    forbidden: bool,
    /// Per completion's strictest verdict, with the rules that gave it.
    verdict: Option<Verdict>,
    verdict_rules: Vec<usize>,
}

fn merged(content: &Content, profile: usize, values: &[Answer]) -> Merged {
    let mut m = Merged {
        fired: vec![0; content.rules.len()],
        completions: 0,
        class: None,
        forbidden: false,
        verdict: None,
        verdict_rules: Vec::new(),
    };
    let mut work = values.to_vec();
    complete(content, profile, &mut work, 0, &mut m);
    m
}

/// Walks every completion of the unknown answers from question `from` on.
fn complete(content: &Content, profile: usize, work: &mut [Answer], from: usize, m: &mut Merged) {
    if let Some(q) = (from..work.len()).find(|&q| work[q] == Answer::Unknown) {
        for v in content.questions[q].concrete_values() {
            work[q] = v;
            complete(content, profile, work, q + 1, m);
        }
        work[q] = Answer::Unknown;
        return;
    }
    m.completions += 1;
    let mut fired = Vec::new();
    for (i, rule) in content.rules.iter().enumerate() {
        if rule.applies_to(profile) && rule.when.holds(work) {
            m.fired[i] += 1;
            fired.push(i);
            if let Some(c) = rule.class_at_least {
                m.class = Some(m.class.map_or(c, |k| k.max(c)));
            }
            m.forbidden |= rule.forbid_digital;
        }
    }
    // The recording verdict of this completion: rules overridden by another
    // fired rule drop out; of the rest, the strictest verdict wins.
    let deciding: Vec<usize> = fired
        .iter()
        .copied()
        .filter(|&i| content.rules[i].recording.is_some())
        .filter(|&i| {
            !fired
                .iter()
                .any(|&j| content.rules[j].overrides.contains(&i))
        })
        .collect();
    let verdict = deciding
        .iter()
        .filter_map(|&i| content.rules[i].recording.as_ref().map(|r| r.verdict))
        .max()
        // No rule decides: the strict answer is that it may not be recorded.
        .unwrap_or(Verdict::Forbidden);
    let rules = deciding
        .into_iter()
        .filter(|&i| content.rules[i].recording.as_ref().map(|r| r.verdict) == Some(verdict));
    match m.verdict {
        Some(v) if v > verdict => {}
        Some(v) if v == verdict => {
            for r in rules {
                if !m.verdict_rules.contains(&r) {
                    m.verdict_rules.push(r);
                }
            }
        }
        _ => {
            m.verdict = Some(verdict);
            m.verdict_rules = rules.collect();
        }
    }
}

/// Class, digital allowed and platforms from the merged effects.
fn platforms_of(content: &Content, profile: usize, m: &Merged) -> (u8, bool, Vec<usize>) {
    // No rule set a class: decide as for the highest.
    let class = m.class.unwrap_or_else(|| content.highest_class());
    let excluded: Vec<usize> = fired(content, m)
        .flat_map(|(i, _)| content.rules[i].exclude_platforms.iter().copied())
        .collect();
    let platforms: Vec<usize> = match content.profiles[profile].grant_for(class) {
        Some(g) if !m.forbidden => (0..content.platforms.len())
            .filter(|p| g.allow.contains(p) && !excluded.contains(p))
            .collect(),
        _ => Vec::new(),
    };
    (class, !platforms.is_empty(), platforms)
}

fn recording_of(content: &Content, m: &Merged) -> RecordingOutcome {
    let live: Vec<usize> = fired(content, m).map(|(i, _)| i).collect();
    let mut because: Vec<usize> = m
        .verdict_rules
        .iter()
        .copied()
        .filter(|i| live.contains(i))
        .collect();
    because.sort_unstable();
    match m.verdict {
        Some(Verdict::NotPlanned) => RecordingOutcome {
            planned: false,
            allowed: None,
            because,
            retention: Vec::new(),
        },
        Some(Verdict::Allowed) => {
            let mut retention = Vec::new();
            for &r in &because {
                if let Some(t) = content.rules[r]
                    .recording
                    .as_ref()
                    .and_then(|x| x.retention.clone())
                    && !retention.contains(&t)
                {
                    retention.push(t);
                }
            }
            RecordingOutcome {
                planned: true,
                allowed: Some(true),
                because,
                retention,
            }
        }
        _ => RecordingOutcome {
            planned: true,
            allowed: Some(false),
            because,
            retention: Vec::new(),
        },
    }
}

/// The rules that fired in some completion and are not overridden by
/// another rule that fired in some completion, with whether they fired in
/// all. A stated precedence (`overrides`) holds across completions too: when
/// an unknown answer makes both a rule and its stricter replacement possible,
/// only the replacement speaks.
fn fired<'a>(content: &'a Content, m: &'a Merged) -> impl Iterator<Item = (usize, bool)> + 'a {
    let overridden: Vec<usize> = m
        .fired
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .flat_map(|(j, _)| content.rules[j].overrides.iter().copied())
        .collect();
    m.fired
        .iter()
        .enumerate()
        .filter(move |(i, n)| **n > 0 && !overridden.contains(i))
        .map(|(i, n)| (i, *n == m.completions))
}

fn finish(content: &Content, profile: usize, m: &Merged) -> Recommendation {
    let (class, digital_allowed, platforms) = platforms_of(content, profile, m);
    // Rules about the digital meeting itself do not apply to a meeting that
    // may not be held digitally.
    let fired: Vec<Fired> = fired(content, m)
        .filter(|(rule, _)| digital_allowed || !content.rules[*rule].digital_only)
        .map(|(rule, certain)| Fired { rule, certain })
        .collect();
    let mut organiser = Vec::new();
    let mut participants = Vec::new();
    let mut warnings = Vec::new();
    for f in &fired {
        let r = &content.rules[f.rule];
        extend_unique(&mut organiser, &r.organiser);
        extend_unique(&mut participants, &r.participants);
        extend_unique(&mut warnings, &r.warnings);
    }
    // Checklists and warnings follow content order, not rule order, so the
    // content author decides how they read.
    organiser.sort_unstable();
    participants.sort_unstable();
    warnings.sort_unstable();
    let profile_ref = &content.profiles[profile];
    let grant = profile_ref.grant_for(class);
    let excluded = |p: usize| {
        fired
            .iter()
            .any(|f| content.rules[f.rule].exclude_platforms.contains(&p))
    };
    // Ruled out: a platform too weak for the class, excluded by a rule, or
    // every platform when no digital meeting is allowed. A stronger platform
    // the profile simply does not name for this class is not forbidden, so
    // it is not listed as such.
    let ruled_out = profile_ref
        .platforms(content)
        .into_iter()
        .filter(|&p| !platforms.contains(&p))
        .filter(|&p| {
            !digital_allowed || excluded(p) || profile_ref.clearance(p).is_none_or(|c| c < class)
        })
        .map(|p| {
            let because = fired
                .iter()
                .map(|f| f.rule)
                .filter(|&i| {
                    let r = &content.rules[i];
                    (m.forbidden && r.forbid_digital)
                        || r.exclude_platforms.contains(&p)
                        || (!m.forbidden
                            && !grant.is_some_and(|g| g.allow.contains(&p))
                            && r.class_at_least == Some(class))
                })
                .collect();
            RuledOut {
                platform: p,
                because,
            }
        })
        .collect();
    Recommendation {
        profile,
        class,
        digital_allowed,
        platforms,
        ruled_out,
        recording: recording_of(content, m),
        organiser,
        participants,
        warnings,
        fired,
        open: Vec::new(),
    }
}

fn extend_unique(into: &mut Vec<usize>, from: &[usize]) {
    for x in from {
        if !into.contains(x) {
            into.push(*x);
        }
    }
}

/// For each unknown answer: the decision under each real value, kept when
/// those decisions differ.
fn open_answers(content: &Content, profile: usize, values: &[Answer]) -> Vec<OpenAnswer> {
    let mut open = Vec::new();
    for (q, a) in values.iter().enumerate() {
        if *a != Answer::Unknown {
            continue;
        }
        let mut work = values.to_vec();
        let outcomes: Vec<(Answer, Summary)> = content.questions[q]
            .concrete_values()
            .into_iter()
            .map(|v| {
                work[q] = v;
                (v, summarise(content, profile, &work))
            })
            .collect();
        if outcomes.windows(2).any(|w| w[0].1 != w[1].1) {
            open.push(OpenAnswer {
                question: q,
                outcomes,
            });
        }
    }
    open
}
