//! Drawing, as a pure function of the state: `impl Widget for &App`.
//!
//! The layout is computed from `App::size` alone, so the state can ask
//! [`pane`] how tall a page is (to keep the highlight in view) and the mouse
//! can ask [`hit`] what is under a click, with the same numbers the drawing
//! uses.

mod compare;
mod dialog;
mod question;
mod result;
mod scenarios;
mod start;
mod summary;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ui;
use crate::quote::quote_path;
use crate::tui::app::{Action, App, MIN_HEIGHT, MIN_WIDTH, Modal, Screen, Status, Trial};
use crate::tui::doc::{Doc, truncate};
use crate::tui::keys::{self, Hint};

/// Draws the wizard and puts the terminal's cursor on the highlight, where
/// screen magnifiers and readers look.
pub fn render(app: &App, frame: &mut Frame) {
    frame.render_widget(app, frame.area());
    if let Some(p) = cursor(app) {
        frame.set_cursor_position(p);
    }
}

/// The fixed parts of every screen.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub header: Option<Rect>,
    pub body: Rect,
    pub status: Option<Rect>,
    pub footer: Rect,
}

/// The scrolling page of the current screen, wrapped to its width.
#[derive(Debug, Clone)]
pub struct Pane {
    pub doc: Doc,
    /// Where the text goes; the scroll bar is just right of it.
    pub area: Rect,
    pub scroll: usize,
    /// The highlighted entry of `doc.anchors`, if the page has one.
    pub cursor: Option<usize>,
}

fn full(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

/// The layout depends on the window size alone (not on which keys the
/// footer lists), so the key table may ask how the page fits.
pub fn chrome(app: &App) -> Chrome {
    let area = full(app);
    let footer_h = footer_height(app);
    let header_h = u16::from(has_header(app));
    let status_h = u16::from(app.status.is_some());
    let body_h = area.height.saturating_sub(header_h + status_h + footer_h);
    let at = |y: u16, h: u16| Rect::new(0, y, area.width, h);
    Chrome {
        header: (header_h > 0).then(|| at(0, 1)),
        body: at(header_h, body_h),
        status: (status_h > 0).then(|| at(header_h + body_h, 1)),
        footer: at(area.height.saturating_sub(footer_h), footer_h),
    }
}

/// The title line is the first thing given up in a low window.
pub fn has_header(app: &App) -> bool {
    app.size.1 >= 16
}

/// More footer lines where the window is tall enough and one would not
/// hold every key the screen may show: up to three from 20 rows, so every
/// key that works on the page is named at 80x24.
fn footer_height(app: &App) -> u16 {
    if app.size.1 < 14 {
        return 1;
    }
    let hints = keys::footer_at_most(app);
    let lines = pack(
        app,
        &hints,
        &vec![true; hints.len()],
        usize::from(app.size.0),
    )
    .len();
    let most = if app.size.1 >= 20 { 3 } else { 2 };
    lines.clamp(1, most) as u16
}

/// The text area inside `area`: one column of margin on either side.
fn text_area(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1).min(area.right()),
        area.y,
        area.width.saturating_sub(2),
        area.height,
    )
}

/// The text of a page that may scroll: as [`text_area`], less one column
/// on the right, so text never touches the scroll bar drawn past it.
fn scroll_area(area: Rect) -> Rect {
    let text = text_area(area);
    Rect::new(text.x, text.y, text.width.saturating_sub(1), text.height)
}

/// A page's text area: in presentation mode with a wider left margin.
fn page_area(app: &App, area: Rect) -> Rect {
    let text = scroll_area(area);
    if app.presentation && text.width > 40 {
        Rect::new(text.x + 1, text.y, text.width - 1, text.height)
    } else {
        text
    }
}

/// The current screen's scrolling page (modals aside), or none when the
/// window is too small to draw one.
pub fn pane(app: &App) -> Option<Pane> {
    if app.too_small() {
        return None;
    }
    let body = chrome(app).body;
    let text_area = |area: Rect| page_area(app, area);
    let (area, doc, scroll, cursor) = match &app.screen {
        Screen::Start { scroll } => {
            let area = text_area(body);
            (
                area,
                start::doc(app, area.width),
                *scroll,
                Some(app.profile),
            )
        }
        Screen::Scenarios { cursor, scroll } => {
            let area = text_area(body);
            (
                area,
                scenarios::doc(app, *cursor, area.width),
                *scroll,
                Some(*cursor),
            )
        }
        Screen::Question { q, cursor, scroll } => {
            let area = text_area(question::split(app, body).1);
            (
                area,
                question::doc(app, *q, *cursor, area.width),
                *scroll,
                *cursor,
            )
        }
        Screen::Summary { cursor, scroll } => {
            let area = text_area(body);
            (
                area,
                summary::doc(app, *cursor, area.width),
                *scroll,
                Some(*cursor),
            )
        }
        Screen::Result(view) => {
            let area = text_area(result::split(app, view, body).2);
            let s = view.section;
            let cursor = view.section().is_list().then(|| view.cursor[s]);
            (
                area,
                result::doc(app, view, area.width),
                view.scroll[s],
                cursor,
            )
        }
    };
    // On a projector, air between the entries of a list, where the page
    // still fits: the help and source under a question stay in view.
    let doc = if app.presentation && doc.clone().spaced().height() <= usize::from(area.height) {
        doc.spaced()
    } else {
        doc
    };
    Some(Pane {
        doc,
        area,
        scroll,
        cursor,
    })
}

