//! The result: the verdict in a frame that is always in view (in large
//! letters in presentation mode, where there is room), then the sections
//! (overview, the two checklists, why, the profiles compared and what
//! if) one at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ui;
use crate::report::Cited;
use crate::tui::app::{App, ResultView, Section};
use crate::tui::doc::{Doc, wrap};
use crate::tui::view::{compare, pick};

/// Columns and rows of one letter of the large verdict: the 8x8 font in
/// quadrant blocks, which every terminal font draws.
const BIG_COLUMNS: usize = 4;
const BIG_ROWS: u16 = 4;
/// The large verdict is drawn only where this many rows of the page stay.
const PAGE_KEPT: u16 = 6;

/// The verdict frame, the section tabs and the page below them.
pub fn split(app: &App, view: &ResultView, body: Rect) -> (Rect, Rect, Rect) {
    let width = body.width.saturating_sub(4);
    let lines = banner_lines(app, view, width).len() as u16;
    let room = body.height.saturating_sub(lines + 2 + 1 + PAGE_KEPT);
    let big = big_height(&big_verdict(app, view, width, room));
    let banner_h = (lines + 2 + big).min(body.height);
    let tabs_h = u16::from(body.height > banner_h);
    let rest = body.height - banner_h - tabs_h;
    (
        Rect::new(body.x, body.y, body.width, banner_h),
        Rect::new(body.x, body.y + banner_h, body.width, tabs_h),
        Rect::new(body.x, body.y + banner_h + tabs_h, body.width, rest),
    )
}

/// The platform verdict and the recording verdict, each behind a symbol so
/// neither depends on colour.
fn banner_lines(app: &App, view: &ResultView, width: u16) -> Vec<Line<'static>> {
    let t = app.theme();
    let r = &view.report;
    let (mark, style) = if r.digital_allowed {
        ("✓ ", t.permitted)
    } else {
        ("✗ ", t.forbidden)
    };
    let mut lines = Vec::new();
    let mut add = |mark: &str, text: &str, style: Style| {
        for (i, row) in wrap(text, usize::from(width).saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { mark } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(lead.to_owned(), style),
                Span::styled(row, style),
            ]));
        }
    };
    // A trial says so before anything else: it is not the meeting's result.
    if let Some(h) = &r.hypothetical {
        add(
            "⚠ ",
            &format!("{} {h}", ui(app.lang).hypothetical),
            t.warning,
        );
    }
    // An early result names the questions it did not need.
    if let Some(e) = r.early_short() {
        add("ℹ ", &e, t.strong);
    }
    add(mark, &r.platform_line(), style);
    let (mark, style) = recording_mark(app, r.recording_allowed);
    add(mark, &r.recording_line(), style);
    if !r.open.is_empty() {
        add("⚠ ", app.strings().rests_on_unknown, t.warning);
    }
    // What the organiser must not do stands below the verdicts; where the
    // window has room, the frame says there is such a thing to read.
    if !r.warnings.is_empty() && app.size.1 >= 20 {
        let text = app
            .strings()
            .warnings_below
            .replace("{n}", &r.warnings.len().to_string());
        add("⚠ ", &text, t.warning);
    }
    lines
}

/// A block of the large verdict: its rows of capitals and their colour.
type BigBlock = (Vec<String>, Style);

/// For presentation mode, the verdict in capitals as rows of large letters
/// that fit `width` columns and `room` rows: the permitted platforms (or
/// "no digital meeting") and, when a recording is planned, the recording
/// verdict. Where both do not fit, the recording verdict alone (the point
/// of a meeting that plans one) or the platforms alone; none when a block
/// takes more than two rows.
fn big_verdict(app: &App, view: &ResultView, width: u16, room: u16) -> Vec<BigBlock> {
    if !app.presentation {
        return Vec::new();
    }
    let t = app.theme();
    let r = &view.report;
    let per_row = usize::from(width) / BIG_COLUMNS;
    let block = |text: String, style: Style| -> Option<BigBlock> {
        let rows = wrap(&text.to_uppercase(), per_row);
        (rows.len() <= 2 && rows.iter().all(|row| row.width() <= per_row)).then_some((rows, style))
    };
    let platforms = if r.digital_allowed {
        let names: Vec<&str> = r
            .platform_ids
            .iter()
            .filter_map(|id| app.content.platform(id))
            .map(|p| app.content.platforms[p].name.as_str())
            .collect();
        (!names.is_empty())
            .then(|| block(names.join(" / "), t.permitted))
            .flatten()
    } else {
        // "INGET DIGITALT MÖTE", without the explanation after the dash.
        let words = ui(app.lang).no_digital_meeting;
        block(
            words.split(" – ").next().unwrap_or(words).to_owned(),
            t.forbidden,
        )
    };
    let strings = app.strings();
    let recording = match r.recording_allowed {
        Some(true) if r.recording_planned => {
            block(strings.big_recording_yes.to_owned(), t.permitted)
        }
        Some(false) if r.recording_planned => {
            block(strings.big_recording_no.to_owned(), t.forbidden)
        }
        _ => None,
    };
    let candidates: Vec<Vec<BigBlock>> = match (platforms, recording) {
        (Some(p), Some(rec)) => vec![vec![p, rec.clone()], vec![rec]],
        (None, Some(rec)) => vec![vec![rec]],
        (Some(p), None) => vec![vec![p]],
        (None, None) => vec![],
    };
    candidates
        .into_iter()
        .find(|c| big_height(c) <= room)
        .unwrap_or_default()
}

