//! Keys to actions, per screen, from one table.
//!
//! [`bindings`] lists what the keys do in the current state; [`map_key`]
//! dispatches through it and [`footer`] and [`help`] are drawn from it, so
//! the keys shown are exactly the keys handled (gitui's `commands()` idea).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::content::QuestionKind;
use crate::text::Lang;
use crate::tui::app::{Action, App, Modal, Row, Screen, Section};
use crate::tui::strings::Strings;
use crate::tui::view;

/// A key, or a family of keys, a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    /// A letter or sign, either case.
    Char(char),
    Ctrl(char),
    /// The number keys 1 to n.
    Digits(u8),
    /// Any number key, 0 to 9: a row number typed digit by digit.
    AnyDigit,
    /// Any printable character (the file name line).
    Text,
}

/// What a binding does; number and text keys carry what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    Pick,
    Section,
    /// A digit of a row number.
    Digit,
    Insert,
}

/// The words shown for a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Move,
    Next,
    Start,
    Choose,
    ChooseProfile,
    Mark,
    /// A multi-select question's last number: "none of these".
    NoneOfThese,
    /// The start page's way to open an answer code.
    EnterCode,
    /// The code dialog's Enter.
    OpenCode,
    /// Number keys: the row with that number.
    GoToRow,
    Tick,
    Back,
    Scroll,
    FirstLast,
    Section,
    Help,
    Close,
    Quit,
    Activate,
    NewMeeting,
    Save,
    Print,
    SwitchContents,
    Cancel,
    Cursor,
    Erase,
    Yes,
    No,
    Language,
    Type,
    Scenarios,
    Open,
    TryIt,
    Presentation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub does: Does,
    pub label: Label,
    /// Shown in the footer (all bindings are listed in the help overlay).
    pub footer: bool,
}

/// Builds a table in the order the footer shows it.
#[derive(Default)]
struct Table(Vec<Binding>);

impl Table {
    fn add(&mut self, keys: &[Key], action: Action, label: Label) -> &mut Self {
        self.bind(keys, Does::Act(action), label, true)
    }

    fn hidden(&mut self, keys: &[Key], action: Action, label: Label) -> &mut Self {
        self.bind(keys, Does::Act(action), label, false)
    }

    fn bind(&mut self, keys: &[Key], does: Does, label: Label, footer: bool) -> &mut Self {
        self.0.push(Binding {
            keys: keys.to_vec(),
            does,
            label,
            footer,
        });
        self
    }
}

use Key::{Char, Code, Ctrl};

const UP: &[Key] = &[Code(KeyCode::Up), Char('k')];
const DOWN: &[Key] = &[Code(KeyCode::Down), Char('j')];
const BACK: &[Key] = &[
    Code(KeyCode::Left),
    Code(KeyCode::Backspace),
    Code(KeyCode::Esc),
];
const NEXT: &[Key] = &[Code(KeyCode::Enter), Code(KeyCode::Right)];
const NO: &[Key] = &[Char('n'), Code(KeyCode::Esc), Code(KeyCode::Enter)];

/// Every binding that works in the state `app` is in now.
pub fn bindings(app: &App) -> Vec<Binding> {
    table(app, None)
}