/// The help overlay's page, when it is open.
pub fn help_pane(app: &App) -> Option<Pane> {
    match app.modal {
        Some(Modal::Help { scroll }) if !app.too_small() => Some(dialog::help_pane(app, scroll)),
        _ => None,
    }
}

/// What a left click at (`col`, `row`) chooses, if anything.
pub fn hit(app: &App, col: u16, row: u16) -> Option<Action> {
    if app.modal.is_some() || app.too_small() {
        return None;
    }
    let at = Position::new(col, row);
    if let Screen::Result(view) = &app.screen {
        let tabs = result::split(app, view, chrome(app).body).1;
        if tabs.contains(at) {
            return result::tab_at(app, view, tabs, col).map(Action::Section);
        }
        if !view.section().is_list() {
            return None;
        }
    }
    let pane = pane(app)?;
    if !pane.area.contains(at) {
        return None;
    }
    let line = pane.scroll + usize::from(row - pane.area.y);
    pane.doc.anchor_at(line).map(Action::Pick)
}

/// Where the terminal's cursor goes: the highlighted entry's first line,
/// or the caret of the file name line.
pub fn cursor(app: &App) -> Option<Position> {
    if app.too_small() {
        return None;
    }
    match &app.modal {
        Some(Modal::Export(form)) if form.exists.is_none() => dialog::export_cursor(app, form),
        Some(Modal::Code(form)) => dialog::code_cursor(app, form),
        Some(_) => None,
        None => {
            let pane = pane(app)?;
            let line = pane.doc.anchors.get(pane.cursor?)?.start;
            let row = line.checked_sub(pane.scroll)?;
            (row < usize::from(pane.area.height))
                .then(|| Position::new(pane.area.x, pane.area.y + row as u16))
        }
    }
}

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(full(self));
        if self.too_small() {
            return too_small(self, area, buf);
        }
        let c = chrome(self);
        if let Some(h) = c.header {
            header(self, h, buf);
        }
        match &self.screen {
            Screen::Question { q, .. } => {
                let (side, _) = question::split(self, c.body);
                if let Some(side) = side {
                    question::sidebar(self, *q, side, buf);
                }
            }
            Screen::Result(view) => {
                let (banner, tabs, _) = result::split(self, view, c.body);
                result::banner(self, view, banner, buf);
                result::tabs(self, view, tabs, buf);
            }
            _ => {}
        }
        if let Some(p) = pane(self) {
            draw_pane(&p, buf);
        }
        if let Some(s) = c.status {
            status(self, s, buf);
        }
        let lines = footer_lines(self, c.footer.width, usize::from(c.footer.height));
        Paragraph::new(lines).render(c.footer, buf);
        match &self.modal {
            Some(Modal::Help { .. }) => dialog::help(self, buf),
            Some(Modal::Quit) => dialog::confirm(
                self,
                self.strings().quit_title,
                self.strings().quit_question,
                buf,
            ),
            Some(Modal::Restart) => dialog::confirm(
                self,
                self.strings().restart_title,
                self.strings().restart_question,
                buf,
            ),
            Some(Modal::Scenario(_)) => dialog::confirm(
                self,
                self.strings().scenario_title,
                self.strings().scenario_question,
                buf,
            ),
            Some(Modal::Export(form)) => dialog::export(self, form, buf),
            Some(Modal::Code(form)) => dialog::code(self, form, buf),
            None => {}
        }
        if self.presentation {
            // No thin text anywhere on a projector.
            for y in area.top()..area.bottom() {
                for x in area.left()..area.right() {
                    let cell = &mut buf[(x, y)];
                    cell.modifier.insert(Modifier::BOLD);
                    cell.modifier.remove(Modifier::DIM);
                }
            }
        }
    }
}

/// Draws the visible part of a page and, when it does not all fit, a
/// scroll bar beside it.
pub fn draw_pane(p: &Pane, buf: &mut Buffer) {
    let height = usize::from(p.area.height);
    let end = (p.scroll + height).min(p.doc.height());
    let visible = p.doc.lines.get(p.scroll..end).unwrap_or_default().to_vec();
    Paragraph::new(visible).render(p.area, buf);
    if p.doc.height() > height && p.area.height > 0 {
        let bar = Rect::new(p.area.right() + 1, p.area.y, 1, p.area.height);
        let mut state = ScrollbarState::new(p.doc.height().saturating_sub(height))
            .position(p.scroll)
            .viewport_content_length(height);
        // Filled arrows where there is more to scroll to, hollow ones at
        // the top and at the end, so the end of a page is seen as such.
        let more_above = p.scroll > 0;
        let more_below = end < p.doc.height();
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some(if more_above { "▲" } else { "△" }))
            .end_symbol(Some(if more_below { "▼" } else { "▽" }))
            .render(bar, buf, &mut state);
    }
}

