//! A recommendation in words: resolved once into [`Report`], then written
//! as text (read aloud), Markdown (pasted into an invitation) or JSON (the
//! machine contract).

pub mod compare;
mod json;
mod markdown;
mod plain;

use crate::content::{Content, Source};
use crate::engine::{Answers, Recommendation};
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
    pub source: String,
    /// False for a rule applied only because an answer is unknown.
    pub certain: bool,
}

/// A platform the profile has but this meeting may not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub id: String,
    pub name: String,
    pub reasons: Vec<String>,
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
    pub retention: Option<String>,
    pub organiser: Vec<Cited>,
    pub participants: Vec<Cited>,
    pub warnings: Vec<Cited>,
    pub explanation: Vec<Cited>,
    pub open: Vec<Open>,
    /// (question id, step name, answer id, answer label), in content order.
    pub answers: Vec<(String, String, String, String)>,
}

impl Report {
    /// Resolves `rec` for `answers` into words in `lang`.
    pub fn new(content: &Content, answers: &Answers, rec: &Recommendation, lang: Lang) -> Report {
        let cite = |s: Source| content.cite(s, lang);
        let rule = |i: usize| &content.rules[i];
        let profile = &content.profiles[rec.profile];
        let platform_names = |ids: &[usize]| -> Vec<String> {
            ids.iter()
                .map(|&p| content.platforms[p].name.clone())
                .collect()
        };
        // An item or warning is certain when a rule that fired for every
        // value of the unknown answers gives it; otherwise it is there only
        // to be on the safe side, and the views say so.
        let certain = |given: &dyn Fn(&crate::content::Rule) -> bool| {
            rec.fired.iter().any(|f| f.certain && given(rule(f.rule)))
        };
        let cited_items = |ids: &[usize], organiser: bool| -> Vec<Cited> {
            ids.iter()
                .map(|&i| {
                    let it = &content.items[i];
                    Cited {
                        id: it.id.clone(),
                        text: it.text.get(lang).to_owned(),
                        source: cite(it.source),
                        certain: certain(&|r| {
                            if organiser {
                                r.organiser.contains(&i)
                            } else {
                                r.participants.contains(&i)
                            }
                        }),
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
            documents: profile
                .documents
                .iter()
                .map(|&d| {
                    let doc = &content.documents[d];
                    let reference = doc
                        .reference
                        .as_ref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default();
                    format!("{}: {}{}", doc.issuer.get(lang), doc.title, reference)
                })
                .collect(),
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
                            let sure = rec.fired.iter().any(|f| f.rule == i && f.certain);
                            if sure {
                                text.to_owned()
                            } else {
                                format!("{text} ({})", ui(lang).assumed)
                            }
                        })
                        .collect(),
                })
                .collect(),
            recording_planned: rec.recording.planned,
            recording_allowed: rec.recording.allowed,
            recording_reason,
            recording_sources: rec
                .recording
                .because
                .iter()
                .map(|&i| cite(rule(i).source))
                .collect(),
            retention,
            organiser: cited_items(&rec.organiser, true),
            participants: cited_items(&rec.participants, false),
            warnings: rec
                .warnings
                .iter()
                .map(|&i| {
                    let w = &content.warnings[i];
                    Cited {
                        id: w.id.clone(),
                        text: w.text.get(lang).to_owned(),
                        source: cite(w.source),
                        certain: certain(&|r| r.warnings.contains(&i)),
                    }
                })
                .collect(),
            explanation: rec
                .fired
                .iter()
                .map(|f| {
                    let r = rule(f.rule);
                    Cited {
                        id: r.id.clone(),
                        text: r.explain.get(lang).to_owned(),
                        source: cite(r.source),
                        certain: f.certain,
                    }
                })
                .collect(),
            open,
            answers: content
                .questions
                .iter()
                .zip(&answers.values)
                .map(|(q, a)| {
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