/// The bindings, with whether the page overflows either measured (`None`)
/// or assumed. The layout sizes the footer from the assumed superset, since
/// measuring the page needs the footer's height.
fn table(app: &App, assume_overflow: Option<bool>) -> Vec<Binding> {
    // "j" for ja, "y" for yes: both work, the footer shows the reader's.
    let yes: &[Key] = match app.lang {
        Lang::Sv => &[Char('j'), Char('y')],
        Lang::En => &[Char('y'), Char('j')],
    };
    let mut t = Table::default();
    t.hidden(&[Ctrl('c')], Action::Interrupt, Label::Quit);
    if app.too_small() {
        if app.modal == Some(Modal::Quit) {
            t.add(yes, Action::Yes, Label::Yes)
                .add(NO, Action::No, Label::No);
        } else {
            t.add(&[Char('q')], Action::Quit, Label::Quit);
        }
        return t.0;
    }
    match &app.modal {
        Some(Modal::Help { .. }) => {
            t.add(
                &[
                    Code(KeyCode::Esc),
                    Char('?'),
                    Code(KeyCode::F(1)),
                    Code(KeyCode::Enter),
                    Char('q'),
                ],
                Action::Close,
                Label::Close,
            );
            let overflows = assume_overflow.unwrap_or_else(|| {
                view::help_pane(app).is_some_and(|p| p.doc.height() > usize::from(p.area.height))
            });
            if overflows {
                t.add(UP, Action::Up, Label::Scroll)
                    .add(DOWN, Action::Down, Label::Scroll)
                    .hidden(&[Code(KeyCode::PageUp)], Action::PageUp, Label::Scroll)
                    .hidden(&[Code(KeyCode::PageDown)], Action::PageDown, Label::Scroll);
            }
        }
        Some(Modal::Quit | Modal::Restart | Modal::Scenario(_)) => {
            t.add(yes, Action::Yes, Label::Yes)
                .add(NO, Action::No, Label::No);
        }
        Some(Modal::Export(form)) if form.exists.is_some() => {
            t.add(yes, Action::Yes, Label::Yes)
                .add(NO, Action::No, Label::No);
        }
        Some(Modal::Code(_)) => {
            t.add(&[Code(KeyCode::Enter)], Action::Submit, Label::OpenCode)
                .add(&[Code(KeyCode::Esc)], Action::Close, Label::Cancel)
                .hidden(&[Code(KeyCode::Backspace)], Action::Erase, Label::Erase)
                .hidden(&[Ctrl('u')], Action::ClearField, Label::Erase)
                .bind(&[Key::Text], Does::Insert, Label::Type, false);
        }
        Some(Modal::Export(_)) => {
            t.add(&[Code(KeyCode::Enter)], Action::Submit, Label::Save)
                .add(&[Code(KeyCode::Esc)], Action::Close, Label::Cancel)
                .add(
                    &[Code(KeyCode::Tab)],
                    Action::SwitchKind,
                    Label::SwitchContents,
                )
                .hidden(&[Code(KeyCode::Left)], Action::CursorLeft, Label::Cursor)
                .hidden(&[Code(KeyCode::Right)], Action::CursorRight, Label::Cursor)
                .hidden(&[Code(KeyCode::Home)], Action::CursorHome, Label::Cursor)
                .hidden(&[Code(KeyCode::End)], Action::CursorEnd, Label::Cursor)
                .hidden(&[Code(KeyCode::Backspace)], Action::Erase, Label::Erase)
                .hidden(&[Code(KeyCode::Delete)], Action::EraseForward, Label::Erase)
                .hidden(&[Ctrl('u')], Action::ClearField, Label::Erase)
                .bind(&[Key::Text], Does::Insert, Label::Type, false);
        }
        None => {
            let overflows = assume_overflow.unwrap_or_else(|| {
                view::pane(app).is_some_and(|p| p.doc.height() > usize::from(p.area.height))
            });
            screen_bindings(app, &mut t, overflows);
        }
    }
    t.0
}

/// The footer as it would be if the page overflowed: every key it could
/// show, for sizing the footer.
pub fn footer_at_most(app: &App) -> Vec<Hint> {
    let s = app.strings();
    let bindings = table(app, Some(true));
    group(
        bindings.iter().filter(|b| b.footer),
        |b| key_name(b.keys[0], s),
        false,
        app,
    )
}