/// The title, and on the right the profile; on the start page, where the
/// profile is chosen below, the language instead.
fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let title = ui(app.lang).title;
    let right = match app.screen {
        Screen::Start { .. } => {
            format!("{}: {}", app.strings().language, start::language_line(app))
        }
        _ => format!(
            "{}: {}",
            ui(app.lang).profile,
            app.content.profiles[app.profile].name.get(app.lang)
        ),
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(title.width() + 3);
    let mut spans = vec![Span::styled(format!(" {title}"), t.title)];
    if room >= 12 {
        let right = truncate(&right, room);
        let gap = width.saturating_sub(title.width() + 1 + right.width() + 1);
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::raw(right));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let text = match &app.status {
        Some(Status::Saved(path)) => {
            format!("✓ {} {}", s.saved, quote_path(&path.to_string_lossy()))
        }
        Some(Status::Print(true)) => format!("✓ {}", s.printing),
        Some(Status::Print(false)) => format!("– {}", s.not_printing),
        Some(Status::ChooseFirst) => format!("! {}", s.choose_first),
        Some(Status::MarkOrNone) => format!("! {}", s.mark_or_none),
        Some(Status::AnswerFirst) => format!("! {}", s.answer_first),
        Some(Status::RowPending(n, last)) => s
            .row_pending
            .replace("{n}", &n.to_string())
            .replace("{from}", &(n * 10).to_string())
            .replace("{to}", &last.to_string()),
        Some(Status::Trying(trial)) => {
            let tried = match trial {
                Trial::Answer(q, answer) => {
                    let question = &app.content.questions[*q];
                    format!(
                        "{}: {}",
                        question.step.get(app.lang),
                        question.answer_label(*answer, app.lang)
                    )
                }
                Trial::Profile(p) => format!(
                    "{}: {}",
                    ui(app.lang).profile,
                    app.content.profiles[*p].name.get(app.lang)
                ),
            };
            format!("▶ {} {tried} · {}", s.showing, s.back_to_answers)
        }
        None => String::new(),
    };
    let text = truncate(&text, usize::from(area.width.saturating_sub(1)));
    Paragraph::new(Span::styled(format!(" {text}"), app.theme().strong)).render(area, buf);
}

/// The footer, as few lines as `max` allows: when the keys do not fit, the
/// least needed go first, but help and quit always stay.
/// The footer in at most `max` lines of `width`: the least needed keys
/// left out first, help and quit never.
pub fn footer_lines(app: &App, width: u16, max: usize) -> Vec<Line<'static>> {
    let hints = keys::footer(app);
    let mut keep = vec![true; hints.len()];
    loop {
        let lines = pack(app, &hints, &keep, usize::from(width));
        if lines.len() <= max {
            return lines;
        }
        let droppable = (0..hints.len())
            .rev()
            .filter(|&i| keep[i] && hints[i].priority < u8::MAX)
            .min_by_key(|&i| hints[i].priority);
        match droppable {
            Some(i) => keep[i] = false,
            None => return lines.into_iter().take(max).collect(),
        }
    }
}

/// Lays key hints out in as many lines of `width` as they need.
fn pack(app: &App, hints: &[Hint], keep: &[bool], width: usize) -> Vec<Line<'static>> {
    let t = app.theme();
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (h, _) in hints.iter().zip(keep).filter(|(_, k)| **k) {
        let w = h.keys.width() + h.label.width() + 3;
        if used > 0 && used + 1 + w > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw(" "));
            used += 1;
        }
        spans.push(Span::styled(format!(" {} ", h.keys), t.key));
        spans.push(Span::raw(format!(" {}", h.label)));
        used += w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let mut lines = vec![
        Line::styled(s.too_small, app.theme().strong),
        Line::raw(format!(
            "{} {MIN_WIDTH}×{MIN_HEIGHT} ({} {}×{}).",
            s.too_small_need, s.too_small_now, app.size.0, app.size.1
        )),
    ];
    let hints = keys::footer(app)
        .iter()
        .map(|h| format!("{} {}", h.keys, h.label))
        .collect::<Vec<_>>()
        .join(" · ");
    if app.modal == Some(Modal::Quit) {
        lines.push(Line::raw(s.quit_question));
    }
    lines.push(Line::raw(hints));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// A centred box of at most `width` × `height` inside the window.
fn centred(app: &App, width: u16, height: u16) -> Rect {
    let area = full(app);
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    Rect::new((area.width - w) / 2, (area.height - h) / 2, w, h)
}

/// The label style of an entry: reversed when highlighted.
fn pick(app: &App, selected: bool) -> Style {
    if selected {
        app.theme().selected
    } else {
        Style::new()
    }
}
