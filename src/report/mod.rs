//! A recommendation in words: resolved once into [`Report`], then written
//! as text (read aloud), Markdown (pasted into an invitation) or JSON (the
//! machine contract).

pub mod compare;
pub mod describe;
mod json;
pub mod markdown;
mod plain;

use crate::content::Content;
use crate::engine::{Answers, Cases, Entry, Recommendation};
use crate::i18n::ui;
use crate::text::Lang;

pub use json::{json_string, to_json, to_json_value};
pub use markdown::to_markdown;
pub use plain::to_text;

/// The output formats of `--answers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

/// One cited line: a checklist item, warning or explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub id: String,
    pub text: String,
    /// Every source, cited in full, joined with "; ".
    pub source: String,
    /// False for a line that holds only for some values of an unknown
    /// answer; `condition` then says for which.
    pub certain: bool,
    /// "Sekretess: Ja" – the unknown answers' values for which it holds.
    pub condition: Option<String>,
}

impl Cited {
    /// The note a view puts after an uncertain line: "(gäller om …)".
    pub fn note(&self, lang: Lang) -> String {
        note(self.certain, self.condition.as_deref(), lang)
    }
}

/// "(gäller om Sekretess: Ja)" after a line that does not hold for every
/// value of the unknown answers; nothing after one that does.
fn note(certain: bool, condition: Option<&str>, lang: Lang) -> String {
    match (certain, condition) {
        (true, _) => String::new(),
        (false, Some(c)) => format!(" ({} {c})", ui(lang).applies_if),
        (false, None) => format!(" ({})", ui(lang).assumed),
    }
}

/// An answer the flow does not ask for these answers, so not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedAnswer {
    pub question_id: String,
    pub question: String,
    pub answer_id: String,
    pub answer: String,
    /// The answer used instead.
    pub used_id: String,
    /// Why: "the question is asked only when …", or what contradicts it.
    pub reason: String,
    /// True when another answer contradicts it (an implication).
    pub contradicted: bool,
}

/// A platform the profile has but this meeting may not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub id: String,
    pub name: String,
    pub reasons: Vec<String>,
    /// The rule behind each reason (ids).
    pub rules: Vec<String>,
}

/// An unknown answer that matters: for each real value, what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub question_id: String,
    pub question: String,
    pub outcomes: Vec<OpenOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOutcome {
    pub answer_id: String,
    pub answer: String,
    pub class: u8,
    pub digital_allowed: bool,
    pub platform_ids: Vec<String>,
    pub summary: String,
}

/// Everything a view shows, in one language, with sources cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub lang: Lang,
    pub profile_id: String,
    pub profile_name: String,
    pub documents: Vec<String>,
    pub class: u8,
    pub class_name: String,
    pub digital_allowed: bool,
    pub platform_ids: Vec<String>,
    pub platform_names: Vec<String>,
    pub excluded: Vec<Excluded>,
    pub recording_planned: bool,
    pub recording_allowed: Option<bool>,
    pub recording_reason: String,
    pub recording_sources: Vec<String>,
    /// The rules behind the recording verdict (ids), in the order of its
    /// reasons and sources.
    pub recording_rules: Vec<String>,
    pub retention: Option<String>,
    pub organiser: Vec<Cited>,
    pub participants: Vec<Cited>,
    /// Advice, shown apart from the duties.
    pub tips: Vec<Cited>,
    pub warnings: Vec<Cited>,
    pub explanation: Vec<Cited>,
    pub open: Vec<Open>,
    pub unused: Vec<UnusedAnswer>,
    /// (question id, step name, answer id, answer label), in content order.
    pub answers: Vec<(String, String, String, String)>,
    /// The questions asked for these answers (ids), for the list of
    /// answers an export carries.
    pub asked: Vec<String>,
    /// The answer code that reopens these answers (`--code`).
    pub code: String,
    pub content_version: String,
    /// The day the result was made, where the face knows it (exports);
    /// `None` keeps the report a pure function of its inputs.
    pub date: Option<String>,
    /// Ticked checklist item ids: participants', organiser's.
    pub ticked: [std::collections::BTreeSet<String>; 2],
    /// Set when the result is a trial (compare, what-if), not the
    /// meeting's own: what was changed, in words.
    pub hypothetical: Option<String>,
    /// Questions the person has not answered yet (ids): only a result
    /// shown early, when the answers so far already decide it, has them.
    pub unanswered: Vec<String>,
}

