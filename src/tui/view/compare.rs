//! The result's last two sections: the same answers under every profile,
//! and the single changed answers that would change the decision. Each
//! entry can be chosen to show the result it leads to.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::i18n::ui;
use crate::report::compare::{profile_lines, what_if_lines};
use crate::report::summary_words;
use crate::tui::app::{App, ResultView};
use crate::tui::doc::Doc;
use crate::tui::view::pick;

/// Every profile's decision for these answers, with its documents; "≠"
/// before a decision that differs from the profile in use.
pub fn compare(app: &App, view: &ResultView, d: &mut Doc) {
    let t = app.theme();
    let s = app.strings();
    let ui = ui(app.lang);
    let lines = profile_lines(app.content, &view.profiles, app.lang);
    let own = view.profiles.get(app.profile);
    d.text(ui.compare, t.heading);
    d.text(s.compare_intro, Style::new());
    let differs = view.profiles.windows(2).any(|w| w[0] != w[1]);
    d.text(
        if differs {
            ui.compare_differs
        } else {
            ui.compare_same
        },
        t.strong,
    );
    d.blank();
    let cursor = view.cursor[view.section];
    for (i, line) in lines.iter().enumerate() {
        let selected = i == cursor;
        let style = pick(app, selected);
        let name = if i == app.profile {
            format!("{} ({})", line.profile_name, s.in_use)
        } else {
            line.profile_name.clone()
        };
        let mark = if Some(&line.decision) == own {
            "  "
        } else {
            "≠ "
        };
        d.anchor(|d| {
            d.para(
                vec![
                    Span::styled(if selected { "▶ " } else { "  " }, style),
                    Span::styled(format!("{}. ", i + 1), style),
                ],
                &name,
                style,
            );
            d.para(
                vec![Span::raw("  "), Span::styled(mark, t.strong)],
                &capitalised(&line.summary),
                t.strong,
            );
            d.para(
                vec![Span::raw("    ")],
                &format!("{}:", ui.documents),
                Style::new(),
            );
            for doc in app.documents_of(i) {
                d.para(vec![Span::raw("    • ")], &doc, Style::new());
            }
        });
    }
}

/// The changes that would change the platform or the recording verdict,
/// after the decision now.
pub fn what_if(app: &App, view: &ResultView, d: &mut Doc) {
    let t = app.theme();
    let s = app.strings();
    let ui = ui(app.lang);
    let lines = what_if_lines(app.content, &view.changes, app.lang);
    d.text(ui.what_if, t.heading);
    if let Some(now) = view.profiles.get(app.profile) {
        d.lead(
            &format!("{}:", s.now),
            &summary_words(app.content, now, app.lang),
            t.strong,
            Style::new(),
        );
    }
    if lines.is_empty() {
        d.text(ui.what_if_none, Style::new());
        return;
    }
    d.text(ui.what_if_intro, Style::new());
    d.text(s.what_if_hint, Style::new());
    d.blank();
    let cursor = view.cursor[view.section];
    for (i, line) in lines.iter().enumerate() {
        let selected = i == cursor;
        let style = pick(app, selected);
        d.anchor(|d| {
            d.para(
                vec![
                    Span::styled(if selected { "▶ " } else { "  " }, style),
                    Span::styled(format!("{:>2}. ", i + 1), style),
                ],
                &format!("{}: {}", line.question, line.answers.join(" / ")),
                style,
            );
            d.para(
                vec![Span::raw("      "), Span::styled("→ ", t.strong)],
                &line.summary,
                t.strong,
            );
        });
    }
}

/// "klass 3: …" as the start of a line: "Klass 3: …".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
