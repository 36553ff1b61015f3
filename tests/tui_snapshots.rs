//! Every screen drawn into a test terminal at 80x24 and 50x15, in both
//! languages, as text snapshots; and the styles that carry meaning (the
//! highlight, the verdict) checked cell by cell, since a text snapshot does
//! not see a moved highlight.

mod tui_support;

use insta::assert_snapshot;
use motesguide::save::SaveError;
use motesguide::text::Lang;
use motesguide::tui::app::{Action, App, Screen};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// Snapshots `setup`'s screen at both sizes in both languages.
fn screens(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        for lang in [Lang::Sv, Lang::En] {
            let mut a = app(w, h, lang);
            setup(&mut a);
            let terminal = draw(&a);
            assert_snapshot!(
                format!("{name}_{w}x{h}_{}", lang.code()),
                screen_text(&terminal)
            );
        }
    }
}

#[test]
fn start() {
    screens("start", |_| {});
}

#[test]
fn question_with_option_help() {
    screens("question_meeting_type", |a| typed(a, "\n"));
}

#[test]
fn question_with_not_stated_and_unknown() {
    // Ordinary meeting, no protective security.
    screens("question_information_class", |a| typed(a, "\n12"));
}

#[test]
fn question_multi_select() {
    screens("question_sensitive_data", |a| {
        // Ordinary, no protective security, class not set, no secrecy.
        typed(a, "\n1252");
        typed(a, "6");
    });
}

#[test]
fn question_yes_no_for_a_board_meeting() {
    screens("question_remote_board_members", |a| {
        // Committee meeting; then each answer by its number.
        typed(a, "\n2252812");
        assert_eq!(current(a), Some(q("remote_board_members")));
    });
}

#[test]
fn summary() {
    screens("summary_board_secrecy", |a| walk(a, BOARD_SECRECY));
}

#[test]
fn result_board_secrecy() {
    screens("result_board_secrecy_overview", |a| {
        result(a, BOARD_SECRECY)
    });
    screens("result_board_secrecy_participants", |a| {
        result(a, BOARD_SECRECY);
        press(a, KeyCode::Tab);
        typed(a, " ");
    });
    screens("result_board_secrecy_why", |a| {
        result(a, BOARD_SECRECY);
        typed(a, "4");
    });
}

#[test]
fn result_recorded_training() {
    screens("result_recorded_training_overview", |a| {
        result(a, RECORDED_TRAINING)
    });
    screens("result_recorded_training_organiser", |a| {
        result(a, RECORDED_TRAINING);
        typed(a, "3");
    });
}

#[test]
fn result_no_digital_meeting() {
    screens("result_security_classified", |a| {
        result(a, &[("security_classified", "true")]);
    });
}

/// Security classification answered yes: the result comes at once and
/// names the questions it did not need.
#[test]
fn result_decided_early() {
    screens("result_decided_early", |a| {
        typed(a, "\n11");
        assert!(matches!(a.screen, Screen::Result(_)));
    });
}

#[test]
fn result_resting_on_a_dont_know() {
    screens("result_unknown_secrecy", |a| {
        result(a, &[("secrecy", "unknown")])
    });
}

#[test]
fn save_dialog() {
    screens("save_dialog", |a| {
        result(a, RECORDED_TRAINING);
        typed(a, "s");
    });
    screens("save_overwrite", |a| {
        result(a, RECORDED_TRAINING);
        typed(a, "s");
        a.update(Action::Saved(Err(SaveError::Exists(
            "/home/organiser/checklista-deltagare.md".into(),
        ))));
    });
}

#[test]
fn help_overlay() {
    screens("help_question", |a| typed(a, "\n?"));
}

#[test]
fn quit_confirmation() {
    screens("quit_confirmation", |a| typed(a, "\n2q"));
}

#[test]
fn scenario_picker() {
    screens("scenarios", |a| typed(a, "s"));
    screens("scenarios_third", |a| typed(a, "sjj"));
}

#[test]
fn summary_of_a_scenario() {
    screens("summary_scenario", |a| {
        let i = motesguide_scenario("namndsmote-sekretess");
        typed(a, "s");
        a.update(Action::Pick(i));
    });
}