impl Report {
    /// Resolves `rec` for `answers` into words in `lang`.
    pub fn new(content: &Content, answers: &Answers, rec: &Recommendation, lang: Lang) -> Report {
        let cite = |s: &[crate::content::Source]| content.cite_all(s, lang);
        let rule = |i: usize| &content.rules[i];
        let profile = &content.profiles[rec.profile];
        let platform_names = |ids: &[usize]| -> Vec<String> {
            ids.iter()
                .map(|&p| content.platforms[p].name.clone())
                .collect()
        };
        let condition = |certain: bool, cases: &Cases| {
            (!certain && !cases.is_empty()).then(|| describe::cases(content, cases, lang))
        };
        let cited = |entries: &[Entry], table: &[crate::content::Item]| -> Vec<Cited> {
            entries
                .iter()
                .map(|e| {
                    let it = &table[e.index];
                    Cited {
                        id: it.id.clone(),
                        text: it.text.get(lang).to_owned(),
                        source: cite(&it.sources),
                        certain: e.certain,
                        condition: condition(e.certain, &e.cases),
                    }
                })
                .collect()
        };
        let class_name = content
            .classes
            .iter()
            .find(|c| c.level == rec.class)
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_else(|| rec.class.to_string());
        let recording_reason = rec
            .recording
            .because
            .iter()
            .map(|&i| rule(i).explain.get(lang))
            .collect::<Vec<_>>()
            .join(" ");
        let retention = if rec.recording.retention.is_empty() {
            None
        } else {
            Some(
                rec.recording
                    .retention
                    .iter()
                    .map(|t| t.get(lang))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        };
        let open = rec
            .open
            .iter()
            .map(|o| {
                let q = &content.questions[o.question];
                Open {
                    question_id: q.id.clone(),
                    question: q.step.get(lang).to_owned(),
                    outcomes: o
                        .outcomes
                        .iter()
                        .map(|(a, s)| OpenOutcome {
                            answer_id: q.answer_id(*a),
                            answer: q.answer_label(*a, lang),
                            class: s.class,
                            digital_allowed: s.digital_allowed,
                            platform_ids: s
                                .platforms
                                .iter()
                                .map(|&p| content.platforms[p].id.clone())
                                .collect(),
                            summary: summary_words(content, s, lang),
                        })
                        .collect(),
                }
            })
            .collect();
        Report {
            lang,
            profile_id: profile.id.clone(),
            profile_name: profile.name.get(lang).to_owned(),
            documents: content.profile_documents(rec.profile, lang),
            class: rec.class,
            class_name,
            digital_allowed: rec.digital_allowed,
            platform_ids: rec
                .platforms
                .iter()
                .map(|&p| content.platforms[p].id.clone())
                .collect(),
            platform_names: platform_names(&rec.platforms),
            excluded: rec
                .ruled_out
                .iter()
                .map(|r| Excluded {
                    id: content.platforms[r.platform].id.clone(),
                    name: content.platforms[r.platform].name.clone(),
                    reasons: r
                        .because
                        .iter()
                        .map(|&i| {
                            let text = rule(i).explain.get(lang);
                            match rec.fired.iter().find(|f| f.rule == i) {
                                Some(f) => {
                                    let when = condition(f.certain, &f.cases);
                                    format!("{text}{}", note(f.certain, when.as_deref(), lang))
                                }
                                None => text.to_owned(),
                            }
                        })
                        .collect(),
                    rules: r.because.iter().map(|&i| rule(i).id.clone()).collect(),
                })
                .collect(),
            recording_planned: rec.recording.planned,
            recording_allowed: rec.recording.allowed,
            recording_reason,
            recording_rules: rec
                .recording
                .because
                .iter()
                .map(|&i| rule(i).id.clone())
                .collect(),
            recording_sources: rec
                .recording
                .because
                .iter()
                .map(|&i| cite(&rule(i).sources))
                .collect(),
            retention,
            organiser: cited(&rec.organiser, &content.items),
            participants: cited(&rec.participants, &content.items),
            tips: cited(&rec.tips, &content.items),
            warnings: cited(&rec.warnings, &content.warnings),
            explanation: rec
                .fired
                .iter()
                .map(|f| {
                    let r = rule(f.rule);
                    Cited {
                        id: r.id.clone(),
                        text: r.explain.get(lang).to_owned(),
                        source: cite(&r.sources),
                        certain: f.certain,
                        condition: condition(f.certain, &f.cases),
                    }
                })
                .collect(),
            open,
            unused: rec
                .unused
                .iter()
                .map(|u| {
                    let q = &content.questions[u.question];
                    let reason = match u.implied {
                        Some(i) => format!(
                            "{} ({}); {} {}",
                            q.implied[i].because.get(lang),
                            content.cite_all(&q.implied[i].sources, lang),
                            ui(lang).implied_effect,
                            crate::i18n::quoted(&q.answer_label(u.used, lang), lang)
                        ),
                        None => {
                            let when = q
                                .ask_when
                                .as_ref()
                                .map(|c| describe::condition(content, c, lang))
                                .unwrap_or_default();
                            format!(
                                "{} {when}; {}",
                                ui(lang).asked_only_when,
                                ui(lang).unused_effect
                            )
                        }
                    };
                    UnusedAnswer {
                        question_id: q.id.clone(),
                        question: q.step.get(lang).to_owned(),
                        answer_id: q.answer_id(u.given),
                        answer: q.answer_label(u.given, lang),
                        used_id: q.answer_id(u.used),
                        reason,
                        contradicted: u.implied.is_some(),
                    }
                })
                .collect(),
            asked: crate::engine::flow::asked(content, &effective(answers, rec))
                .into_iter()
                .map(|q| content.questions[q].id.clone())
                .collect(),
            code: crate::engine::code::encode(content, &codable(content, answers), rec.profile),
            content_version: content.version.clone(),
            date: None,
            ticked: Default::default(),
            hypothetical: None,
            unanswered: Vec::new(),
            answers: content
                .questions
                .iter()
                .zip(&answers.values)
                .enumerate()
                .map(|(i, (q, a))| {
                    // An answer set aside reads as the one the engine used.
                    let a = rec
                        .unused
                        .iter()
                        .find(|u| u.question == i)
                        .map_or(a, |u| &u.used);
                    (
                        q.id.clone(),
                        q.step.get(lang).to_owned(),
                        q.answer_id(*a),
                        q.answer_label(*a, lang),
                    )
                })
                .collect(),
        }
    }

    /// The platform verdict in one line: what a person hears first.
    pub fn platform_line(&self) -> String {
        let ui = ui(self.lang);
        if self.digital_allowed {
            format!(
                "{}: {}",
                ui.digital_allowed_on,
                join_or(&self.platform_names, self.lang)
            )
        } else {
            ui.no_digital_meeting.to_owned()
        }
    }

    /// Ruled-out platforms grouped by identical reasons, so "Teams, Zoom –
    /// because …" reads as one line instead of two.
    pub fn excluded_groups(&self) -> Vec<(Vec<String>, Vec<String>)> {
        let mut groups: Vec<(Vec<String>, Vec<String>)> = Vec::new();
        for e in &self.excluded {
            match groups.iter_mut().find(|(_, reasons)| *reasons == e.reasons) {
                Some((names, _)) => names.push(e.name.clone()),
                None => groups.push((vec![e.name.clone()], e.reasons.clone())),
            }
        }
        groups
    }

    /// The asked questions and their answers: "Mötestyp: Vanligt möte".
    pub fn answer_lines(&self) -> Vec<String> {
        self.answers
            .iter()
            .filter(|(id, ..)| self.asked.contains(id))
            .map(|(_, step, _, label)| format!("{step}: {label}"))
            .collect()
    }

    /// Marks questions as not answered: their answer lines say so. The
    /// answers given for them must be "vet ej" or the question's default
    /// (the engine decided with every value they can take).
    pub fn mark_unanswered(&mut self, ids: Vec<String>) {
        let label = ui(self.lang).not_answered;
        for (id, _, _, answer) in &mut self.answers {
            if ids.contains(id) {
                label.clone_into(answer);
            }
        }
        // Not a "vet ej" the person gave: no "you answered 'vet ej'" part.
        self.open.retain(|o| !ids.contains(&o.question_id));
        if !ids.is_empty() {
            // What holds only for some answers not yet given is left for
            // when they are given: an early result states what is decided.
            self.organiser.retain(|c| c.certain);
            self.participants.retain(|c| c.certain);
            self.tips.retain(|c| c.certain);
            self.warnings.retain(|c| c.certain);
            self.explanation.retain(|c| c.certain);
            let certain: Vec<&str> = self.explanation.iter().map(|c| c.id.as_str()).collect();
            let is_certain = |id: &String| certain.contains(&id.as_str());
            for e in &mut self.excluded {
                if e.rules.iter().any(is_certain) {
                    (e.rules, e.reasons) = keep_certain(&e.rules, &e.reasons, is_certain);
                }
            }
            (self.recording_rules, self.recording_sources) =
                keep_certain(&self.recording_rules, &self.recording_sources, is_certain);
            self.recording_reason = self
                .explanation
                .iter()
                .filter(|c| self.recording_rules.contains(&c.id))
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        }
        self.unanswered = ids;
    }

    /// The first line of an early result: what decided it and which
    /// questions are still open, by their step names.
    pub fn early_line(&self) -> Option<String> {
        if self.unanswered.is_empty() {
            return None;
        }
        let steps: Vec<&str> = self
            .answers
            .iter()
            .filter(|(id, ..)| self.unanswered.contains(id))
            .map(|(_, step, ..)| step.as_str())
            .collect();
        Some(format!("{} {}", ui(self.lang).early, steps.join(", ")))
    }

    /// The early result's mark in one short line, with the number of
    /// questions left open.
    pub fn early_short(&self) -> Option<String> {
        (!self.unanswered.is_empty()).then(|| {
            ui(self.lang)
                .early_short
                .replace("{n}", &self.unanswered.len().to_string())
        })
    }

    /// "Svarskod: X (öppnar samma svar med --code X)", or while questions
    /// are unanswered, that a code comes once they are: a code cannot hold
    /// an answer nobody gave. `code` wraps the code as the format quotes it.
    pub fn code_line(&self, code: impl Fn(&str) -> String) -> String {
        let ui = ui(self.lang);
        if self.unanswered.is_empty() {
            format!(
                "{}: {} ({} {})",
                ui.answer_code,
                self.code,
                ui.reopens,
                code(&format!("motesguide --code {}", self.code))
            )
        } else {
            format!("{}: – ({})", ui.answer_code, ui.no_code_yet)
        }
    }

    /// The recording verdict in one line.
    pub fn recording_line(&self) -> String {
        let ui = ui(self.lang);
        match self.recording_allowed {
            None => ui.recording_not_planned.to_owned(),
            Some(true) => ui.recording_allowed.to_owned(),
            Some(false) => ui.recording_forbidden.to_owned(),
        }
    }
}

/// The rules (and what each gave, in the same order) whose rule is certain.
fn keep_certain(
    rules: &[String],
    given: &[String],
    is_certain: impl Fn(&String) -> bool,
) -> (Vec<String>, Vec<String>) {
    rules
        .iter()
        .zip(given)
        .filter(|(r, _)| is_certain(r))
        .map(|(r, g)| (r.clone(), g.clone()))
        .unzip()
}

/// The answers as a code can hold them: an open question of an early
/// result that has no "vet ej" is coded as its default.
fn codable(content: &Content, answers: &Answers) -> Answers {
    let mut out = answers.clone();
    for (q, a) in out.values.iter_mut().enumerate() {
        let question = &content.questions[q];
        if *a == crate::content::Answer::Unknown
            && (!question.unknown || question.kind == crate::content::QuestionKind::Multi)
        {
            *a = question.default;
        }
    }
    out
}

/// The answers as the engine used them (set-aside answers replaced).
fn effective(answers: &Answers, rec: &Recommendation) -> Vec<crate::content::Answer> {
    let mut values = answers.values.clone();
    for u in &rec.unused {
        values[u.question] = u.used;
    }
    values
}

/// "A, B eller C" / "A, B or C".
pub fn join_or(names: &[String], lang: Lang) -> String {
    let or = match lang {
        Lang::Sv => "eller",
        Lang::En => "or",
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {or} {last}", rest.join(", ")),
    }
}

/// A decision summary in words, for what-ifs and open answers.
pub fn summary_words(content: &Content, s: &crate::engine::Summary, lang: Lang) -> String {
    let ui = ui(lang);
    let platforms = if s.digital_allowed {
        let names: Vec<String> = s
            .platforms
            .iter()
            .map(|&p| content.platforms[p].name.clone())
            .collect();
        join_or(&names, lang)
    } else {
        ui.no_digital_meeting
            .split(" – ")
            .next()
            .unwrap_or(ui.no_digital_meeting)
            .to_owned()
    };
    let recording = match s.recording_allowed {
        None => String::new(),
        Some(true) => format!("; {}", ui.recording_allowed.to_lowercase()),
        Some(false) => format!("; {}", ui.recording_forbidden.to_lowercase()),
    };
    format!("{} {}: {platforms}{recording}", ui.class_word, s.class)
}