/// The rows the large verdict takes, with a blank row under it; 0 when
/// there is none.
fn big_height(blocks: &[BigBlock]) -> u16 {
    let rows: usize = blocks.iter().map(|(rows, _)| rows.len()).sum();
    if rows == 0 {
        0
    } else {
        rows as u16 * BIG_ROWS + 1
    }
}

fn recording_mark(app: &App, allowed: Option<bool>) -> (&'static str, Style) {
    let t = app.theme();
    match allowed {
        None => ("– ", t.strong),
        Some(true) => ("✓ ", t.permitted),
        Some(false) => ("✗ ", t.forbidden),
    }
}

pub fn banner(app: &App, view: &ResultView, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(app.theme().border)
        .title(format!(" {} ", app.strings().result))
        .title(
            Line::from(format!(
                " {}: {} ",
                app.strings().code,
                app.shown_code().unwrap_or_else(|| "–".to_owned())
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    block.render(area, buf);
    let mut inner = Rect::new(
        inner.x.saturating_add(1).min(inner.right()),
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let lines = banner_lines(app, view, area.width.saturating_sub(4));
    let room = inner.height.saturating_sub(lines.len() as u16);
    let blocks = big_verdict(app, view, area.width.saturating_sub(4), room);
    let big = big_height(&blocks);
    for (rows, style) in blocks {
        let h = rows.len() as u16 * BIG_ROWS;
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .lines(rows.into_iter().map(Line::from).collect::<Vec<_>>())
            .centered()
            .build()
            .render(Rect::new(inner.x, inner.y, inner.width, h), buf);
        inner.y += h;
        inner.height -= h;
    }
    if big > 0 {
        inner.y += 1;
        inner.height -= 1;
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The tab labels at the widest form that fits: with tick counts, with the
/// current tab's count only, without, or only the current one named.
fn tab_labels(app: &App, view: &ResultView, width: u16) -> Vec<String> {
    let s = app.strings();
    let names = [
        s.tab_overview,
        s.tab_participants,
        s.tab_organiser,
        s.tab_why,
        s.tab_compare,
        s.tab_what_if,
    ];
    let count = |sec: Section| {
        sec.checklist().map_or(String::new(), |list| {
            let done = ticked_in(app, view, sec, list);
            format!(" {done}/{}", view.items(sec))
        })
    };
    // From the widest form down; a narrow window keeps the active tab's
    // name and the checklists' counts longest, bare numbers for the rest.
    let forms: [Box<dyn Fn(usize) -> String>; 6] = [
        Box::new(|i| format!(" {} {}{} ", i + 1, names[i], count(Section::ALL[i]))),
        Box::new(|i| {
            if i == view.section {
                format!(" {} {}{} ", i + 1, names[i], count(Section::ALL[i]))
            } else {
                format!(" {} {} ", i + 1, names[i])
            }
        }),
        Box::new(|i| {
            if i == view.section {
                format!(" {} {}{} ", i + 1, names[i], count(Section::ALL[i]))
            } else {
                format!(" {}{} ", i + 1, count(Section::ALL[i]))
            }
        }),
        Box::new(|i| {
            if i == view.section {
                format!(" {} {}{} ", i + 1, names[i], count(Section::ALL[i]))
            } else {
                format!(" {} ", i + 1)
            }
        }),
        Box::new(|i| {
            if i == view.section {
                format!(" {} {} ", i + 1, names[i])
            } else {
                format!(" {}{} ", i + 1, count(Section::ALL[i]))
            }
        }),
        Box::new(|i| {
            if i == view.section {
                format!(" {} {} ", i + 1, names[i])
            } else {
                format!(" {} ", i + 1)
            }
        }),
    ];
    // One column between labels; the last label's closing space may fall
    // off the edge.
    let fits = |labels: &Vec<String>| {
        labels.iter().map(|l| l.width() + 1).sum::<usize>() <= usize::from(width) + 2
    };
    let mut labels = Vec::new();
    for form in &forms {
        labels = (0..names.len()).map(form).collect::<Vec<_>>();
        if fits(&labels) {
            break;
        }
    }
    labels
}

fn ticked_in(app: &App, view: &ResultView, sec: Section, list: usize) -> usize {
    let items = match sec {
        Section::Participants => &view.report.participants,
        _ => &view.report.organiser,
    };
    items
        .iter()
        .filter(|c| app.ticked[list].contains(&c.id))
        .count()
}

pub fn tabs(app: &App, view: &ResultView, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (i, label) in tab_labels(app, view, area.width).into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("│"));
        }
        spans.push(Span::styled(label, pick(app, i == view.section)));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The section whose tab is at column `col`.
pub fn tab_at(app: &App, view: &ResultView, area: Rect, col: u16) -> Option<usize> {
    let mut x = usize::from(area.x);
    for (i, label) in tab_labels(app, view, area.width).iter().enumerate() {
        let w = label.width();
        if (x..x + w).contains(&usize::from(col)) {
            return Some(i);
        }
        x += w + 1;
    }
    None
}

pub fn doc(app: &App, view: &ResultView, width: u16) -> Doc {
    let mut d = Doc::new(width);
    match view.section() {
        Section::Overview => overview(app, view, &mut d),
        Section::Participants => checklist(app, view, Section::Participants, &mut d),
        Section::Organiser => checklist(app, view, Section::Organiser, &mut d),
        Section::Why => why(app, view, &mut d),
        Section::Compare => compare::compare(app, view, &mut d),
        Section::WhatIf => compare::what_if(app, view, &mut d),
    }
    d
}

fn overview(app: &App, view: &ResultView, d: &mut Doc) {
    let t = app.theme();
    let ui = ui(app.lang);
    let lang = app.lang;
    let content = app.content;
    let r = &view.report;
    let class_help = content
        .classes
        .iter()
        .find(|c| c.level == r.class)
        .map(|c| c.help.get(lang))
        .unwrap_or_default();
    // The class's help names the platforms it allows; under a "no digital
    // meeting" verdict that would contradict the verdict, so it is left out.
    if r.digital_allowed {
        d.lead(
            &format!("{} –", r.class_name),
            class_help,
            t.strong,
            Style::new(),
        );
    } else {
        d.text(&r.class_name, t.strong);
    }
    if let Some(e) = r.early_line() {
        d.para(vec![Span::styled("ℹ ", t.strong)], &e, t.strong);
    }
    if r.digital_allowed {
        d.heading(ui.permitted, t.heading);
        for id in &r.platform_ids {
            let Some(p) = content.platform(id).map(|p| &content.platforms[p]) else {
                continue;
            };
            d.flow(
                vec![Span::styled(format!("✓ {} – ", p.name), t.permitted)],
                p.description.get(lang),
                Style::new(),
                2,
            );
        }
    }
    // The verdict above rests on the strictest reading of a "vet ej":
    // what a definite answer would change belongs right under it.
    if !r.open.is_empty() {
        d.heading(ui.open_answers, t.heading);
        d.text(ui.open_answers_intro, Style::new());
        for o in &r.open {
            for x in &o.outcomes {
                d.para(
                    vec![Span::raw("• ")],
                    &format!("{}: {} → {}", o.question, x.answer, x.summary),
                    Style::new(),
                );
            }
        }
    }
    if !r.excluded.is_empty() {
        d.heading(ui.ruled_out, t.heading);
        // Platforms ruled out for the same reasons share one entry.
        for (names, reasons) in r.excluded_groups() {
            d.flow(
                vec![Span::styled(format!("✗ {} – ", names.join(", ")), t.strong)],
                &reasons.join(" "),
                Style::new(),
                2,
            );
        }
    }
    // Warnings are what the organiser must not do: before the details.
    if !r.warnings.is_empty() {
        d.heading(ui.warnings, t.heading);
        for w in &r.warnings {
            d.para(
                vec![Span::styled("⚠ ", t.warning)],
                &format!("{}{}", w.text, w.note(app.lang)),
                t.warning,
            );
            source(app, d, &w.source, "  ");
        }
    }
    d.heading(ui.recording, t.heading);
    let (mark, style) = recording_mark(app, r.recording_allowed);
    d.para(vec![Span::styled(mark, style)], &r.recording_line(), style);
    if r.recording_planned && !r.recording_reason.is_empty() {
        d.para(vec![Span::raw("  ")], &r.recording_reason, Style::new());
    }
    let retention = match (&r.retention, r.recording_allowed) {
        (Some(text), _) => Some(text.as_str()),
        (None, Some(true)) => Some(ui.no_retention_rule),
        _ => None,
    };
    if let Some(text) = retention {
        d.flow(
            vec![
                Span::raw("  "),
                Span::styled(format!("{}: ", ui.retention), t.strong),
            ],
            text,
            Style::new(),
            2,
        );
    }
    for src in &r.recording_sources {
        source(app, d, src, "  ");
    }
}

/// "Källa: …" under what it backs, continued at the same indent.
fn source(app: &App, d: &mut Doc, text: &str, indent: &'static str) {
    d.flow(
        vec![
            Span::raw(indent),
            Span::styled(format!("{}: ", ui(app.lang).source), app.theme().strong),
        ],
        text,
        Style::new(),
        indent.len(),
    );
}

fn checklist(app: &App, view: &ResultView, section: Section, d: &mut Doc) {
    let t = app.theme();
    let ui = ui(app.lang);
    let s = app.strings();
    let (heading, items, list): (&str, &[Cited], usize) = match section {
        Section::Participants => (ui.participant_checklist, &view.report.participants, 0),
        _ => (ui.organiser_checklist, &view.report.organiser, 1),
    };
    let done = ticked_in(app, view, section, list);
    d.line(Line::from(vec![
        Span::styled(heading.to_owned(), t.heading),
        Span::raw(format!("  ({done}/{} {})", items.len(), s.ticked)),
    ]));
    if items.is_empty() {
        d.text(s.no_items, Style::new());
    }
    let cursor = view.cursor[view.section];
    for (i, c) in items.iter().enumerate() {
        let selected = i == cursor;
        let style = pick(app, selected);
        let tick = if app.ticked[list].contains(&c.id) {
            "[x]"
        } else {
            "[ ]"
        };
        let prefix = vec![
            Span::styled(if selected { "▶ " } else { "  " }, style),
            Span::styled(format!("{tick} {:>2}. ", i + 1), style),
        ];
        let text = format!("{}{}", c.text, c.note(app.lang));
        // The highlighted item in full, with its source; the others on one
        // line each, so a whole checklist can be seen at once.
        d.anchor(|d| {
            if selected {
                d.para(prefix, &text, style);
                source(app, d, &c.source, "          ");
            } else {
                d.clipped(prefix, &text, style);
            }
        });
    }
    // Tips are advice, not duties: after the participants' duties, apart,
    // with nothing to tick.
    if section == Section::Participants && !view.report.tips.is_empty() {
        d.heading(ui.tips, t.heading);
        for c in &view.report.tips {
            d.para(
                vec![Span::raw("  • ")],
                &format!("{}{}", c.text, c.note(app.lang)),
                Style::new(),
            );
            source(app, d, &c.source, "    ");
        }
    }
}

fn why(app: &App, view: &ResultView, d: &mut Doc) {
    let t = app.theme();
    let ui = ui(app.lang);
    let r = &view.report;
    d.text(ui.why, t.heading);
    for c in &r.explanation {
        d.para(
            vec![Span::raw("• ")],
            &format!("{}{}", c.text, c.note(app.lang)),
            Style::new(),
        );
        source(app, d, &c.source, "  ");
    }
    d.heading(ui.answers, t.heading);
    let asked = app.asked();
    for (id, step, _, answer) in &r.answers {
        if app.content.question(id).is_some_and(|q| asked.contains(&q)) {
            d.para(vec![Span::raw(format!("• {step}: "))], answer, t.strong);
        }
    }
    d.heading(ui.documents, t.heading);
    for doc in &r.documents {
        d.para(vec![Span::raw("• ")], doc, Style::new());
    }
}