#[test]
fn compare_and_what_if() {
    screens("result_board_secrecy_compare", |a| {
        result(a, BOARD_SECRECY);
        typed(a, "5j");
    });
    screens("result_board_secrecy_what_if", |a| {
        result(a, BOARD_SECRECY);
        typed(a, "6");
    });
    screens("result_what_if_applied", |a| {
        result(a, BOARD_SECRECY);
        typed(a, "6\n");
    });
}

#[test]
fn presentation_result() {
    screens("presentation_board_secrecy", |a| {
        result(a, BOARD_SECRECY);
        typed(a, "v");
    });
    screens("presentation_security_classified", |a| {
        result(a, &[("security_classified", "true")]);
        typed(a, "v");
    });
    screens("presentation_start", |a| typed(a, "v"));
    // A question on a projector: its help and source stay in view.
    screens("presentation_question", |a| typed(a, "v\n"));
    // A weekly meeting to be recorded: the refusal is the point, in large
    // letters too.
    screens("presentation_recording_refused", |a| {
        result(a, &[("recording", "ordinary")]);
        typed(a, "v");
    });
}

fn motesguide_scenario(id: &str) -> usize {
    CONTENT
        .scenario(id)
        .expect("the scenario is in the library")
}

#[test]
fn too_small() {
    for lang in [Lang::Sv, Lang::En] {
        let mut a = app(30, 10, lang);
        typed(&mut a, "q");
        assert!(a.quit);
        let a = app(30, 10, lang);
        assert_snapshot!(format!("too_small_{}", lang.code()), screen_text(&draw(&a)));
    }
}

/// The cells of row `y` from `x` on, for `len` cells.
fn cells(buf: &Buffer, x: u16, y: u16, len: u16) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    (x..x + len).map(move |x| &buf[(x, y)])
}

fn row_of(buf: &Buffer, text: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        if let Some(byte) = line.find(text) {
            return (line[..byte].chars().count() as u16, y);
        }
    }
    panic!("{text:?} not on screen")
}

#[test]
fn the_highlight_is_reversed_and_moves_with_the_arrows() {
    for (w, h) in SIZES {
        let mut a = app(w, h, Lang::Sv);
        typed(&mut a, "\n");
        // Nothing is highlighted on an unanswered question.
        let buf = draw(&a).backend().buffer().clone();
        let (x1, y1) = row_of(&buf, "Vanligt möte");
        assert!(cells(&buf, x1, y1, 7).all(|c| !c.modifier.contains(Modifier::REVERSED)));
        press(&mut a, KeyCode::Down);
        let mut terminal = draw(&a);
        let buf = terminal.backend().buffer().clone();
        let (x1, y1) = row_of(&buf, "Vanligt möte");
        let (x2, y2) = row_of(&buf, "Nämndsmöte");
        assert!(cells(&buf, x1, y1, 7).all(|c| c.modifier.contains(Modifier::REVERSED)));
        assert!(cells(&buf, x2, y2, 7).all(|c| !c.modifier.contains(Modifier::REVERSED)));
        assert_eq!(buf[(x1 - 8, y1)].symbol(), "▶");
        terminal
            .backend_mut()
            .assert_cursor_position(Position::new(x1 - 8, y1));

        press(&mut a, KeyCode::Down);
        let mut terminal = draw(&a);
        let buf = terminal.backend().buffer().clone();
        assert!(cells(&buf, x1, y1, 7).all(|c| !c.modifier.contains(Modifier::REVERSED)));
        assert!(cells(&buf, x2, y2, 7).all(|c| c.modifier.contains(Modifier::REVERSED)));
        assert_eq!(buf[(x2 - 8, y2)].symbol(), "▶");
        assert_eq!(buf[(x1 - 8, y1)].symbol(), " ");
        terminal
            .backend_mut()
            .assert_cursor_position(Position::new(x2 - 8, y2));
    }
}

