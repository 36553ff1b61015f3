//! Helpers for the wizard's tests: one loaded content, an app at a given
//! size, keys pressed through the real key table, and a walker that
//! answers questions by keystrokes.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::LazyLock;

use motesguide::content::{self, Answer, Content, QuestionKind};
use motesguide::text::Lang;
use motesguide::tui::app::{Action, App, Choice, Effect, Row, Screen};
use motesguide::tui::keys;
use motesguide::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub static CONTENT: LazyLock<Content> =
    LazyLock::new(|| content::built_in().expect("the built-in content loads"));

/// A fresh wizard on the start page, without colour, saving to a fixed
/// folder so snapshots do not depend on where the tests run.
pub fn app(width: u16, height: u16, lang: Lang) -> App<'static> {
    App::new(
        &CONTENT,
        CONTENT.default_profile,
        lang,
        (width, height),
        false,
        PathBuf::from("/home/organiser"),
    )
}

pub fn q(id: &str) -> usize {
    CONTENT
        .question(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// Presses one key through the key table; returns whether it did anything
/// and the effect it asked for.
pub fn press(app: &mut App, code: KeyCode) -> Option<Option<Effect>> {
    press_with(app, code, KeyModifiers::NONE)
}

pub fn press_with(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Option<Option<Effect>> {
    let event = KeyEvent::new_with_kind(code, mods, KeyEventKind::Press);
    let action = keys::map_key(app, &event)?;
    Some(app.update(action))
}

/// Presses each character of `keys` in turn; panics on a key that does
/// nothing, so a test cannot silently walk past its target.
pub fn typed(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '<' => KeyCode::Left,
            '\u{1b}' => KeyCode::Esc,
            _ => KeyCode::Char(c),
        };
        assert!(
            press(app, code).is_some(),
            "key {c:?} does nothing on {:?}",
            app.screen
        );
    }
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    app.update(action)
}

/// The summary line of question `id`.
pub fn summary_row(app: &App, id: &str) -> usize {
    let question = q(id);
    app.rows()
        .iter()
        .position(|r| *r == motesguide::tui::app::Row::Question(question))
        .unwrap_or_else(|| panic!("{id} is not on the summary"))
}

/// The question on screen, if any.
pub fn current(app: &App) -> Option<usize> {
    match app.screen {
        Screen::Question { q, .. } => Some(q),
        _ => None,
    }
}

/// Answers the question on screen with its default answer ("none of
/// these" for a multi-select), chosen by its number key as a person would.
pub fn answer_default(app: &mut App) {
    let qi = current(app).expect("a question on screen");
    let question = &CONTENT.questions[qi];
    let default = if question.kind == QuestionKind::Multi {
        Choice::NoneOfThese
    } else {
        Choice::Set(question.default)
    };
    let i = app
        .choices(qi)
        .iter()
        .position(|c| *c == default)
        .expect("the default is offered");
    typed(app, &(i + 1).to_string());
}

/// From the start page, answers every question the wizard asks: those
/// named in `answers` (question id, option id / true / false / unknown /
/// a comma list for multi-select) by their number key, the others with the
/// number key of the question's default answer ("none of these" for a
/// multi-select): nothing is taken without a choice. An answer that
/// decides the outcome early shows the result; the walk goes back to the
/// summary and answers the rest from there, as a person would. Ends on
/// the summary.
pub fn walk(app: &mut App, answers: &[(&str, &str)]) {
    assert!(matches!(app.screen, Screen::Start { .. }));
    typed(app, "\n");
    let mut guard = 0;
    loop {
        guard += 1;
        assert!(guard < 100, "the walk does not end");
        if let Some(qi) = current(app) {
            answer_here(app, qi, answers);
            continue;
        }
        if matches!(app.screen, Screen::Result(_)) {
            press(app, KeyCode::Esc);
        }
        let open = app
            .rows()
            .iter()
            .position(|r| matches!(r, Row::Question(q) if !app.visited[*q]));
        let Some(row) = open else { break };
        for _ in 0..app.rows().len() {
            press(app, KeyCode::Up);
        }
        for _ in 0..row {
            press(app, KeyCode::Down);
        }
        typed(app, "\n");
    }
    assert!(
        matches!(app.screen, Screen::Summary { .. }),
        "ended on {:?}",
        app.screen
    );
}

/// Answers question `qi`, on screen, as [`walk`] does.
fn answer_here(app: &mut App, qi: usize, answers: &[(&str, &str)]) {
    let question = &CONTENT.questions[qi];
    let Some((_, want)) = answers.iter().find(|(id, _)| *id == question.id) else {
        answer_default(app);
        return;
    };
    let choices = app.choices(qi);
    if question.kind == QuestionKind::Multi {
        for id in want.split(',').filter(|s| !s.is_empty()) {
            let o = question.option_index(id).expect("option");
            let i = choices
                .iter()
                .position(|c| *c == Choice::Toggle(o))
                .expect("offered");
            typed(app, &(i + 1).to_string());
        }
        typed(app, "\n");
        return;
    }
    let answer = match *want {
        "true" => Answer::Bool(true),
        "false" => Answer::Bool(false),
        "unknown" => Answer::Unknown,
        id => Answer::Choice(question.option_index(id).expect("option")),
    };
    let i = choices
        .iter()
        .position(|c| *c == Choice::Set(answer))
        .unwrap_or_else(|| panic!("{want} not offered for {}", question.id));
    typed(app, &(i + 1).to_string());
}

/// Walks to the result page.
pub fn result(app: &mut App, answers: &[(&str, &str)]) {
    walk(app, answers);
    typed(app, "\n");
    assert!(matches!(app.screen, Screen::Result(_)));
}

/// The board meeting under secrecy with members taking part remotely.
pub const BOARD_SECRECY: &[(&str, &str)] = &[
    ("meeting_type", "board"),
    ("secrecy", "true"),
    ("remote_board_members", "true"),
];

/// A recorded training.
pub const RECORDED_TRAINING: &[(&str, &str)] =
    &[("meeting_type", "training"), ("recording", "one_way")];

/// Draws the app into a test terminal of its own size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draws");
    terminal
}

/// The screen as text, one line a row.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
