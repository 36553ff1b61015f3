//! One question: where the organiser is, the question, its answers, the
//! content's help text and its source. A step list sits beside it when the
//! window is wide enough.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::content::{Answer, QuestionKind};
use crate::i18n::ui;
use crate::tui::app::{App, Choice};
use crate::tui::doc::{Doc, wrap};
use crate::tui::view::pick;

/// Below this body width the step list gives way to the question.
const SIDEBAR_FROM: u16 = 72;
/// The same in presentation mode, where the letters are larger to read.
const PRESENTATION_SIDEBAR_FROM: u16 = 100;

/// The step list (when it fits) and the question's area.
pub fn split(app: &App, body: Rect) -> (Option<Rect>, Rect) {
    // On a projector the question and its help come first: the steps
    // give way below a wide window.
    if body.width < SIDEBAR_FROM || app.presentation && body.width < PRESENTATION_SIDEBAR_FROM {
        return (None, body);
    }
    let widest = app
        .asked()
        .iter()
        .map(|&q| app.content.questions[q].step.get(app.lang).width())
        .chain([
            app.strings().check_answers.width(),
            app.strings().result.width(),
        ])
        .max()
        .unwrap_or(0) as u16;
    let w = (widest + 8).min(30).min(body.width / 3);
    let side = Rect::new(body.x, body.y, w, body.height);
    let main = Rect::new(body.x + w, body.y, body.width - w, body.height);
    (Some(side), main)
}

pub fn doc(app: &App, q: usize, cursor: Option<usize>, width: u16) -> Doc {
    let t = app.theme();
    let s = app.strings();
    let lang = app.lang;
    let question = &app.content.questions[q];
    let asked = app.asked();
    let n = asked.iter().position(|&x| x == q).map_or(0, |p| p + 1);
    let mut d = Doc::new(width);
    d.text(
        &format!(
            "{} {n} {} {}: {}",
            s.step,
            s.of,
            asked.len(),
            question.step.get(lang)
        ),
        Style::new(),
    );
    d.blank();
    d.text(question.text.get(lang), t.title);
    if question.kind == QuestionKind::Multi {
        d.text(s.multi_hint, Style::new());
    }
    d.blank();
    let bits = match app.values[q] {
        Answer::Set(bits) => bits,
        _ => 0,
    };
    for (i, choice) in app.choices(q).into_iter().enumerate() {
        let selected = Some(i) == cursor;
        let style = pick(app, selected);
        // One marker: the highlighted line is the answer Enter takes.
        let radio = if selected { "(•)" } else { "( )" };
        let (mark, label, help) = match choice {
            Choice::NoneOfThese => (radio, s.none_of_these.to_owned(), None),
            Choice::Set(a) => {
                let mark = radio;
                let help = match a {
                    Answer::Choice(o) => question.options[o].help.as_ref(),
                    _ => None,
                };
                (mark, question.answer_label(a, lang), help)
            }
            Choice::Toggle(o) => {
                let mark = if bits & (1 << o) != 0 { "[x]" } else { "[ ]" };
                let option = &question.options[o];
                (
                    mark,
                    option.label.get(lang).to_owned(),
                    option.help.as_ref(),
                )
            }
        };
        let number = if i < 9 {
            format!("{} ", i + 1)
        } else {
            "  ".to_owned()
        };
        let marker = if selected { "▶ " } else { "  " };
        d.anchor(|d| {
            d.para(
                vec![
                    Span::styled(marker, style),
                    Span::styled(format!("{number}{mark} "), style),
                ],
                &label,
                style,
            );
            if let Some(help) = help {
                d.para(vec![Span::raw("        ")], help.get(lang), Style::new());
            }
        });
    }
    d.blank();
    d.text(question.help.get(lang), Style::new());
    let cite = if width >= 44 {
        app.content.cite_all(&question.sources, lang)
    } else {
        app.content.cite_short_all(&question.sources, lang)
    };
    d.para(
        vec![Span::styled(format!("{}: ", ui(lang).source), t.strong)],
        &cite,
        Style::new(),
    );
    d
}

/// The steps by name: done (✓), here (▶) and still to come, then the
/// summary and the result.
pub fn sidebar(app: &App, q: usize, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let s = app.strings();
    let block = Block::new().borders(Borders::RIGHT).border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width.saturating_sub(1)).max(6);
    let mut lines = vec![Line::styled(format!(" {}", s.steps), t.heading)];
    let add = |lines: &mut Vec<Line<'static>>, lead: String, name: &str, style: Style| {
        for (i, row) in wrap(name, width - 6).into_iter().enumerate() {
            let lead = if i == 0 {
                lead.clone()
            } else {
                "      ".to_owned()
            };
            lines.push(Line::styled(format!("{lead}{row}"), style));
        }
    };
    let asked = app.asked();
    let mut current = 0;
    for (i, &n) in asked.iter().enumerate() {
        let here = n == q;
        if here {
            current = lines.len();
        }
        let mark = match (here, app.visited[n]) {
            (true, _) => "▶",
            (false, true) => "✓",
            (false, false) => " ",
        };
        let style = if here { t.selected } else { Style::new() };
        let name = app.content.questions[n].step.get(app.lang);
        add(&mut lines, format!(" {mark} {:>2} ", i + 1), name, style);
    }
    for extra in [s.check_answers, s.result] {
        add(&mut lines, "      ".to_owned(), extra, Style::new());
    }
    let height = usize::from(inner.height);
    let skip = (current + 1).saturating_sub(height);
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(inner, buf);
}