#[test]
fn the_summary_highlight_and_cursor_follow_the_row() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, BOARD_SECRECY);
    let mut terminal = draw(&a);
    let buf = terminal.backend().buffer().clone();
    let (x, y) = row_of(&buf, "Visa resultat");
    assert!(cells(&buf, x, y, 4).all(|c| c.modifier.contains(Modifier::REVERSED)));
    // The caret stands at the row's start: "▶ 12 Visa resultat".
    terminal
        .backend_mut()
        .assert_cursor_position(Position::new(x - 5, y));
    press(&mut a, KeyCode::Up);
    let buf = draw(&a).backend().buffer().clone();
    let (x, y) = row_of(&buf, "Inspelning");
    assert!(cells(&buf, x, y, 10).all(|c| c.modifier.contains(Modifier::REVERSED)));
    let (x, y) = row_of(&buf, "Visa resultat");
    assert!(cells(&buf, x, y, 4).all(|c| !c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn the_ticked_item_and_the_current_tab_are_marked() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    press(&mut a, KeyCode::Tab);
    typed(&mut a, " j");
    let buf = draw(&a).backend().buffer().clone();
    let (x, y) = row_of(&buf, "2 Deltagare 1/");
    assert!(cells(&buf, x, y, 11).all(|c| c.modifier.contains(Modifier::REVERSED)));
    let (x, y) = row_of(&buf, "1 Översikt");
    assert!(cells(&buf, x, y, 10).all(|c| !c.modifier.contains(Modifier::REVERSED)));
    let (_, first) = row_of(&buf, "[x]  1.");
    let (_, second) = row_of(&buf, "▶ [ ]  2.");
    assert!(second > first);
}

#[test]
fn the_verdict_has_a_symbol_and_colour_only_repeats_it() {
    for colour in [false, true] {
        let mut a = app(80, 24, Lang::Sv);
        a.colour = colour;
        result(&mut a, BOARD_SECRECY);
        let buf = draw(&a).backend().buffer().clone();
        let (x, y) = row_of(&buf, "✓ Digitalt möte tillåtet på");
        let verdict: Vec<_> = cells(&buf, x, y, 20).collect();
        assert!(verdict.iter().all(|c| c.modifier.contains(Modifier::BOLD)));
        let green = verdict.iter().all(|c| c.fg == Color::Green);
        assert_eq!(green, colour);
        if !colour {
            assert!(
                buf.content
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
            );
        }
    }
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, &[("security_classified", "true")]);
    let text = screen_text(&draw(&a));
    assert!(text.contains("✗ INGET DIGITALT MÖTE"));
}

#[test]
fn scrolled_pages_keep_the_highlight_on_screen() {
    let mut a = app(50, 15, Lang::En);
    result(&mut a, BOARD_SECRECY);
    press(&mut a, KeyCode::Tab);
    for _ in 0..8 {
        press(&mut a, KeyCode::Down);
    }
    let Screen::Result(view) = &a.screen else {
        panic!()
    };
    assert_eq!(view.cursor[1], 8);
    let mut terminal = draw(&a);
    let text = screen_text(&terminal);
    assert!(text.contains("▶ [ ]  9."), "{text}");
    let (x, y) = row_of(terminal.backend().buffer(), "▶ [ ]  9.");
    terminal
        .backend_mut()
        .assert_cursor_position(Position::new(x, y));
    press(&mut a, KeyCode::PageDown);
    press(&mut a, KeyCode::End);
    let text = screen_text(&draw(&a));
    let last = a_items(&a);
    assert!(text.contains(&format!("▶ [ ] {last:>2}.")), "{text}");
}

fn a_items(a: &App) -> usize {
    match &a.screen {
        Screen::Result(v) => v.report.participants.len(),
        _ => 0,
    }
}

