//! Random keys, clicks, wheel turns and window sizes (down to 1x1) never
//! make the wizard panic, and never leave its state inconsistent.

mod tui_support;

use motesguide::engine::flow;
use motesguide::save::SaveError;
use motesguide::text::Lang;
use motesguide::tui::app::{Action, App, Effect, Modal, Screen, Section};
use motesguide::tui::{keys, view};
use proptest::prelude::*;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_support::*;

fn key_code() -> impl Strategy<Value = KeyCode> {
    use KeyCode::*;
    prop_oneof![
        8 => Just(Enter),
        2 => Just(Down),
        1 => Just(Up),
        1 => Just(Left),
        1 => Just(Right),
        1 => Just(Esc),
        1 => Just(Backspace),
        2 => Just(Tab),
        1 => Just(BackTab),
        1 => Just(PageUp),
        1 => Just(PageDown),
        1 => Just(Home),
        1 => Just(End),
        1 => Just(Delete),
        1 => Just(F(2)),
        6 => prop::sample::select(vec![
            '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', 'j', 'k', 'q', 'n', 'y', 's', 'p',
            'l', '?', 'x', 'ö', '/', '~', '.', 'v',
        ])
        .prop_map(Char),
    ]
}

/// Mostly windows the wizard works in, sometimes ones it cannot use.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        4 => (40u16..=130, 12u16..=50),
        1 => (1u16..=60, 1u16..=20),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let key = |code, modifiers| {
        Event::Key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        ))
    };
    prop_oneof![
        20 => key_code().prop_map(move |c| key(c, KeyModifiers::NONE)),
        1 => Just(key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        1 => size().prop_map(|(w, h)| Event::Resize(w, h)),
        2 => (0u16..130, 0u16..50, any::<bool>()).prop_map(|(column, row, wheel)| {
            let kind = if wheel {
                MouseEventKind::ScrollDown
            } else {
                MouseEventKind::Down(MouseButton::Left)
            };
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        }),
    ]
}

/// Saving without overwrite finds the file there; with it, succeeds: both
/// answers of the file system, without touching it.
fn fake(effect: Effect) -> Action {
    let Effect::Save {
        base,
        path,
        overwrite,
        ..
    } = effect;
    let path = base.join(path);
    if overwrite {
        Action::Saved(Ok(path))
    } else {
        Action::Saved(Err(SaveError::Exists(path)))
    }
}

/// `scrolled`: the last action scrolled the page (it may scroll past every
/// row that can be highlighted, to read the text below).
fn check(a: &App, scrolled: bool) -> Result<(), TestCaseError> {
    let mut values = a.values.clone();
    prop_assert!(
        flow::normalise(&CONTENT, &mut values).is_empty(),
        "answers not normalised"
    );
    let asked = a.asked();
    for (q, visited) in a.visited.iter().enumerate() {
        prop_assert!(
            !visited || asked.contains(&q),
            "visited question {q} is not asked"
        );
    }
    prop_assert!(a.profile < CONTENT.profiles.len());
    match &a.screen {
        Screen::Question { q, cursor, .. } => {
            prop_assert!(asked.contains(q), "question {q} on screen is not asked");
            prop_assert!(
                cursor.is_none_or(|c| c < a.choices(*q).len()),
                "cursor past the options"
            );
        }
        Screen::Summary { cursor, .. } => prop_assert!(*cursor < a.rows().len()),
        Screen::Result(r) => {
            // Never a result on an answer nobody chose, unless the answers
            // given decide it whatever the rest; then it names them. A trial
            // made from such a result keeps them open.
            let open: Vec<String> = asked
                .iter()
                .filter(|&&q| !a.visited[q])
                .map(|&q| CONTENT.questions[q].id.clone())
                .collect();
            prop_assert!(
                open.is_empty() || !a.previous.is_empty() || a.decided_early(),
                "a result with an unanswered question"
            );
            prop_assert_eq!(&r.report.unanswered, &open);
            prop_assert!(r.section < Section::ALL.len());
            let items = r.items(r.section());
            prop_assert!(r.cursor[r.section] < items.max(1));
        }
        Screen::Scenarios { cursor, .. } => prop_assert!(*cursor < CONTENT.scenarios.len()),
        Screen::Start { .. } => {}
    }
    if let Some(pane) = view::pane(a) {
        let max = pane
            .doc
            .height()
            .saturating_sub(usize::from(pane.area.height));
        prop_assert!(pane.scroll <= max, "scrolled past the page");
        // The highlighted row is always in view, on every page and size;
        // the start page's text may be scrolled past its profile list, and
        // a dialog covers the page until it closes.
        if let Some(r) = pane
            .cursor
            .filter(|_| {
                !scrolled
                    && !a.quit
                    && a.modal.is_none()
                    && pane.area.height > 0
                    && !matches!(a.screen, Screen::Start { .. })
            })
            .and_then(|c| pane.doc.anchors.get(c))
        {
            let height = usize::from(pane.area.height);
            let end = r.end.max(r.start + 1);
            prop_assert!(
                r.start < pane.scroll + height && end > pane.scroll,
                "the highlight ({r:?}) is out of view (scroll {}, height {height}) on {:?}",
                pane.scroll,
                a.screen
            );
        }
        prop_assert!(pane.area.right() <= a.size.0 && pane.area.bottom() <= a.size.1);
    }
    // From 80x24 the footer names every key that works on the page.
    if a.size.0 >= 80 && a.size.1 >= 24 && a.modal.is_none() && !a.too_small() {
        let footer: String = view::footer_lines(a, a.size.0, 3)
            .iter()
            .map(|l| l.to_string() + "\n")
            .collect();
        for hint in keys::footer(a) {
            prop_assert!(
                footer.contains(hint.label),
                "the footer leaves out {:?}: {footer}",
                hint.label
            );
        }
    }
    if let Some(Modal::Export(form)) = &a.modal {
        prop_assert!(form.cursor <= form.path.chars().count());
    }
    if let Some(p) = view::cursor(a) {
        prop_assert!(p.x < a.size.0 && p.y < a.size.1, "cursor off screen");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_or_breaks_the_state(
        lang in prop::sample::select(vec![Lang::Sv, Lang::En]),
        size in size(),
        events in prop::collection::vec(event(), 1..200),
    ) {
        let mut a = app(size.0, size.1, lang);
        draw(&a);
        // Whether the last action that did anything scrolled the page.
        let mut scrolled = false;
        for e in &events {
            if let Some(action) = keys::map_event(&a, e) {
                scrolled = matches!(
                    action,
                    Action::PageUp | Action::PageDown | Action::Scroll(_)
                );
                let mut effect = a.update(action);
                while let Some(e) = effect {
                    effect = a.update(fake(e));
                }
            }
            check(&a, scrolled)?;
            draw(&a);
            if a.quit {
                // Go on with a new session, to reach further in.
                a = app(a.size.0, a.size.1, lang);
            }
        }
    }
}
