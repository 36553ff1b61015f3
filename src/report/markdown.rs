//! The Markdown output: what an organiser pastes into a meeting invitation.

use std::fmt::Write;

use crate::i18n::ui;
use crate::report::{Cited, Report};

pub fn to_markdown(r: &Report) -> String {
    let ui = ui(r.lang);
    let mut s = String::new();
    if let Some(h) = &r.hypothetical {
        let _ = writeln!(s, "> **{} {h}**\n", ui.hypothetical);
    }
    if let Some(e) = r.early_line() {
        let _ = writeln!(s, "> **{e}**\n");
    }
    let _ = writeln!(s, "# {}\n", ui.title);
    let line = r.code_line(|c| format!("`{c}`"));
    let (label, rest) = line.split_once(": ").unwrap_or((&line, ""));
    let _ = writeln!(s, "**{label}:** {rest}  ");
    let _ = writeln!(s, "**{}:** {}  ", ui.profile, r.profile_name);
    if let Some(d) = &r.date {
        let _ = writeln!(s, "**{}:** {d}  ", ui.date);
    }
    let _ = writeln!(s, "**{}:** {}  ", ui.content_version, r.content_version);
    let _ = writeln!(s, "**{}:** {}\n", ui.information_class, r.class);
    let _ = writeln!(s, "## {}\n", ui.platforms);
    let _ = writeln!(s, "**{}**\n", r.platform_line());
    for (names, reasons) in r.excluded_groups() {
        let why = if reasons.is_empty() {
            String::new()
        } else {
            format!(" – {}", reasons.join(" "))
        };
        let _ = writeln!(s, "- {} {}{}", ui.ruled_out_prefix(), names.join(", "), why);
    }
    if !r.excluded.is_empty() {
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", ui.recording);
    let _ = writeln!(s, "**{}**\n", r.recording_line());
    if r.recording_planned && !r.recording_reason.is_empty() {
        let _ = writeln!(s, "{}\n", r.recording_reason);
    }
    if let Some(t) = &r.retention {
        let _ = writeln!(s, "*{}:* {t}\n", ui.retention);
    }
    if r.recording_planned {
        for src in &r.recording_sources {
            let _ = writeln!(s, "*{}: {src}*  ", ui.source);
        }
        s.push('\n');
    }
    if !r.open.is_empty() {
        let _ = writeln!(s, "## {}\n", ui.open_answers);
        let _ = writeln!(s, "{}\n", ui.open_answers_intro);
        for o in &r.open {
            for x in &o.outcomes {
                let _ = writeln!(s, "- {}: {} → {}", o.question, x.answer, x.summary);
            }
        }
        s.push('\n');
    }
    if !r.unused.is_empty() {
        let _ = writeln!(s, "## {}\n", ui.unused_answers);
        for u in &r.unused {
            let _ = writeln!(s, "- {}: {} – {}", u.question, u.answer, u.reason);
        }
        s.push('\n');
    }
    section(&mut s, r, ui.warnings, &r.warnings, "- ⚠ ", None);
    section(
        &mut s,
        r,
        ui.participant_checklist,
        &r.participants,
        "",
        Some(0),
    );
    section(&mut s, r, ui.organiser_checklist, &r.organiser, "", Some(1));
    section(&mut s, r, ui.tips, &r.tips, "- ", None);
    let _ = writeln!(s, "## {}\n", ui.answers);
    for line in r.answer_lines() {
        let _ = writeln!(s, "- {line}");
    }
    s.push('\n');
    let _ = writeln!(s, "## {}\n", ui.why);
    for c in &r.explanation {
        let _ = writeln!(s, "{}", item(r, "- ", c));
    }
    let _ = writeln!(s, "\n## {}\n", ui.documents);
    for d in &r.documents {
        let _ = writeln!(s, "- {d}");
    }
    s
}

/// A list; `ticks` names the tick list of a checklist (`[x]`/`[ ]`).
fn section(
    s: &mut String,
    r: &Report,
    heading: &str,
    items: &[Cited],
    bullet: &str,
    ticks: Option<usize>,
) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "## {heading}\n");
    for c in items {
        let bullet = match ticks {
            Some(list) if r.ticked[list].contains(&c.id) => "- [x] ",
            Some(_) => "- [ ] ",
            None => bullet,
        };
        let _ = writeln!(s, "{}", item(r, bullet, c));
    }
    s.push('\n');
}

/// One cited entry as a list item: its text (with the "vet ej" cases where
/// it holds) and its source on the next line.
pub fn item(r: &Report, bullet: &str, c: &Cited) -> String {
    format!(
        "{bullet}{}{}  \n  *{}: {}*",
        c.text,
        c.note(r.lang),
        ui(r.lang).source,
        c.source
    )
}