fn screen_bindings(app: &App, t: &mut Table, overflows: bool) {
    let scroll = |t: &mut Table| {
        if overflows {
            t.add(&[Code(KeyCode::PageUp)], Action::PageUp, Label::Scroll)
                .add(&[Code(KeyCode::PageDown)], Action::PageDown, Label::Scroll);
        }
    };
    match &app.screen {
        Screen::Start { .. } => {
            let profiles = app.content.profiles.len();
            if profiles > 1 {
                t.add(UP, Action::Up, Label::ChooseProfile)
                    .add(DOWN, Action::Down, Label::ChooseProfile)
                    .bind(
                        &[Key::Digits(digits(profiles))],
                        Does::Pick,
                        Label::ChooseProfile,
                        false,
                    );
            }
            // From the summary, Enter goes back there rather than starting.
            let label = if app.editing {
                Label::Next
            } else {
                Label::Start
            };
            t.add(NEXT, Action::Next, label);
            if app.editing {
                t.add(BACK, Action::Back, Label::Back);
            } else if !app.content.scenarios.is_empty() {
                t.add(&[Char('s')], Action::Scenarios, Label::Scenarios);
            }
            // The helpdesk opens the caller's answers by their code, when
            // no answers of this session would be lost.
            if !app.editing && !app.unsaved() {
                t.add(&[Char('c')], Action::EnterCode, Label::EnterCode);
            }
            scroll(t);
            t.add(&[Char('l')], Action::ToggleLang, Label::Language);
        }
        Screen::Scenarios { .. } => {
            t.add(UP, Action::Up, Label::Move)
                .add(DOWN, Action::Down, Label::Move)
                .bind(&[Key::AnyDigit], Does::Digit, Label::GoToRow, true)
                .add(&[Code(KeyCode::Enter)], Action::Next, Label::Open)
                .add(BACK, Action::Back, Label::Back)
                .hidden(&[Code(KeyCode::Home)], Action::Home, Label::FirstLast)
                .hidden(&[Code(KeyCode::End)], Action::End, Label::FirstLast);
            scroll(t);
            t.add(&[Char('l')], Action::ToggleLang, Label::Language);
        }
        Screen::Question { q, .. } => {
            let multi = app.content.questions[*q].kind == QuestionKind::Multi;
            let n = app.choices(*q).len();
            t.add(UP, Action::Up, Label::Move)
                .add(DOWN, Action::Down, Label::Move);
            if multi {
                // The options' numbers mark; the last one, "none of these",
                // is an answer of its own and says so.
                t.add(&[Char(' ')], Action::Toggle, Label::Mark).bind(
                    &[Key::Digits(digits(n.saturating_sub(1)))],
                    Does::Pick,
                    Label::Mark,
                    true,
                );
                if let Some(last) = char::from_digit(n as u32, 10).filter(|_| n >= 1) {
                    t.add(&[Char(last)], Action::Pick(n - 1), Label::NoneOfThese);
                }
            } else {
                t.bind(&[Key::Digits(digits(n))], Does::Pick, Label::Choose, true);
            }
            t.add(NEXT, Action::Next, Label::Next)
                .add(BACK, Action::Back, Label::Back)
                .hidden(&[Code(KeyCode::Home)], Action::Home, Label::FirstLast)
                .hidden(&[Code(KeyCode::End)], Action::End, Label::FirstLast);
            scroll(t);
            t.add(&[Char('l')], Action::ToggleLang, Label::Language);
        }
        Screen::Summary { .. } => {
            t.add(UP, Action::Up, Label::Move)
                .add(DOWN, Action::Down, Label::Move)
                .bind(&[Key::AnyDigit], Does::Digit, Label::GoToRow, true)
                .add(&[Code(KeyCode::Enter)], Action::Next, Label::Activate)
                .add(BACK, Action::Back, Label::Back)
                .hidden(&[Code(KeyCode::Home)], Action::Home, Label::FirstLast)
                .hidden(&[Code(KeyCode::End)], Action::End, Label::FirstLast);
            scroll(t);
            t.add(&[Char('n')], Action::StartAgain, Label::NewMeeting)
                .add(&[Char('l')], Action::ToggleLang, Label::Language);
        }
        Screen::Result(view) => {
            let section = view.section();
            let list = section.is_list() && view.items(section) > 0;
            // ←/→ move between the tabs, as in any tab bar; going back a
            // page is Esc or Backspace.
            t.add(
                &[Code(KeyCode::Left), Code(KeyCode::BackTab)],
                Action::PrevSection,
                Label::Section,
            )
            .add(
                &[Code(KeyCode::Right), Code(KeyCode::Tab)],
                Action::NextSection,
                Label::Section,
            )
            .bind(
                &[Key::Digits(Section::ALL.len() as u8)],
                Does::Section,
                Label::Section,
                false,
            );
            if list {
                t.add(UP, Action::Up, Label::Move)
                    .add(DOWN, Action::Down, Label::Move);
                if section.checklist().is_some() {
                    t.add(&[Char(' ')], Action::Toggle, Label::Tick);
                } else {
                    t.add(&[Code(KeyCode::Enter)], Action::Next, Label::TryIt);
                }
            } else if overflows {
                t.add(UP, Action::Up, Label::Scroll)
                    .add(DOWN, Action::Down, Label::Scroll);
            }
            scroll(t);
            if overflows {
                t.hidden(&[Code(KeyCode::Home)], Action::Home, Label::FirstLast)
                    .hidden(&[Code(KeyCode::End)], Action::End, Label::FirstLast);
            }
            t.add(&[Char('s')], Action::Save, Label::Save)
                .add(&[Char('p')], Action::TogglePrint, Label::Print)
                .add(
                    &[Code(KeyCode::Esc), Code(KeyCode::Backspace)],
                    Action::Back,
                    Label::Back,
                )
                .add(&[Char('n')], Action::StartAgain, Label::NewMeeting)
                .add(&[Char('l')], Action::ToggleLang, Label::Language);
        }
    }
    // It works on every page, so every footer names it (a narrow footer
    // leaves it out before the page's own keys).
    t.bind(
        &[Char('v'), Code(KeyCode::F(2))],
        Does::Act(Action::TogglePresentation),
        Label::Presentation,
        true,
    )
    .add(&[Char('?'), Code(KeyCode::F(1))], Action::Help, Label::Help)
    .add(&[Char('q')], Action::Quit, Label::Quit);
}

