//! The boxes drawn over a screen: the key overlay, yes/no questions and the
//! save dialog. Their key lines come from the same table that handles them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::ui;
use crate::quote::quote_path;
use crate::save::{self, SaveError};
use crate::tui::app::{App, CodeForm, ExportForm, FormError};
use crate::tui::doc::{Doc, wrap};
use crate::tui::export::ExportKind;
use crate::tui::keys;
use crate::tui::view::{Pane, centred, draw_pane, scroll_area, text_area};

const HELP_WIDTH: u16 = 72;
const DIALOG_WIDTH: u16 = 66;

fn frame(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(app.theme().border)
        .title(Span::styled(format!(" {title} "), app.theme().title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The key overlay's page: every key of the screen under it and the mouse,
/// in a box as tall as it needs (and the window allows).
pub fn help_pane(app: &App, scroll: usize) -> Pane {
    let widest = centred(app, HELP_WIDTH, app.size.1);
    let width = scroll_area(Block::bordered().inner(widest)).width;
    let mut d = Doc::new(width);
    let hints = keys::help(app);
    let keys_w = hints.iter().map(|h| h.keys.width()).max().unwrap_or(0);
    let keys_w = keys_w.min(usize::from(width) / 2);
    for h in &hints {
        let pad = keys_w.saturating_sub(h.keys.width());
        d.para(
            vec![Span::styled(
                format!("{}{}  ", h.keys, " ".repeat(pad)),
                app.theme().strong,
            )],
            h.label,
            Style::new(),
        );
    }
    d.blank();
    d.text(app.strings().mouse_help, Style::new());
    let height = u16::try_from(d.height())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = scroll_area(Block::bordered().inner(centred(app, HELP_WIDTH, height)));
    Pane {
        doc: d,
        area,
        scroll,
        cursor: None,
    }
}

pub fn help(app: &App, buf: &mut Buffer) {
    let Some(pane) = crate::tui::view::help_pane(app) else {
        return;
    };
    let outer = Rect::new(
        pane.area.x.saturating_sub(2),
        pane.area.y.saturating_sub(1),
        // Border and margin on the left; space, scroll bar and border on
        // the right.
        pane.area.width + 5,
        pane.area.height + 2,
    );
    frame(app, app.strings().keys_title, outer, buf);
    draw_pane(&pane, buf);
}

/// The keys of the open dialog, as in the footer, wrapped to `width`.
fn key_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    crate::tui::view::footer_lines(app, u16::try_from(width).unwrap_or(u16::MAX), 3)
}

/// A yes/no question in a box.
pub fn confirm(app: &App, title: &str, question: &str, buf: &mut Buffer) {
    let width = DIALOG_WIDTH.min(app.size.0.saturating_sub(2));
    let mut lines: Vec<Line> = wrap(question, usize::from(width.saturating_sub(4)))
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::default());
    lines.extend(key_lines(app, usize::from(width.saturating_sub(4))));
    boxed(app, title, lines, buf);
}

fn boxed(app: &App, title: &str, lines: Vec<Line<'static>>, buf: &mut Buffer) -> Rect {
    let area = centred(app, DIALOG_WIDTH, lines.len() as u16 + 2);
    let inner = frame(app, title, area, buf);
    let inner = text_area(inner);
    Paragraph::new(lines).render(inner, buf);
    inner
}

/// The save dialog: what to save, the file name line, where it goes and
/// what went wrong last time; or, when the file exists, whether to
/// overwrite it.
pub fn export(app: &App, form: &ExportForm, buf: &mut Buffer) {
    let s = app.strings();
    let t = app.theme();
    let width = usize::from(
        DIALOG_WIDTH
            .min(app.size.0.saturating_sub(2))
            .saturating_sub(4),
    );
    let mut lines = Vec::new();
    if let Some(path) = &form.exists {
        for row in wrap(
            &format!("{} {}", s.exists, quote_path(&path.to_string_lossy())),
            width,
        ) {
            lines.push(Line::raw(row));
        }
        lines.push(Line::styled(s.overwrite, t.strong));
        lines.push(Line::default());
        lines.extend(key_lines(app, width));
        boxed(app, s.save_title, lines, buf);
        return;
    }
    lines.push(Line::styled(format!("{}:", s.contents), t.strong));
    for kind in [ExportKind::Participants, ExportKind::Full] {
        let radio = if kind == form.kind { "(•)" } else { "( )" };
        let name = match kind {
            ExportKind::Participants => ui(app.lang).participant_checklist,
            ExportKind::Full => s.full_result,
        };
        lines.push(Line::raw(format!("{radio} {name}")));
    }
    lines.push(Line::styled(format!("{}:", s.file), t.strong));
    let (shown, _) = field(&form.path, form.cursor, width);
    let pad = width.saturating_sub(shown.width());
    lines.push(Line::styled(format!("{shown}{}", " ".repeat(pad)), t.key));
    for row in wrap(&target_line(app, form), width) {
        lines.push(Line::raw(row));
    }
    if let Some(error) = &form.error {
        for row in wrap(&error_text(app, error), width) {
            lines.push(Line::styled(row, t.error));
        }
    }
    lines.push(Line::default());
    lines.extend(key_lines(app, width));
    boxed(app, s.save_title, lines, buf);
}

/// The answer code dialog: what to type, the field, and why the last code
/// failed.
pub fn code(app: &App, form: &CodeForm, buf: &mut Buffer) {
    let (lines, _) = code_lines(app, form);
    boxed(app, app.strings().code_title, lines, buf);
}

/// The dialog's lines and the field's line among them.
fn code_lines(app: &App, form: &CodeForm) -> (Vec<Line<'static>>, u16) {
    let s = app.strings();
    let t = app.theme();
    let width = dialog_text_width(app);
    let mut lines: Vec<Line> = wrap(s.code_prompt, width)
        .into_iter()
        .map(Line::raw)
        .collect();
    let field_line = lines.len() as u16;
    let (shown, _) = field(&form.text, form.text.chars().count(), width);
    let pad = width.saturating_sub(shown.width());
    lines.push(Line::styled(format!("{shown}{}", " ".repeat(pad)), t.key));
    if let Some(error) = &form.error {
        for row in wrap(error, width) {
            lines.push(Line::styled(row, t.error));
        }
    }
    lines.push(Line::default());
    lines.extend(key_lines(app, width));
    (lines, field_line)
}

/// Where the caret stands in the code dialog.
pub fn code_cursor(app: &App, form: &CodeForm) -> Option<Position> {
    let (lines, field_line) = code_lines(app, form);
    let area = centred(app, DIALOG_WIDTH, lines.len() as u16 + 2);
    let inner = text_area(Block::bordered().inner(area));
    let (_, col) = field(
        &form.text,
        form.text.chars().count(),
        dialog_text_width(app),
    );
    (field_line < inner.height).then(|| {
        Position::new(
            inner.x + (col as u16).min(inner.width.saturating_sub(1)),
            inner.y + field_line,
        )
    })
}

/// The width of a dialog's text.
fn dialog_text_width(app: &App) -> usize {
    usize::from(
        DIALOG_WIDTH
            .min(app.size.0.saturating_sub(2))
            .saturating_sub(4),
    )
}

/// "Saved as: /full/path.md", so the person sees where a name leads.
fn target_line(app: &App, form: &ExportForm) -> String {
    let target = save::expand(form.path.trim(), &app.save_dir);
    format!(
        "{}: {}",
        app.strings().folder,
        quote_path(&target.to_string_lossy())
    )
}

/// Line of the file name field within the dialog's text (see [`export`]).
const FIELD_LINE: u16 = 4;

pub fn export_cursor(app: &App, form: &ExportForm) -> Option<Position> {
    let width = usize::from(
        DIALOG_WIDTH
            .min(app.size.0.saturating_sub(2))
            .saturating_sub(4),
    );
    let folder_rows = wrap(&target_line(app, form), width).len();
    let error_rows = form
        .error
        .as_ref()
        .map_or(0, |e| wrap(&error_text(app, e), width).len());
    let lines =
        usize::from(FIELD_LINE) + 2 + folder_rows + error_rows + key_lines(app, width).len();
    let area = centred(app, DIALOG_WIDTH, lines as u16 + 2);
    let inner = text_area(Block::bordered().inner(area));
    let (_, col) = field(&form.path, form.cursor, width);
    (FIELD_LINE < inner.height).then(|| {
        Position::new(
            inner.x + (col as u16).min(inner.width.saturating_sub(1)),
            inner.y + FIELD_LINE,
        )
    })
}

/// The part of the file name that fits in `width` columns with the caret
/// in view, and the caret's column in it.
fn field(path: &str, cursor: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = path.chars().collect();
    let cursor = cursor.min(chars.len());
    let room = width.saturating_sub(1).max(1);
    let mut start = 0;
    let col = |from: usize| -> usize {
        chars[from..cursor]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum()
    };
    while col(start) > room {
        start += 1;
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in &chars[start..] {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        shown.push(*c);
        used += w;
    }
    (shown, col(start))
}

fn error_text(app: &App, error: &FormError) -> String {
    let s = app.strings();
    let (path, why) = match error {
        FormError::Empty => return s.empty_path.to_owned(),
        FormError::Save(e) => match e {
            SaveError::Exists(p) => (p, s.exists.trim_end_matches(':').to_owned()),
            SaveError::NoFolder(p) => (p, s.no_folder.to_owned()),
            SaveError::NoPermission(p) => (p, s.no_permission.to_owned()),
            SaveError::IsFolder(p) => (p, s.is_folder.to_owned()),
            SaveError::Other(p, why) => (p, why.clone()),
        },
    };
    format!(
        "{} {}: {why}",
        s.not_saved,
        quote_path(&path.to_string_lossy())
    )
}
