//! "Check your answers": the profile and every asked question with its
//! answer, each line a way back to change it, then the way on to the result.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::i18n::ui;
use crate::tui::app::{App, Row};
use crate::tui::doc::Doc;
use crate::tui::view::pick;

/// The answers stand beside their questions when this much room is left
/// for them; otherwise below.
const ANSWER_ROOM: usize = 16;

pub fn doc(app: &App, cursor: usize, width: u16) -> Doc {
    let t = app.theme();
    let s = app.strings();
    let lang = app.lang;
    let content = app.content;
    let mut d = Doc::new(width);
    // The answer code on the heading's line, where the helpdesk looks
    // first (or under it in a narrow window).
    let code = match app.shown_code() {
        Some(code) => format!("{}: {code}", s.code),
        None => format!("{}: – ({})", s.code, ui(lang).no_code_yet),
    };
    let gap = usize::from(width).saturating_sub(s.check_answers.width() + code.width());
    if gap >= 2 {
        d.line(Line::from(vec![
            Span::styled(s.check_answers, t.heading),
            Span::raw(" ".repeat(gap)),
            Span::styled(code, t.strong),
        ]));
    } else {
        d.text(s.check_answers, t.heading);
        d.text(&code, t.strong);
    }
    d.text(s.summary_hint, Style::new());
    if let Some((i, ..)) = &app.scenario {
        let title = content.scenarios[*i].title.get(lang);
        let text = if app.scenario_changed() {
            format!("{title} ({})", s.changed)
        } else {
            title.to_owned()
        };
        d.lead(&format!("{}:", s.scenario), &text, t.strong, Style::new());
    }
    d.blank();
    let rows = app.rows();
    let label = |row: Row| match row {
        Row::Profile => ui(lang).profile.to_owned(),
        Row::Question(q) => content.questions[q].step.get(lang).to_owned(),
        Row::ShowResult => String::new(),
    };
    let label_w = rows.iter().map(|r| label(*r).width()).max().unwrap_or(0);
    // Every row numbered, for "gå till rad 5" on the phone: from 0, the
    // profile, so a question's row is its step number.
    let number_w = (rows.len() - 1).to_string().len();
    let two_columns = label_w + 4 + number_w + 1 + ANSWER_ROOM <= usize::from(width);
    for (i, &row) in rows.iter().enumerate() {
        let selected = i == cursor;
        let style = pick(app, selected);
        let marker = Span::styled(
            format!("{}{:>number_w$} ", if selected { "▶ " } else { "  " }, i),
            style,
        );
        let value = match row {
            Row::Profile => content.profiles[app.profile].name.get(lang).to_owned(),
            Row::Question(q) if !app.visited[q] => s.not_answered.to_owned(),
            Row::Question(q) => content.questions[q].answer_label(app.values[q], lang),
            Row::ShowResult => {
                d.blank();
                let style = if selected { t.selected } else { t.strong };
                d.anchor(|d| d.para(vec![marker], &format!("{} →", s.show_result), style));
                continue;
            }
        };
        d.anchor(|d| {
            if two_columns {
                let name = label(row);
                let pad = " ".repeat(label_w - name.width() + 2);
                d.para(
                    vec![marker, Span::styled(format!("{name}{pad}"), style)],
                    &value,
                    style.patch(t.strong),
                );
            } else {
                d.para(vec![marker], &label(row), style);
                d.para(
                    vec![Span::raw(" ".repeat(4 + number_w))],
                    &value,
                    style.patch(t.strong),
                );
            }
        });
    }
    d
}