fn digits(n: usize) -> u8 {
    n.clamp(1, 9) as u8
}

/// The action a terminal event asks for in the current state, if any.
pub fn map_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(app, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        // Pasted text goes into a text field whole; elsewhere it is
        // ignored rather than read as a burst of keys.
        Event::Paste(text) if matches!(app.modal, Some(Modal::Export(_) | Modal::Code(_))) => {
            Some(Action::Paste(text.clone()))
        }
        Event::Mouse(m) if !app.too_small() => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => view::hit(app, m.column, m.row),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            _ => None,
        },
        _ => None,
    }
}

/// The action a key press asks for: only presses count, not the releases
/// and repeats some terminals also report.
pub fn map_key(app: &App, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    bindings(app).into_iter().find_map(|b| {
        let typed = b.keys.iter().find_map(|k| matches(*k, key))?;
        Some(match b.does {
            Does::Act(a) => a,
            Does::Pick => Action::Pick(digit_value(typed)?),
            Does::Section => Action::Section(digit_value(typed)?),
            Does::Digit => Action::Digit(u8::try_from(typed.to_digit(10)?).ok()?),
            Does::Insert => Action::Insert(typed),
        })
    })
}

fn digit_value(c: char) -> Option<usize> {
    c.to_digit(10).map(|d| d as usize - 1)
}

/// The character a key event typed, if `key` answers to it.
fn matches(key: Key, event: &KeyEvent) -> Option<char> {
    let m = event.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let alt = m.contains(KeyModifiers::ALT);
    // AltGr arrives as Ctrl+Alt on some systems; it types characters.
    let plain = ctrl == alt;
    let typed = match event.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    };
    match key {
        Key::Code(code) => (event.code == code && !ctrl && !alt).then_some('\0'),
        Key::Char(c) => typed
            .filter(|t| !ctrl && !alt && t.to_lowercase().eq(c.to_lowercase()))
            .map(|_| c),
        Key::Ctrl(c) => typed.filter(|t| ctrl && !alt && t.eq_ignore_ascii_case(&c)),
        Key::AnyDigit => typed.filter(|t| !ctrl && !alt && t.is_ascii_digit()),
        Key::Digits(n) => typed.filter(|t| {
            !ctrl && !alt && t.to_digit(10).is_some_and(|d| d >= 1 && d <= u32::from(n))
        }),
        Key::Text => typed.filter(|t| plain && !t.is_control()),
    }
}

/// A key as a person reads it.
pub fn key_name(key: Key, s: &Strings) -> String {
    match key {
        Key::Code(code) => match code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => s.key_backspace.into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => other.to_string(),
        },
        Key::Char(' ') => s.key_space.into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
        Key::AnyDigit => "0–9".into(),
        Key::Digits(1) => "1".into(),
        Key::Digits(n) => format!("1–{n}"),
        Key::Text => "abc".into(),
    }
}