#[test]
fn the_compare_highlight_and_the_difference_mark() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "5");
    // Bring the second profile into view and highlight it.
    typed(&mut a, "j");
    let buf = draw(&a).backend().buffer().clone();
    let (x, y) = row_of(&buf, "2. Bilaga 6");
    assert!(cells(&buf, x, y, 10).all(|c| c.modifier.contains(Modifier::REVERSED)));
    assert_eq!(buf[(x - 2, y)].symbol(), "▶");
    // Its decision differs from the profile in use: marked, in bold.
    let (x, y) = row_of(&buf, "≠ Klass 3");
    assert!(cells(&buf, x, y, 9).all(|c| c.modifier.contains(Modifier::BOLD)));
    typed(&mut a, "k");
    let buf = draw(&a).backend().buffer().clone();
    let (x, y) = row_of(&buf, "1. Standard");
    assert!(cells(&buf, x, y, 10).all(|c| c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn presentation_is_bold_throughout_with_large_letters_where_they_fit() {
    for colour in [false, true] {
        let mut a = app(80, 24, Lang::Sv);
        a.colour = colour;
        result(&mut a, BOARD_SECRECY);
        typed(&mut a, "v");
        let buf = draw(&a).backend().buffer().clone();
        assert!(
            buf.content
                .iter()
                .all(|c| c.modifier.contains(Modifier::BOLD) && !c.modifier.contains(Modifier::DIM))
        );
        // Large letters: block glyphs fill rows of the verdict frame.
        let text = screen_text(&draw(&a));
        assert!(text.lines().nth(2).unwrap().contains('▙'), "{text}");
        assert!(text.contains("✓ Digitalt möte tillåtet på: Sefos eller ProRenata"));
        let (x, y) = row_of(&buf, "▙");
        assert_eq!(buf[(x, y)].fg == Color::Green, colour);
        if !colour {
            assert!(
                buf.content
                    .iter()
                    .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
                "NO_COLOR holds in presentation mode"
            );
        }
        // Headings in reverse video.
        typed(&mut a, "4");
        let buf = draw(&a).backend().buffer().clone();
        let (x, y) = row_of(&buf, "Varför – regler");
        assert!(cells(&buf, x, y, 6).all(|c| c.modifier.contains(Modifier::REVERSED)));
    }
    // Too low a window: the verdict in ordinary bold letters.
    let mut a = app(50, 15, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "v");
    let text = screen_text(&draw(&a));
    assert!(!text.contains('▙'), "{text}");
    assert!(text.contains("✓ Digitalt möte tillåtet på"));
}

// ---------------------------------------------------------------------
// Colours on an 8/16-colour terminal, and the profiles compared side by
// side (issue 8, items 15 and 16).
// ---------------------------------------------------------------------

mod colours {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use motesguide::text::Lang;
    use motesguide::tui::palette::Palette;
    use motesguide::tui::view;
    use ratatui::backend::CrosstermBackend;
    use ratatui::crossterm::style::Colored;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::tui_support::*;

    /// A writer whose bytes the test can read after the backend is done.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The bytes the wizard's real backend writes for the board meeting's
    /// result, on a terminal with `TERM=term`.
    fn bytes(term: &str, colour: bool) -> String {
        // crossterm reads NO_COLOR itself; here the app's own setting is
        // what is tested, whatever the environment of the test run.
        Colored::set_ansi_color_disabled(false);
        let mut a = app(80, 24, Lang::Sv);
        a.colour = colour;
        result(&mut a, BOARD_SECRECY);
        let out = Shared::default();
        let palette = Palette::detect(Some(term), None);
        let backend = CrosstermBackend::new(palette.writer(out.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, a.size.0, a.size.1));
        let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })
            .expect("a terminal of fixed size");
        terminal
            .draw(|frame| view::render(&a, frame))
            .expect("draws");
        drop(terminal);
        let bytes = out.0.lock().unwrap().clone();
        String::from_utf8(bytes).expect("UTF-8")
    }

    /// The parameters of every SGR sequence (`ESC [ … m`) in `s`.
    fn sgr_params(s: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for part in s.split("\x1b[").skip(1) {
            let end = part
                .find(|c: char| ('\x40'..='\x7e').contains(&c))
                .expect("a final byte");
            if part[end..].starts_with('m') {
                out.push(part[..end].split(';').map(str::to_owned).collect());
            }
        }
        out
    }

    fn is_colour(p: &str) -> bool {
        matches!(
            p.parse::<u16>(),
            Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
        )
    }

    #[test]
    fn an_xterm_gets_only_basic_colour_codes() {
        let out = bytes("xterm", true);
        assert!(!out.contains("38;5;") && !out.contains("48;5;"), "{out:?}");
        let params: Vec<String> = sgr_params(&out).into_iter().flatten().collect();
        for p in &params {
            assert!(
                !matches!(p.as_str(), "38" | "48" | "58"),
                "an extended colour code: {p}"
            );
        }
        // The permitted verdict in green, as the basic code for it.
        assert!(params.iter().any(|p| p == "32"), "{out:?}");
    }

    #[test]
    fn a_256_colour_terminal_gets_crossterms_output_as_before() {
        let out = bytes("xterm-256color", true);
        assert!(out.contains("38;5;2"), "{out:?}");
    }

    #[test]
    fn no_color_writes_no_colour_code_on_any_terminal() {
        for term in ["xterm", "xterm-256color"] {
            let out = bytes(term, false);
            let params: Vec<String> = sgr_params(&out).into_iter().flatten().collect();
            assert!(params.iter().all(|p| !is_colour(p)), "{term}: {params:?}");
            assert!(out.contains("Digitalt möte tillåtet på"));
        }
    }
}

