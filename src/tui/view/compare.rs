//! The result's last two sections: the same answers under every profile
//! (side by side where the window is wide enough), and the single changed
//! answers that would change the decision. Each entry can be chosen to
//! show the result it leads to.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ui;
use crate::report::compare::{ProfileLine, profile_lines, what_if_lines};
use crate::report::summary_words;
use crate::tui::app::{App, ResultView};
use crate::tui::doc::Doc;
use crate::tui::view::pick;

/// The narrowest column a profile gets side by side: its longest name,
/// with the highlight's marker, number and "(in use)" in the Swedish
/// words, on one line, and room for a document's name in two.
const MIN_COLUMN: usize = 46;
/// Between two columns: a space, a rule and a space.
const RULE: &str = " │ ";

/// Every profile's decision for these answers, with its documents; "≠"
/// before a decision that differs from the profile in use. Where the page
/// holds a column of [`MIN_COLUMN`] for each profile (for two, a window
/// of 98 columns, 99 in presentation mode), the profiles stand side by
/// side, as `--help` promises; otherwise one below the other.
pub fn compare(app: &App, view: &ResultView, d: &mut Doc) {
    let t = app.theme();
    let s = app.strings();
    let ui = ui(app.lang);
    let lines = profile_lines(app.content, &view.profiles, app.lang);
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
    let columns = lines.len();
    let rules = RULE.width() * columns.saturating_sub(1);
    if columns >= 2 && d.width >= columns * MIN_COLUMN + rules {
        side_by_side(app, view, &lines, d);
    } else {
        for (i, line) in lines.iter().enumerate() {
            d.anchor(|d| {
                label(app, view, i, line, d);
                decision(app, view, line, d);
                documents(app, i, d);
            });
        }
    }
}

/// One column a profile, row by row: the names, then what each changes
/// from the meeting's own result (blank for that result itself), then the
/// decisions, then the documents, each row as tall as its tallest cell so
/// the decisions stand level and can be read across.
fn side_by_side(app: &App, view: &ResultView, lines: &[ProfileLine], d: &mut Doc) {
    let n = lines.len();
    let room = d.width - RULE.width() * (n - 1);
    // The last column takes what does not divide evenly.
    let widths: Vec<usize> = (0..n)
        .map(|i| room / n + if i == n - 1 { room % n } else { 0 })
        .collect();
    let cells = |add: &dyn Fn(usize, &ProfileLine, &mut Doc)| -> Vec<Doc> {
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let mut cell = Doc::new(widths[i] as u16);
                add(i, line, &mut cell);
                cell
            })
            .collect()
    };
    // Rows side by side share their lines, and a click is read by its
    // line alone: each entry is marked where the columns begin but covers
    // no line, so a click there picks nothing rather than the wrong one.
    let top = d.height();
    for _ in lines {
        d.anchors.push(top..top);
    }
    let t = app.theme();
    let hypothetical = ui(app.lang).hypothetical;
    for row in [
        cells(&|i, line, c| label(app, view, i, line, c)),
        cells(&|i, _, c| {
            let changed = changes(app, i);
            if !changed.is_empty() {
                c.para(
                    vec![Span::raw("  "), Span::styled("⚠ ", t.warning)],
                    hypothetical,
                    t.warning,
                );
            }
            // One change a line, so no answer is parted from its question.
            for change in changed {
                c.para(vec![Span::raw("    ")], &change, t.warning);
            }
        }),
        cells(&|_, line, c| decision(app, view, line, c)),
        cells(&|i, _, c| documents(app, i, c)),
    ] {
        level(d, row, &widths, t.border);
    }
}

/// Appends `cells` side by side, each padded to its column's width, with
/// a rule between them, for as many lines as the tallest cell has.
fn level(d: &mut Doc, cells: Vec<Doc>, widths: &[usize], border: Style) {
    let height = cells.iter().map(Doc::height).max().unwrap_or(0);
    for y in 0..height {
        let mut spans = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(RULE, border));
            }
            let line = cell.lines.get(y).cloned().unwrap_or_default();
            let used = line.width();
            spans.extend(line.spans);
            if i + 1 < cells.len() {
                spans.push(Span::raw(" ".repeat(widths[i].saturating_sub(used))));
            }
        }
        d.line(Line::from(spans));
    }
}

/// "▶ 1. Standard (in use)": the entry's name, highlighted when chosen.
fn label(app: &App, view: &ResultView, i: usize, line: &ProfileLine, d: &mut Doc) {
    let selected = i == view.cursor[view.section];
    let style = pick(app, selected);
    let name = if i == app.profile {
        format!("{} ({})", line.profile_name, app.strings().in_use)
    } else {
        line.profile_name.clone()
    };
    d.para(
        vec![
            Span::styled(if selected { "▶ " } else { "  " }, style),
            Span::styled(format!("{}. ", i + 1), style),
        ],
        &name,
        style,
    );
}

/// The decision in bold, "≠" before it when it differs from the profile
/// in use.
fn decision(app: &App, view: &ResultView, line: &ProfileLine, d: &mut Doc) {
    let t = app.theme();
    let mark = if Some(&line.decision) == view.profiles.get(app.profile) {
        "  "
    } else {
        "≠ "
    };
    d.para(
        vec![Span::raw("  "), Span::styled(mark, t.strong)],
        &capitalised(&line.summary),
        t.strong,
    );
}

fn documents(app: &App, profile: usize, d: &mut Doc) {
    d.para(
        vec![Span::raw("    ")],
        &format!("{}:", ui(app.lang).documents),
        Style::new(),
    );
    for doc in app.documents_of(profile) {
        d.para(vec![Span::raw("    • ")], &doc, Style::new());
    }
}

/// What profile `profile`'s column changes from the meeting's own answers
/// and profile, as the result's "hypothetical" line names them; nothing
/// for the meeting's own result. During a trial the answers on the page
/// are not the meeting's, so every column names the trial's changes.
fn changes(app: &App, profile: usize) -> Vec<String> {
    let (own_profile, own_values) = app
        .previous
        .first()
        .map_or((app.profile, &app.values), |p| (p.profile, &p.values));
    let mut changed = Vec::new();
    if profile != own_profile {
        changed.push(format!(
            "{}: {}",
            ui(app.lang).profile,
            app.content.profiles[profile].name.get(app.lang)
        ));
    }
    for q in app.asked() {
        if own_values[q] != app.values[q] {
            let question = &app.content.questions[q];
            changed.push(format!(
                "{}: {}",
                question.step.get(app.lang),
                question.answer_label(app.values[q], app.lang)
            ));
        }
    }
    changed
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
