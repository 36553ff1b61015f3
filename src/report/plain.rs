//! The text output: what a helpdesk person reads aloud, top to bottom,
//! verdicts first.

use std::fmt::Write;

use crate::i18n::ui;
use crate::report::{Cited, Report};

pub fn to_text(r: &Report) -> String {
    let ui = ui(r.lang);
    let mut s = String::new();
    if let Some(h) = &r.hypothetical {
        let _ = writeln!(s, "{} {h}", ui.hypothetical);
    }
    if let Some(e) = r.early_line() {
        let _ = writeln!(s, "{e}");
    }
    let _ = writeln!(s, "{}", ui.title);
    let _ = writeln!(s, "{}: {}", ui.profile, r.profile_name);
    let _ = writeln!(
        s,
        "{}",
        r.code_line(|c| c.trim_start_matches("motesguide ").to_owned())
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", r.platform_line());
    let _ = writeln!(s, "{}: {}", ui.information_class, r.class);
    for (names, reasons) in r.excluded_groups() {
        let _ = writeln!(s, "{} {}", ui.ruled_out_prefix(), names.join(", "));
        for reason in reasons {
            let _ = writeln!(s, "  {} {reason}", ui.because_prefix());
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}", r.recording_line());
    if r.recording_planned && !r.recording_reason.is_empty() {
        let _ = writeln!(s, "  {}", r.recording_reason);
    }
    if let Some(t) = &r.retention {
        let _ = writeln!(s, "  {}: {t}", ui.retention);
    } else if r.recording_allowed == Some(true) {
        let _ = writeln!(s, "  {}: {}", ui.retention, ui.no_retention_rule);
    }
    if r.recording_planned {
        for src in &r.recording_sources {
            let _ = writeln!(s, "  {}: {src}", ui.source);
        }
    }
    if !r.open.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}:", ui.open_answers);
        let _ = writeln!(s, "  {}", ui.open_answers_intro);
        for o in &r.open {
            for x in &o.outcomes {
                let _ = writeln!(s, "  - {}: {} → {}", o.question, x.answer, x.summary);
            }
        }
    }
    if !r.unused.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}:", ui.unused_answers);
        for u in &r.unused {
            let _ = writeln!(s, "  - {}: {} – {}", u.question, u.answer, u.reason);
        }
    }
    let none = Default::default();
    list(&mut s, r, ui.warnings, &r.warnings, "!", &none);
    list(
        &mut s,
        r,
        ui.organiser_checklist,
        &r.organiser,
        "",
        &r.ticked[1],
    );
    list(
        &mut s,
        r,
        ui.participant_checklist,
        &r.participants,
        "",
        &r.ticked[0],
    );
    list(&mut s, r, ui.tips, &r.tips, "-", &none);
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", ui.why);
    for c in &r.explanation {
        let _ = writeln!(s, "  - {}{}", c.text, c.note(r.lang));
        let _ = writeln!(s, "    {}: {}", ui.source, c.source);
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", ui.answers);
    for line in r.answer_lines() {
        let _ = writeln!(s, "  - {line}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{}:", ui.documents);
    for d in &r.documents {
        let _ = writeln!(s, "  - {d}");
    }
    if let Some(d) = &r.date {
        let _ = writeln!(s, "{}: {d}", ui.date);
    }
    let _ = writeln!(s, "{}: {}", ui.content_version, r.content_version);
    s
}

/// One list of the text; a checklist with ticks (the wizard's printout)
/// shows every item's box, `[x]` ticked.
fn list(
    s: &mut String,
    r: &Report,
    heading: &str,
    items: &[Cited],
    marker: &str,
    ticked: &std::collections::BTreeSet<String>,
) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "{heading}:");
    let boxes = items.iter().any(|c| ticked.contains(&c.id));
    for (n, c) in items.iter().enumerate() {
        let mut label = if marker.is_empty() {
            format!("{}.", n + 1)
        } else {
            marker.to_owned()
        };
        if boxes {
            let tick = if ticked.contains(&c.id) { "[x]" } else { "[ ]" };
            label = format!("{tick} {label}");
        }
        let _ = writeln!(s, "  {label} {}{}", c.text, c.note(r.lang));
        // Under the item's text, where its wrapped rows hang too.
        let under = " ".repeat(2 + label.chars().count() + 1);
        let _ = writeln!(s, "{under}({})", c.source);
    }
}
