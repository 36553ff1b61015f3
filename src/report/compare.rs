//! Profiles side by side and "what if" changes, in words and as JSON.

use std::fmt::Write;

use serde_json::json;

use crate::content::{Answer, Content, Question, QuestionKind};
use crate::engine::Summary;
use crate::engine::whatif::WhatIf;
use crate::i18n::ui;
use crate::report::summary_words;
use crate::text::Lang;

/// One profile's decision for the same answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileLine {
    pub profile_id: String,
    pub profile_name: String,
    pub summary: String,
    pub decision: Summary,
    pub platform_ids: Vec<String>,
}

/// One what-if line: "Sekretess: Ja → klass 3: Sefos eller ProRenata".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIfLine {
    pub question_id: String,
    pub question: String,
    pub answer_ids: Vec<String>,
    pub answers: Vec<String>,
    pub summary: String,
    pub decision: Summary,
    pub platform_ids: Vec<String>,
}

impl WhatIfLine {
    /// The line as read aloud or shown in a list.
    pub fn sentence(&self) -> String {
        format!(
            "{}: {} → {}",
            self.question,
            self.answers.join(" / "),
            self.summary
        )
    }
}

pub fn profile_lines(content: &Content, summaries: &[Summary], lang: Lang) -> Vec<ProfileLine> {
    summaries
        .iter()
        .enumerate()
        .map(|(p, s)| ProfileLine {
            profile_id: content.profiles[p].id.clone(),
            profile_name: content.profiles[p].name.get(lang).to_owned(),
            summary: summary_words(content, s, lang),
            decision: s.clone(),
            platform_ids: platform_ids(content, s),
        })
        .collect()
}

pub fn what_if_lines(content: &Content, changes: &[WhatIf], lang: Lang) -> Vec<WhatIfLine> {
    changes
        .iter()
        .map(|w| {
            let q = &content.questions[w.question];
            WhatIfLine {
                question_id: q.id.clone(),
                question: q.step.get(lang).to_owned(),
                answer_ids: w.answers.iter().map(|a| q.answer_id(*a)).collect(),
                answers: change_labels(q, w, lang),
                summary: summary_words(content, &w.after, lang),
                decision: w.after.clone(),
                platform_ids: platform_ids(content, &w.after),
            }
        })
        .collect()
}

/// How the changed answers read. A multiple choice names the option added
/// (+) or removed (−); when every option would do the same, it says so
/// instead of listing them all.
fn change_labels(q: &Question, w: &WhatIf, lang: Lang) -> Vec<String> {
    let (QuestionKind::Multi, Answer::Set(from)) = (q.kind, w.from) else {
        return w.answers.iter().map(|a| q.answer_label(*a, lang)).collect();
    };
    let toggled: Vec<(bool, usize)> = w
        .answers
        .iter()
        .filter_map(|a| match a {
            Answer::Set(to) => {
                let bit = (to ^ from).trailing_zeros() as usize;
                Some((to & (1 << bit) != 0, bit))
            }
            _ => None,
        })
        .collect();
    let ui = ui(lang);
    if toggled.len() == q.options.len() && toggled.iter().all(|(added, _)| *added) {
        return vec![format!("+ {}", ui.any_option)];
    }
    toggled
        .into_iter()
        .map(|(added, i)| {
            format!(
                "{} {}",
                if added { "+" } else { "−" },
                q.options[i].label.get(lang)
            )
        })
        .collect()
}

fn platform_ids(content: &Content, s: &Summary) -> Vec<String> {
    s.platforms
        .iter()
        .map(|&p| content.platforms[p].id.clone())
        .collect()
}

fn differs(lines: &[ProfileLine]) -> bool {
    lines.windows(2).any(|w| w[0].decision != w[1].decision)
}

/// Text: a heading, one line per profile or change.
pub fn compare_text(lines: &[ProfileLine], lang: Lang) -> String {
    let ui = ui(lang);
    let mut s = format!("{}:\n", ui.compare);
    for l in lines {
        let _ = writeln!(s, "  {}: {}", l.profile_name, l.summary);
    }
    let _ = writeln!(
        s,
        "  {}",
        if differs(lines) {
            ui.compare_differs
        } else {
            ui.compare_same
        }
    );
    s
}

pub fn what_if_text(lines: &[WhatIfLine], lang: Lang) -> String {
    let ui = ui(lang);
    let mut s = format!("{}\n", ui.what_if);
    if lines.is_empty() {
        let _ = writeln!(s, "  {}", ui.what_if_none);
    } else {
        let _ = writeln!(s, "  {}", ui.what_if_intro);
        for l in lines {
            let _ = writeln!(s, "  - {}", l.sentence());
        }
    }
    s
}

pub fn compare_markdown(lines: &[ProfileLine], lang: Lang) -> String {
    let ui = ui(lang);
    let mut s = format!(
        "## {}\n\n| {} | {} |\n|---|---|\n",
        ui.compare, ui.profile, ui.platforms
    );
    for l in lines {
        let _ = writeln!(s, "| {} | {} |", l.profile_name, l.summary);
    }
    let _ = writeln!(
        s,
        "\n{}\n",
        if differs(lines) {
            ui.compare_differs
        } else {
            ui.compare_same
        }
    );
    s
}

pub fn what_if_markdown(lines: &[WhatIfLine], lang: Lang) -> String {
    let ui = ui(lang);
    let mut s = format!("## {}\n\n", ui.what_if);
    if lines.is_empty() {
        let _ = writeln!(s, "{}\n", ui.what_if_none);
    } else {
        let _ = writeln!(s, "{}\n", ui.what_if_intro);
        for l in lines {
            let _ = writeln!(s, "- {}", l.sentence());
        }
        s.push('\n');
    }
    s
}

pub fn compare_json(lines: &[ProfileLine]) -> serde_json::Value {
    json!({
        "differs": differs(lines),
        "profiles": lines.iter().map(|l| json!({
            "profile": l.profile_id,
            "information_class": l.decision.class,
            "digital_meeting_allowed": l.decision.digital_allowed,
            "platforms": l.platform_ids,
            "recording_allowed": l.decision.recording_allowed,
            "summary": l.summary,
        })).collect::<Vec<_>>(),
    })
}

pub fn what_if_json(lines: &[WhatIfLine]) -> serde_json::Value {
    json!(
        lines
            .iter()
            .map(|l| json!({
                "question": l.question_id,
                "answers": l.answer_ids,
                "information_class": l.decision.class,
                "digital_meeting_allowed": l.decision.digital_allowed,
                "platforms": l.platform_ids,
                "recording_allowed": l.decision.recording_allowed,
                "summary": l.summary,
            }))
            .collect::<Vec<_>>()
    )
}