/// The words for a label in the current state.
pub fn label_text(label: Label, app: &App) -> &'static str {
    let s = app.strings();
    match label {
        Label::Move => s.move_,
        Label::Next => s.next,
        Label::Start => s.start,
        Label::Choose => s.choose,
        Label::ChooseProfile => s.choose_profile,
        Label::Mark => s.mark,
        Label::NoneOfThese => s.none_of_these,
        Label::EnterCode => s.enter_code,
        Label::OpenCode => s.open,
        Label::GoToRow => s.go_to_row,
        Label::Tick => s.tick,
        Label::Back => s.back,
        Label::Scroll => s.scroll,
        Label::FirstLast => s.first_last,
        Label::Section => s.section,
        Label::Help => s.help,
        Label::Close => s.close,
        Label::Quit => s.quit,
        Label::Activate => match &app.screen {
            Screen::Summary { cursor, .. } if app.rows().get(*cursor) == Some(&Row::ShowResult) => {
                s.show_result
            }
            _ => s.change,
        },
        Label::NewMeeting => s.new_meeting,
        Label::Save => s.save,
        Label::Print if app.print_on_exit => s.print_on,
        Label::Print => s.print_off,
        Label::SwitchContents => s.switch_contents,
        Label::Cancel => s.cancel,
        Label::Cursor => s.cursor,
        Label::Erase => s.erase,
        Label::Yes => s.yes,
        Label::No => s.no,
        Label::Language => other_language(app),
        Label::Type => s.file,
        Label::Scenarios => s.scenarios,
        Label::Open => s.open,
        Label::TryIt => s.try_it,
        Label::Presentation => s.presentation,
    }
}

/// The language key's label names the language it switches to, in that
/// language, so a person who reads only that one finds it.
fn other_language(app: &App) -> &'static str {
    crate::tui::strings::strings(app.lang.other()).lang_name
}

/// One footer entry: key names and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
    /// When the footer is too narrow, the lowest go first; help and quit
    /// (the highest) always stay.
    pub priority: u8,
}

impl Label {
    /// How much a person needs to see this key in a narrow footer.
    fn priority(self) -> u8 {
        match self {
            Label::Help | Label::Quit => u8::MAX,
            Label::Next
            | Label::Start
            | Label::Activate
            | Label::Back
            | Label::Section
            | Label::Cancel
            | Label::Yes
            | Label::No
            | Label::Mark
            | Label::NoneOfThese
            | Label::OpenCode
            | Label::GoToRow
            | Label::Tick
            | Label::Open
            | Label::TryIt => 4,
            Label::Move
            | Label::Save
            | Label::ChooseProfile
            | Label::SwitchContents
            | Label::Scenarios
            | Label::EnterCode => 3,
            Label::Choose | Label::NewMeeting | Label::Print => 2,
            Label::Scroll
            | Label::FirstLast
            | Label::Close
            | Label::Cursor
            | Label::Erase
            | Label::Presentation => 1,
            Label::Language | Label::Type => 0,
        }
    }
}

/// The footer: the first key of each shown binding, bindings with the same
/// label merged ("↑↓ Move").
pub fn footer(app: &App) -> Vec<Hint> {
    let s = app.strings();
    group(
        bindings(app).iter().filter(|b| b.footer),
        |b| key_name(b.keys[0], s),
        false,
        app,
    )
}

/// The help overlay: every binding of the screen under it, all its keys.
pub fn help(app: &App) -> Vec<Hint> {
    let s = app.strings();
    let overflows = view::pane(app).is_some_and(|p| p.doc.height() > usize::from(p.area.height));
    let mut t = Table::default();
    screen_bindings(app, &mut t, overflows);
    t.hidden(&[Ctrl('c')], Action::Interrupt, Label::Quit);
    group(
        t.0.iter(),
        |b| {
            b.keys
                .iter()
                .map(|k| key_name(*k, s))
                .collect::<Vec<_>>()
                .join(" ")
        },
        true,
        app,
    )
}

fn group<'b>(
    bindings: impl Iterator<Item = &'b Binding>,
    names: impl Fn(&Binding) -> String,
    all_keys: bool,
    app: &App,
) -> Vec<Hint> {
    let mut out: Vec<(Label, Vec<String>)> = Vec::new();
    for b in bindings {
        match out.last_mut() {
            Some((label, keys)) if *label == b.label => keys.push(names(b)),
            _ => out.push((b.label, vec![names(b)])),
        }
    }
    out.into_iter()
        .map(|(label, keys)| {
            // Footer: single signs run together ("↑↓"), words take a slash.
            let mut joined = String::new();
            let mut prev_single = false;
            for k in &keys {
                let single = k.chars().count() == 1;
                if !joined.is_empty() && (all_keys || !(single && prev_single)) {
                    joined.push_str(if all_keys { " " } else { "/" });
                }
                joined.push_str(k);
                prev_single = single;
            }
            Hint {
                keys: joined,
                label: label_text(label, app),
                priority: label.priority(),
            }
        })
        .collect()
}
