//! The scenario library, for trainers: each meeting by its title, the
//! highlighted one with its story and the policy passage it illustrates.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::i18n::ui;
use crate::tui::app::App;
use crate::tui::doc::Doc;
use crate::tui::view::pick;

pub fn doc(app: &App, cursor: usize, width: u16) -> Doc {
    let t = app.theme();
    let s = app.strings();
    let lang = app.lang;
    let content = app.content;
    let mut d = Doc::new(width);
    d.text(s.scenarios, t.heading);
    d.text(s.scenarios_intro, Style::new());
    d.blank();
    for (i, scenario) in content.scenarios.iter().enumerate() {
        let selected = i == cursor;
        let style = pick(app, selected);
        // Every scenario numbered: its number keys open it.
        let number_w = content.scenarios.len().to_string().len();
        let number = format!("{:>number_w$} ", i + 1);
        d.anchor(|d| {
            d.para(
                vec![
                    Span::styled(if selected { "▶ " } else { "  " }, style),
                    Span::styled(number, style),
                ],
                scenario.title.get(lang),
                style,
            );
            if selected {
                let indent = " ".repeat(3 + number_w);
                d.para(
                    vec![Span::raw(indent.clone())],
                    scenario.story.get(lang),
                    Style::new(),
                );
                let cite = if width >= 44 {
                    content.cite(scenario.source, lang)
                } else {
                    content.cite_short(scenario.source, lang)
                };
                d.para(
                    vec![
                        Span::raw(indent),
                        Span::styled(format!("{}: ", ui(lang).source), t.strong),
                    ],
                    &cite,
                    Style::new(),
                );
            }
        });
    }
    d
}