mod side_by_side {
    use insta::assert_snapshot;
    use motesguide::text::Lang;
    use motesguide::tui::app::App;
    use ratatui::crossterm::event::KeyCode;
    use ratatui::style::Modifier;

    use super::tui_support::*;
    use super::{cells, row_of};

    /// Snapshots `setup`'s screen wide enough for the profiles side by
    /// side and at 80x24, where they stand one below the other, in both
    /// languages.
    fn wide_and_narrow(name: &str, setup: impl Fn(&mut App)) {
        for (w, h) in [(120, 30), (80, 24)] {
            for lang in [Lang::Sv, Lang::En] {
                let mut a = app(w, h, lang);
                setup(&mut a);
                assert_snapshot!(
                    format!("{name}_{w}x{h}_{}", lang.code()),
                    screen_text(&draw(&a))
                );
            }
        }
    }

    #[test]
    fn the_profiles_compared() {
        wide_and_narrow("compare_board_secrecy", |a| {
            result(a, BOARD_SECRECY);
            typed(a, "5");
        });
    }

    #[test]
    fn side_by_side_the_names_and_decisions_stand_level_and_the_keys_still_work() {
        let mut a = app(120, 30, Lang::Sv);
        result(&mut a, BOARD_SECRECY);
        typed(&mut a, "5j");
        let buf = draw(&a).backend().buffer().clone();
        let (x1, y1) = row_of(&buf, "1. Standard");
        let (x2, y2) = row_of(&buf, "2. Bilaga 6");
        assert_eq!(y1, y2, "the names on one row");
        assert!(x2 > x1 + 46);
        // The highlight is on the second column's name alone.
        assert!(cells(&buf, x2, y2, 10).all(|c| c.modifier.contains(Modifier::REVERSED)));
        assert!(cells(&buf, x1, y1, 10).all(|c| !c.modifier.contains(Modifier::REVERSED)));
        assert_eq!(buf[(x2 - 2, y2)].symbol(), "▶");
        // The decisions level, the differing one marked in bold.
        let (_, own) = row_of(&buf, "Klass 3: Sefos eller ProRenata");
        let (x, other) = row_of(&buf, "≠ Klass 3: Skype");
        assert_eq!(own, other);
        assert!(x > x2 - 2);
        assert!(cells(&buf, x, other, 16).all(|c| c.modifier.contains(Modifier::BOLD)));
        // Only the other profile's column is marked hypothetical.
        let (x, _) = row_of(&buf, "⚠ HYPOTETISKT");
        assert!(x > x1 + 46);
        // A click on the shared rows cannot tell the columns apart, so it
        // picks nothing; Enter takes the highlighted profile.
        assert_eq!(motesguide::tui::view::hit(&a, x2, y2), None);
        assert_eq!(motesguide::tui::view::hit(&a, x1, y1), None);
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.profile, 1);
        assert_eq!(a.previous.len(), 1);
    }

    #[test]
    fn below_a_column_each_for_two_the_profiles_stand_one_below_the_other() {
        for (w, side_by_side) in [(98, true), (97, false)] {
            let mut a = app(w, 30, Lang::Sv);
            result(&mut a, BOARD_SECRECY);
            typed(&mut a, "5");
            let buf = draw(&a).backend().buffer().clone();
            let (_, y1) = row_of(&buf, "1. Standard");
            let (_, y2) = row_of(&buf, "2. Bilaga 6");
            assert_eq!(y1 == y2, side_by_side, "{w} columns");
        }
    }

    #[test]
    fn the_profiles_compared_while_another_profile_is_tried() {
        // Bilaga 6 tried from the comparison, then the comparison again:
        // Standard is now the meeting's own result.
        wide_and_narrow("compare_trying_bilaga_6", |a| {
            result(a, BOARD_SECRECY);
            typed(a, "5j\n5");
        });
    }

    #[test]
    fn the_profiles_compared_while_an_answer_is_tried() {
        wide_and_narrow("compare_trying_an_answer", |a| {
            result(a, BOARD_SECRECY);
            typed(a, "6\n5");
        });
    }
}
