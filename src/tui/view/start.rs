//! The start page: what the guide is for, the profile and its documents,
//! the language and how to move around.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::i18n::ui;
use crate::tui::app::App;
use crate::tui::doc::Doc;
use crate::tui::view::pick;

pub fn doc(app: &App, width: u16) -> Doc {
    let t = app.theme();
    let s = app.strings();
    let lang = app.lang;
    let content = app.content;
    let mut d = Doc::new(width);
    d.text(s.purpose, Style::new());
    d.heading(ui(lang).profile, t.heading);
    for (i, p) in content.profiles.iter().enumerate() {
        let selected = i == app.profile;
        let style = pick(app, selected);
        let marker = if selected { "▶ " } else { "  " };
        let radio = if selected { "(•)" } else { "( )" };
        d.anchor(|d| {
            d.para(
                vec![
                    Span::styled(marker, style),
                    Span::styled(format!("{} {radio} ", i + 1), style),
                ],
                p.name.get(lang),
                style,
            );
            // The chosen profile's description under its own line, so it
            // is never read as the next one's.
            if selected {
                d.para(
                    vec![Span::raw("        ")],
                    p.description.get(lang),
                    Style::new(),
                );
            }
        });
    }
    d.heading(ui(lang).documents, t.heading);
    // The report names documents as the exports do.
    for name in &app.documents() {
        d.para(vec![Span::raw("• ")], name, Style::new());
    }
    d.blank();
    d.lead(
        &format!("{}:", s.how_heading),
        s.how,
        t.strong,
        Style::new(),
    );
    if !app.content.scenarios.is_empty() && !app.editing {
        d.lead(s.training, s.training_hint, t.strong, Style::new());
    }
    if !crate::tui::view::has_header(app) {
        d.para(
            vec![Span::styled(format!("{}: ", s.language), t.strong)],
            &language_line(app),
            Style::new(),
        );
    }
    d
}

/// "svenska – l: English": the language now and the key to the other.
pub fn language_line(app: &App) -> String {
    format!(
        "{} – l: {}",
        app.strings().lang_name,
        crate::tui::strings::strings(app.lang.other()).lang_name
    )
}
