//! The wizard's state machine, driven by keys through the real key table,
//! without a terminal.

mod tui_support;

use motesguide::content::Answer;
use motesguide::engine::flow;
use motesguide::engine::parse_answers;
use motesguide::save::SaveError;
use motesguide::text::Lang;
use motesguide::tui::app::{
    Action, Choice, CodeForm, Effect, FormError, Modal, Row, Screen, Section, Status, Trial,
};
use motesguide::tui::export;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_support::*;

#[test]
fn enter_starts_and_walks_forward_and_back_keeps_answers() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n");
    assert_eq!(current(&a), Some(q("meeting_type")));
    typed(&mut a, "2"); // board
    assert_eq!(current(&a), Some(q("security_classified")));
    typed(&mut a, "2"); // no
    assert_eq!(current(&a), Some(q("information_class")));
    typed(&mut a, "<");
    assert_eq!(current(&a), Some(q("security_classified")));
    // Back on a question, the highlight is on the answer given.
    let Screen::Question { cursor, .. } = a.screen else {
        unreachable!()
    };
    assert_eq!(
        a.choices(q("security_classified"))[cursor.expect("a highlight")],
        Choice::Set(Answer::Bool(false))
    );
    typed(&mut a, "<<");
    assert!(matches!(a.screen, Screen::Start { .. }));
    assert_eq!(a.values[q("meeting_type")], Answer::Choice(1));
    assert_eq!(a.values[q("security_classified")], Answer::Bool(false));
}

#[test]
fn arrows_move_the_highlight_without_answering() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n");
    let before = a.values.clone();
    // Nothing is highlighted until the person moves: then j goes to the
    // first line, and on.
    typed(&mut a, "jjj");
    press(&mut a, KeyCode::Up);
    let Screen::Question { cursor, .. } = a.screen else {
        unreachable!()
    };
    assert_eq!(cursor, Some(1));
    assert_eq!(a.values, before, "moving is not answering");
    press(&mut a, KeyCode::Right);
    assert_eq!(a.values[q("meeting_type")], Answer::Choice(1));
}

#[test]
fn remote_board_members_is_asked_only_for_board_meetings() {
    let mut board = app(80, 24, Lang::Sv);
    walk(&mut board, &[("meeting_type", "board")]);
    assert!(
        board
            .rows()
            .contains(&Row::Question(q("remote_board_members")))
    );

    let mut ordinary = app(80, 24, Lang::Sv);
    typed(&mut ordinary, "\n");
    let mut seen = Vec::new();
    while let Some(question) = current(&ordinary) {
        seen.push(question);
        answer_default(&mut ordinary);
    }
    assert!(!seen.contains(&q("remote_board_members")));
    assert_eq!(seen, flow::asked(&CONTENT, &ordinary.values));
}

#[test]
fn recording_options_follow_the_meeting_type() {
    let options = |meeting: &str| {
        let mut a = app(80, 24, Lang::Sv);
        walk(&mut a, &[("meeting_type", meeting)]);
        let rec = q("recording");
        a.choices(rec)
            .into_iter()
            .map(|c| match c {
                Choice::Set(Answer::Choice(i)) => CONTENT.questions[rec].options[i].id.clone(),
                other => panic!("unexpected {other:?}"),
            })
            .collect::<Vec<_>>()
    };
    let training = options("training");
    assert!(training.contains(&"one_way".to_owned()));
    assert!(!training.contains(&"teaching_material".to_owned()));
    let teaching = options("teaching");
    assert!(teaching.contains(&"teaching_material".to_owned()));
    assert!(teaching.contains(&"cheating_control".to_owned()));
    assert!(!teaching.contains(&"one_way".to_owned()));
}

#[test]
fn information_class_offers_not_stated_and_unknown() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    let choices = a.choices(q("information_class"));
    assert_eq!(choices[choices.len() - 2], Choice::Set(Answer::Unanswered));
    assert_eq!(choices[choices.len() - 1], Choice::Set(Answer::Unknown));
    // A question without "vet ej" in the content does not offer it.
    assert!(
        !a.choices(q("remote_control"))
            .contains(&Choice::Set(Answer::Unknown))
    );
}

#[test]
fn multi_select_toggles_with_space_and_numbers() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    let sensitive = q("sensitive_data");
    let row = summary_row(&a, "sensitive_data");
    a.update(Action::Pick(row));
    assert_eq!(current(&a), Some(sensitive));
    // Answered "none of these": the highlight is on that line.
    typed(&mut a, "1"); // first option
    typed(&mut a, "6"); // health
    typed(&mut a, "6"); // health off again
    // The number moved the highlight to option 6; the next one down is 7.
    typed(&mut a, "j ");
    assert_eq!(a.values[sensitive], Answer::Set(1 | 1 << 6));
    typed(&mut a, "\n");
    assert!(matches!(a.screen, Screen::Summary { .. }));
}

#[test]
fn a_change_from_the_summary_returns_to_the_summary() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    let secrecy = q("secrecy");
    let row = summary_row(&a, "secrecy");
    for _ in 0..a.rows().len() {
        press(&mut a, KeyCode::Up);
    }
    for _ in 0..row {
        press(&mut a, KeyCode::Down);
    }
    typed(&mut a, "\n");
    assert_eq!(current(&a), Some(secrecy));
    typed(&mut a, "1");
    let Screen::Summary { cursor, .. } = a.screen else {
        panic!("not back on the summary: {:?}", a.screen)
    };
    assert_eq!(
        a.rows()[cursor],
        Row::ShowResult,
        "Enter now shows the result"
    );
    assert_eq!(a.values[secrecy], Answer::Bool(true));
}

#[test]
fn a_change_that_asks_a_new_question_asks_it_before_the_summary() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    let row = summary_row(&a, "meeting_type");
    a.update(Action::Pick(row));
    typed(&mut a, "2"); // board: remote_board_members becomes relevant
    assert_eq!(current(&a), Some(q("remote_board_members")));
    typed(&mut a, "1");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert_eq!(a.values[q("remote_board_members")], Answer::Bool(true));

    // And back to ordinary: the question and its answer drop out.
    let row = summary_row(&a, "meeting_type");
    a.update(Action::Pick(row));
    typed(&mut a, "1");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert!(!a.rows().contains(&Row::Question(q("remote_board_members"))));
    assert_eq!(a.values[q("remote_board_members")], Answer::Bool(false));
}

#[test]
fn back_from_a_change_returns_to_the_summary_unchanged() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    let before = a.values.clone();
    let row = summary_row(&a, "secrecy");
    a.update(Action::Pick(row));
    typed(&mut a, "j<");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert_eq!(a.values, before);
}

#[test]
fn the_profile_can_be_changed_from_the_summary() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    a.update(Action::Pick(0));
    assert!(matches!(a.screen, Screen::Start { .. }));
    typed(&mut a, "2\n");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert_eq!(a.profile, CONTENT.profile("bilaga-6").unwrap());
}

#[test]
fn back_from_the_summary_goes_to_the_last_question() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    typed(&mut a, "<");
    assert_eq!(current(&a), Some(q("recording")));
}

#[test]
fn start_again_asks_when_there_is_unsaved_work_and_clears_the_answers() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "n");
    assert_eq!(a.modal, Some(Modal::Restart));
    typed(&mut a, "n");
    assert_eq!(a.modal, None);
    assert!(matches!(a.screen, Screen::Result(_)));
    typed(&mut a, "nj");
    assert!(matches!(a.screen, Screen::Start { .. }));
    let mut defaults = CONTENT.default_answers();
    flow::normalise(&CONTENT, &mut defaults);
    assert_eq!(a.values, defaults);
    assert!(!a.unsaved());
}

#[test]
fn quit_confirms_only_when_there_is_unsaved_work() {
    let mut fresh = app(80, 24, Lang::Sv);
    typed(&mut fresh, "q");
    assert!(fresh.quit, "nothing to lose: quits at once");

    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n2");
    typed(&mut a, "q");
    assert_eq!(a.modal, Some(Modal::Quit));
    assert!(!a.quit);
    typed(&mut a, "n");
    assert_eq!(a.modal, None);
    typed(&mut a, "qj");
    assert!(a.quit);
}

#[test]
fn ctrl_c_quits_asking_once() {
    let ctrl_c = |a: &mut motesguide::tui::app::App| {
        press_with(a, KeyCode::Char('c'), KeyModifiers::CONTROL).expect("handled");
    };
    let mut fresh = app(80, 24, Lang::Sv);
    typed(&mut fresh, "\n");
    ctrl_c(&mut fresh);
    assert!(fresh.quit);

    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n2?");
    ctrl_c(&mut a);
    assert_eq!(a.modal, Some(Modal::Quit));
    ctrl_c(&mut a);
    assert!(a.quit);
}

#[test]
fn only_key_presses_count() {
    let mut a = app(80, 24, Lang::Sv);
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let event = KeyEvent::new_with_kind(KeyCode::Enter, KeyModifiers::NONE, kind);
        assert_eq!(motesguide::tui::keys::map_key(&a, &event), None);
    }
    typed(&mut a, "\n");
    assert!(matches!(a.screen, Screen::Question { .. }));
}

#[test]
fn every_footer_key_is_handled() {
    let mut states = Vec::new();
    let mut a = app(80, 24, Lang::Sv);
    states.push(format!("{:?}", a.screen));
    check_footer(&a);
    typed(&mut a, "\n");
    check_footer(&a);
    walk_to_result_checking(&mut a, &mut states);
    for _ in 0..4 {
        check_footer(&a);
        press(&mut a, KeyCode::Tab);
    }
    typed(&mut a, "s");
    check_footer(&a);
    press(&mut a, KeyCode::Esc);
    typed(&mut a, "?");
    check_footer(&a);
}

fn walk_to_result_checking(a: &mut motesguide::tui::app::App, _: &mut Vec<String>) {
    while current(a).is_some() {
        check_footer(a);
        answer_default(a);
    }
    check_footer(a);
    typed(a, "\n");
}

/// Each footer entry's first key, pressed, does something.
fn check_footer(a: &motesguide::tui::app::App) {
    use motesguide::tui::keys::{Key, bindings};
    for b in bindings(a).iter().filter(|b| b.footer) {
        let code = match b.keys[0] {
            Key::Code(code) => code,
            Key::Char(c) => KeyCode::Char(c),
            Key::Digits(_) | Key::AnyDigit => KeyCode::Char('1'),
            Key::Ctrl(_) | Key::Text => continue,
        };
        let event = KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press);
        assert!(
            motesguide::tui::keys::map_key(a, &event).is_some(),
            "{code:?} is shown but not handled on {:?}",
            a.screen
        );
    }
}

#[test]
fn checklist_items_tick_and_untick_and_survive_a_visit_to_the_summary() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    press(&mut a, KeyCode::Tab);
    typed(&mut a, " j ");
    assert_eq!(a.ticked[0].len(), 2);
    typed(&mut a, " ");
    assert_eq!(a.ticked[0].len(), 1);
    // Esc back to the summary (← now moves between tabs), and on again.
    typed(&mut a, "\u{1b}\n");
    assert!(matches!(a.screen, Screen::Result(_)));
    assert_eq!(a.ticked[0].len(), 1);
}

#[test]
fn tab_and_numbers_move_between_sections() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    let section = |a: &motesguide::tui::app::App| match &a.screen {
        Screen::Result(v) => v.section,
        _ => panic!(),
    };
    press(&mut a, KeyCode::Tab);
    assert_eq!(section(&a), 1);
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::BackTab);
    assert_eq!(section(&a), Section::ALL.len() - 1);
    typed(&mut a, "3");
    assert_eq!(section(&a), 2);
}

#[test]
fn saving_asks_before_overwriting_and_counts_as_saved() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "s");
    let effect = press(&mut a, KeyCode::Enter)
        .expect("handled")
        .expect("saves");
    let Effect::Save {
        path,
        text,
        overwrite,
        ..
    } = effect;
    assert_eq!(path, "checklista-deltagare.md");
    assert!(!overwrite);
    assert!(text.contains("Sefos"));
    let existing = std::path::PathBuf::from("/home/organiser/checklista-deltagare.md");
    a.update(Action::Saved(Err(SaveError::Exists(existing.clone()))));
    let Some(Modal::Export(form)) = &a.modal else {
        panic!()
    };
    assert_eq!(form.exists, Some(existing.clone()));
    let effect = press(&mut a, KeyCode::Char('j'))
        .expect("handled")
        .expect("saves");
    let Effect::Save { overwrite, .. } = effect;
    assert!(overwrite);
    a.update(Action::Saved(Ok(existing.clone())));
    assert_eq!(a.modal, None);
    assert_eq!(a.status, Some(Status::Saved(existing)));
    typed(&mut a, "q");
    assert!(a.quit, "saved: quits without asking");
}

#[test]
fn the_save_dialog_edits_the_name_and_switches_contents() {
    let mut a = app(80, 24, Lang::En);
    result(&mut a, RECORDED_TRAINING);
    typed(&mut a, "s");
    press(&mut a, KeyCode::Tab);
    let name = |a: &motesguide::tui::app::App| match &a.modal {
        Some(Modal::Export(f)) => f.path.clone(),
        _ => panic!(),
    };
    assert_eq!(name(&a), "meeting-guide-result.md");
    for _ in 0.."result.md".len() {
        press(&mut a, KeyCode::Backspace);
    }
    // Letters that are keys elsewhere are text here.
    typed(&mut a, "qnotes.md");
    assert_eq!(name(&a), "meeting-guide-qnotes.md");
    press(&mut a, KeyCode::Home);
    press(&mut a, KeyCode::Delete);
    assert_eq!(name(&a), "eeting-guide-qnotes.md");
    press(&mut a, KeyCode::Tab);
    assert_eq!(name(&a), "eeting-guide-qnotes.md", "a typed name is kept");
    while !name(&a).is_empty() {
        press(&mut a, KeyCode::Delete);
    }
    assert_eq!(press(&mut a, KeyCode::Enter), Some(None));
    let Some(Modal::Export(form)) = &a.modal else {
        panic!()
    };
    assert_eq!(form.error, Some(FormError::Empty));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.modal, None);
}

#[test]
fn a_saved_file_is_written_where_the_dialog_says() {
    let dir = std::env::temp_dir().join(format!("motesguide-tui-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut a = app(80, 24, Lang::Sv);
    a.save_dir = dir.clone();
    result(&mut a, RECORDED_TRAINING);
    typed(&mut a, "s");
    let effect = press(&mut a, KeyCode::Enter).unwrap().unwrap();
    a.update(export::perform(effect, a.lang));
    let written = std::fs::read_to_string(dir.join("checklista-deltagare.md")).unwrap();
    assert!(written.starts_with("# Checklista för deltagarna"));
    assert!(written.contains("Inspelning TILLÅTEN"));
    // The same again: the file exists, so the wizard asks.
    typed(&mut a, "s");
    let effect = press(&mut a, KeyCode::Enter).unwrap().unwrap();
    a.update(export::perform(effect, a.lang));
    assert!(matches!(&a.modal, Some(Modal::Export(f)) if f.exists.is_some()));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A folder's name is the person's own and may hold anything a file
/// system allows: the save dialog shows it escaped, never raw.
#[test]
fn the_save_dialog_shows_a_hostile_folder_name_escaped() {
    let mut a = app(80, 24, Lang::En);
    a.save_dir = std::path::PathBuf::from("/tmp/\u{1b}]0;PWNED\u{7}\u{1b}[2J");
    result(&mut a, RECORDED_TRAINING);
    typed(&mut a, "s");
    let screen = screen_text(&draw(&a));
    assert!(screen.contains("\\u{1b}]0;PWNED"), "{screen}");
    assert!(!screen.contains('\u{1b}'), "{screen:?}");
}

#[test]
fn print_on_exit_gives_the_text_result_once_one_was_shown() {
    let mut a = app(80, 24, Lang::Sv);
    a.print_on_exit = true;
    walk(&mut a, BOARD_SECRECY);
    assert_eq!(a.exit_text(), None);
    typed(&mut a, "\n");
    let text = a.exit_text().expect("a result was shown");
    assert!(text.contains("Digitalt möte tillåtet på: Sefos eller ProRenata"));
    typed(&mut a, "p");
    assert_eq!(a.exit_text(), None);
    assert_eq!(a.status, Some(Status::Print(false)));
}

#[test]
fn the_language_switches_everywhere_including_the_result() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "l");
    assert_eq!(a.lang, Lang::En);
    let Screen::Result(view) = &a.screen else {
        panic!()
    };
    assert_eq!(view.report.lang, Lang::En);
    assert!(
        view.report
            .platform_line()
            .starts_with("Digital meeting permitted on")
    );
}

#[test]
fn a_tiny_window_only_offers_quit() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n2");
    a.update(Action::Resize(20, 5));
    assert!(a.too_small());
    assert_eq!(press(&mut a, KeyCode::Enter), None);
    typed(&mut a, "q");
    assert_eq!(a.modal, Some(Modal::Quit));
    typed(&mut a, "j");
    assert!(a.quit);
}

#[test]
fn the_highlight_stays_in_view_when_moving_in_a_small_window() {
    let mut a = app(50, 15, Lang::Sv);
    typed(&mut a, "\n");
    for _ in 0..7 {
        press(&mut a, KeyCode::Down);
    }
    let cursor = motesguide::tui::view::cursor(&a).expect("the highlight is on screen");
    let Screen::Question { q, cursor: i, .. } = a.screen else {
        panic!()
    };
    assert_eq!(i, Some(a.choices(q).len() - 1));
    assert!(cursor.y < 14);
}

#[test]
fn starting_answers_open_the_summary_and_defaults_the_start_page() {
    let mut board = CONTENT.default_answers();
    board[q("meeting_type")] = Answer::Choice(1);
    board[q("secrecy")] = Answer::Bool(true);
    let a = app(80, 24, Lang::Sv).starting_from(&board);
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert!(a.asked().iter().all(|&q| a.visited[q]));
    assert!(!a.unsaved(), "the code gives them back: nothing to lose");
    assert_eq!(a.values[q("secrecy")], Answer::Bool(true));

    let defaults = app(80, 24, Lang::Sv).starting_from(&CONTENT.default_answers());
    assert!(matches!(defaults.screen, Screen::Start { .. }));
}

#[test]
fn a_scenario_from_the_command_line_is_named_like_one_picked_in_the_wizard() {
    let i = scenario("veckomote-inspelning");
    let sc = &CONTENT.scenarios[i];
    let answers = motesguide::engine::parse_answers(&CONTENT, &sc.file, &sc.text).unwrap();
    let a = app(80, 24, Lang::Sv)
        .starting_from(&answers.values)
        .naming_scenario(i);
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert_eq!(a.scenario.as_ref().map(|s| s.0), Some(i));
    assert!(!a.scenario_changed());
}

/// The library's index of scenario `id`.
fn scenario(id: &str) -> usize {
    CONTENT
        .scenario(id)
        .unwrap_or_else(|| panic!("no scenario {id}"))
}

fn section(a: &motesguide::tui::app::App) -> Section {
    match &a.screen {
        Screen::Result(view) => view.section(),
        other => panic!("not on the result: {other:?}"),
    }
}

#[test]
fn a_scenario_is_picked_from_the_start_page_and_opens_on_the_summary() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "s");
    assert!(matches!(a.screen, Screen::Scenarios { cursor: 0, .. }));
    // Back returns to the start page, the way in is there again.
    typed(&mut a, "<s");
    let i = scenario("namndsmote-sekretess");
    for _ in 0..i {
        press(&mut a, KeyCode::Down);
    }
    assert!(matches!(a.screen, Screen::Scenarios { cursor, .. } if cursor == i));
    typed(&mut a, "\n");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    let sc = &CONTENT.scenarios[i];
    let mut want = parse_answers(&CONTENT, &sc.file, &sc.text).unwrap().values;
    flow::normalise(&CONTENT, &mut want);
    assert_eq!(a.values, want);
    assert!(a.asked().iter().all(|&q| a.visited[q]));
    assert!(
        !a.unsaved(),
        "the scenario gives them back: nothing to lose"
    );
    assert!(!a.scenario_changed());
    // The trainer changes one answer: the summary says so.
    let row = summary_row(&a, "secrecy");
    a.update(Action::Pick(row));
    typed(&mut a, "2");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert!(a.scenario_changed());
    typed(&mut a, "\n");
    assert!(matches!(a.screen, Screen::Result(_)));
}

#[test]
fn a_number_opens_a_scenario_and_unsaved_answers_are_asked_for_first() {
    let mut a = app(80, 24, Lang::Sv);
    // "1" of fourteen waits on row 1 for a second digit; Enter opens it.
    typed(&mut a, "s1");
    assert!(matches!(a.screen, Screen::Scenarios { cursor: 0, .. }));
    typed(&mut a, "\n\n6\n");
    assert!(a.unsaved(), "a trial is a change");
    typed(&mut a, "\u{1b}");
    assert!(
        !a.unsaved(),
        "back to the scenario's answers: nothing to lose"
    );
    assert_eq!(a.scenario.as_ref().map(|s| s.0), Some(0));

    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n2<<"); // a board meeting, then back to the start
    assert!(a.unsaved());
    typed(&mut a, "s2");
    assert_eq!(a.modal, Some(Modal::Scenario(1)));
    typed(&mut a, "n");
    assert!(matches!(a.screen, Screen::Scenarios { .. }));
    assert_eq!(a.values[q("meeting_type")], Answer::Choice(1));
    typed(&mut a, "2j");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    assert_eq!(a.scenario.as_ref().map(|s| s.0), Some(1));

    // Every scenario by its number, two digits past nine.
    for i in 0..CONTENT.scenarios.len() {
        let mut a = app(80, 24, Lang::Sv);
        typed(&mut a, &format!("s{}", i + 1));
        if matches!(a.screen, Screen::Scenarios { .. }) {
            typed(&mut a, "\n");
        }
        assert_eq!(
            a.scenario.as_ref().map(|s| s.0),
            Some(i),
            "scenario {}",
            i + 1
        );
    }
}

#[test]
fn the_compare_section_tries_another_profile_and_back_returns() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "5");
    assert_eq!(section(&a), Section::Compare);
    let before = a.values.clone();
    typed(&mut a, "j\n");
    assert_eq!(a.profile, 1);
    assert_eq!(a.values, before);
    assert_eq!(section(&a), Section::Overview);
    assert_eq!(a.status, Some(Status::Trying(Trial::Profile(1))));
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    assert_eq!(view.report.profile_id, CONTENT.profiles[1].id);
    // Back: the profile before, on the compare section, same entry.
    typed(&mut a, "\u{1b}");
    assert_eq!(a.profile, CONTENT.default_profile);
    assert_eq!(section(&a), Section::Compare);
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    assert_eq!(view.cursor[4], 1);
    assert_eq!(a.status, None);
    // With nothing left to undo, Back goes to the summary as before.
    typed(&mut a, "\u{1b}");
    assert!(matches!(a.screen, Screen::Summary { .. }));
}

#[test]
fn trying_the_meetings_own_profile_again_undoes_the_trial() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "5j\n");
    assert_eq!(a.profile, 1);
    // From the trial, the compare section's own entry: the meeting itself,
    // not a hypothetical with nothing changed.
    typed(&mut a, "5\n");
    assert_eq!(a.profile, CONTENT.default_profile);
    assert!(a.previous.is_empty());
    assert_eq!(a.status, None);
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    assert_eq!(view.report.hypothetical, None);
}

#[test]
fn the_what_if_section_applies_a_change_and_back_restores_the_answers() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "6");
    assert_eq!(section(&a), Section::WhatIf);
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    assert!(!view.changes.is_empty());
    let change = view.changes[0].clone();
    let verdict = view.report.platform_line();
    let before = a.values.clone();
    typed(&mut a, "\n");
    assert_eq!(a.values[change.question], change.answers[0]);
    assert_eq!(
        a.status,
        Some(Status::Trying(Trial::Answer(
            change.question,
            change.answers[0]
        )))
    );
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    assert_ne!(view.report.platform_line(), verdict, "the change shows");
    assert!(a.asked().iter().all(|&q| a.visited[q]));
    // A second trial stacks (one that is not the way back to the
    // meeting's own answers, which undoes the trial); two Backs return to
    // the first answers.
    typed(&mut a, "6");
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    let other = view
        .changes
        .iter()
        .position(|w| w.question != change.question)
        .expect("another change");
    for _ in 0..other {
        press(&mut a, KeyCode::Down);
    }
    typed(&mut a, "\n");
    assert_eq!(a.previous.len(), 2, "{:?}", a.status);
    typed(&mut a, "\u{1b}\u{1b}");
    assert_eq!(a.values, before);
    assert_eq!(section(&a), Section::WhatIf);
    typed(&mut a, "\u{1b}");
    assert!(a.previous.is_empty());
    assert!(matches!(a.screen, Screen::Summary { .. }));
}

#[test]
fn a_click_on_a_what_if_line_applies_it() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "6");
    let before = a.values.clone();
    let pane = motesguide::tui::view::pane(&a).unwrap();
    let line = pane.doc.anchors[1].start - pane.scroll;
    let click = ratatui::crossterm::event::Event::Mouse(ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column: pane.area.x + 4,
        row: pane.area.y + line as u16,
        modifiers: KeyModifiers::NONE,
    });
    let action = motesguide::tui::keys::map_event(&a, &click).expect("the line is clickable");
    assert_eq!(action, Action::Pick(1));
    a.update(action);
    assert_ne!(a.values, before);
    assert_eq!(a.previous.len(), 1);
}

#[test]
fn presentation_mode_is_toggled_by_v_and_f2_everywhere() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "v");
    assert!(a.presentation);
    let theme = a.theme();
    assert!(
        theme
            .heading
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    typed(&mut a, "\n");
    press(&mut a, KeyCode::F(2));
    assert!(!a.presentation);
    let mut a = app(80, 24, Lang::En);
    result(&mut a, &[]);
    typed(&mut a, "v");
    assert!(a.presentation);
    assert!(matches!(a.screen, Screen::Result(_)), "the screen stays");
}

#[test]
fn an_answer_code_opens_on_the_result() {
    let mut board = CONTENT.default_answers();
    board[q("meeting_type")] = Answer::Choice(1);
    board[q("secrecy")] = Answer::Bool(true);
    let a = app(80, 24, Lang::Sv).starting_from(&board).opening_result();
    assert!(matches!(a.screen, Screen::Result(_)));
    assert!(a.asked().iter().all(|&q| a.visited[q]));
    assert!(!a.unsaved());
    // Even the defaults' code shows the result, not the start page.
    let defaults = app(80, 24, Lang::Sv)
        .starting_from(&CONTENT.default_answers())
        .opening_result();
    assert!(matches!(defaults.screen, Screen::Result(_)));
}

#[test]
fn enter_takes_nothing_that_was_not_chosen() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n");
    let before = a.values.clone();
    for _ in 0..12 {
        typed(&mut a, "\n");
    }
    assert_eq!(current(&a), Some(q("meeting_type")), "Enter alone moved on");
    assert_eq!(a.values, before);
    assert_eq!(a.status, Some(motesguide::tui::app::Status::ChooseFirst));
    // The highlighted line is what Enter takes: one marker.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    typed(&mut a, "\n");
    assert_eq!(a.values[q("meeting_type")], Answer::Choice(1));
    assert_eq!(a.status, None);
}

#[test]
fn a_multi_select_needs_a_mark_or_none_of_these() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n1252");
    assert_eq!(current(&a), Some(q("sensitive_data")));
    press(&mut a, KeyCode::Down);
    typed(&mut a, "\n");
    assert_eq!(
        current(&a),
        Some(q("sensitive_data")),
        "nothing marked, nothing chosen"
    );
    assert_eq!(a.status, Some(motesguide::tui::app::Status::MarkOrNone));
    let none = a.choices(q("sensitive_data")).len();
    typed(&mut a, &none.to_string());
    assert_eq!(current(&a), Some(q("personal_data")));
    assert_eq!(a.values[q("sensitive_data")], Answer::Set(0));
    // Back to it: the answer given is highlighted.
    typed(&mut a, "<");
    let Screen::Question { cursor, .. } = a.screen else {
        unreachable!()
    };
    assert_eq!(cursor, Some(none - 1));
}

#[test]
fn show_result_goes_to_an_unanswered_question_first() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, &[]);
    // A change that asks a new question, left unanswered.
    let row = summary_row(&a, "meeting_type");
    a.update(Action::Pick(row));
    typed(&mut a, "2");
    assert_eq!(current(&a), Some(q("remote_board_members")));
    typed(&mut a, "<");
    assert!(matches!(a.screen, Screen::Summary { .. }));
    let show = a.rows().len() - 1;
    a.update(Action::Pick(show));
    assert_eq!(current(&a), Some(q("remote_board_members")));
    assert_eq!(a.status, Some(motesguide::tui::app::Status::AnswerFirst));
}

#[test]
fn an_implied_answer_is_neither_asked_nor_offered() {
    let mut a = app(80, 24, Lang::Sv);
    // Ordinary, no protective security, class not set, no secrecy, then
    // health marked: personal data follow, so that question is skipped.
    typed(&mut a, "\n1252");
    typed(&mut a, "6\n");
    assert_eq!(current(&a), Some(q("external_participants")));
    assert_eq!(a.values[q("personal_data")], Answer::Bool(true));
    assert!(!a.asked().contains(&q("personal_data")));
}

#[test]
fn a_trial_is_marked_and_saving_or_printing_takes_the_real_result() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    let real = a.report().platform_line();
    typed(&mut a, "6\n");
    let Screen::Result(view) = &a.screen else {
        unreachable!()
    };
    let hypothetical = view.report.hypothetical.clone().expect("a trial is marked");
    assert_ne!(view.report.platform_line(), real);
    // Print on exit: the meeting's own result.
    typed(&mut a, "p");
    let printed = a.exit_text().expect("printing was asked for");
    assert!(printed.contains(&real), "{printed}");
    assert!(!printed.contains("HYPOTETISKT"), "{printed}");
    // Save: the same.
    typed(&mut a, "s");
    press(&mut a, KeyCode::Tab); // the full result
    let Some(Some(Effect::Save { text, .. })) = press(&mut a, KeyCode::Enter) else {
        panic!("saving asks for a write")
    };
    assert!(text.contains(&real), "{text}");
    assert!(!text.contains(&hypothetical));
}

#[test]
fn an_export_carries_the_answers_the_code_and_the_ticks() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "2 "); // participants: tick the first item
    let first = a.report().participants[0].text.clone();
    typed(&mut a, "s");
    press(&mut a, KeyCode::Tab);
    let Some(Some(Effect::Save { text, .. })) = press(&mut a, KeyCode::Enter) else {
        panic!("saving asks for a write")
    };
    assert!(text.contains(&format!("- [x] {first}")), "{text}");
    assert!(text.contains(&a.code()), "{text}");
    assert!(text.contains("Mötestyp: Nämndsmöte"), "{text}");
    assert!(text.contains("Innehållsversion:** motesguide"), "{text}");
    assert!(text.contains("Datum:** 20"), "{text}");
    // The printout on quitting carries the same ticks.
    press(&mut a, KeyCode::Esc);
    typed(&mut a, "p");
    let printed = a.exit_text().expect("a printout");
    assert!(printed.contains(&format!("[x] 1. {first}")), "{printed}");
    assert!(printed.contains("[ ] 2. "), "{printed}");
    assert!(printed.contains(&a.code()), "{printed}");
}

#[test]
fn ticks_are_unsaved_work_that_quitting_asks_about() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    a.exported = true; // as if the answers were saved
    typed(&mut a, "2 ");
    typed(&mut a, "q");
    assert_eq!(a.modal, Some(Modal::Quit), "unsaved ticks are asked for");
}

#[test]
fn f1_opens_help_and_ctrl_u_clears_the_file_name() {
    let mut a = app(80, 24, Lang::Sv);
    press(&mut a, KeyCode::F(1));
    assert!(matches!(a.modal, Some(Modal::Help { .. })));
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.modal, None);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "s");
    press_with(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Some(Modal::Export(form)) = &a.modal else {
        panic!("the save dialog is open")
    };
    assert_eq!((form.path.as_str(), form.cursor), ("", 0));
}

#[test]
fn arrows_move_between_result_tabs_and_esc_goes_back() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    press(&mut a, KeyCode::Right);
    assert_eq!(section(&a), Section::Participants);
    press(&mut a, KeyCode::Left);
    assert_eq!(section(&a), Section::Overview);
    // From the last tab, ← stays on the result page.
    typed(&mut a, "6");
    press(&mut a, KeyCode::Left);
    assert_eq!(section(&a), Section::Compare);
    assert!(matches!(a.screen, Screen::Result(_)));
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.screen, Screen::Summary { .. }));
}

#[test]
fn an_answer_that_rules_out_a_digital_meeting_shows_the_result_at_once() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n1");
    assert_eq!(current(&a), Some(q("security_classified")));
    typed(&mut a, "1");
    let Screen::Result(view) = &a.screen else {
        panic!("no early result: {:?}", a.screen)
    };
    assert!(!view.report.digital_allowed);
    assert!(view.report.unanswered.contains(&"recording".to_owned()));
    assert!(view.report.early_line().is_some());
    // Back to the summary: the open questions are there to answer; one
    // answered there returns to the summary, the outcome still decided.
    press(&mut a, KeyCode::Esc);
    let row = summary_row(&a, "secrecy");
    for _ in 0..a.rows().len() {
        press(&mut a, KeyCode::Up);
    }
    for _ in 0..row {
        press(&mut a, KeyCode::Down);
    }
    typed(&mut a, "\n1");
    assert!(matches!(a.screen, Screen::Summary { .. }), "{:?}", a.screen);
    assert!(a.decided_early());
    // "Vet ej" on the same question does not decide anything early.
    let mut b = app(80, 24, Lang::Sv);
    typed(&mut b, "\n13");
    assert_eq!(current(&b), Some(q("information_class")));
}

#[test]
fn number_keys_go_to_a_row_of_the_check_page() {
    let mut a = app(80, 24, Lang::Sv);
    walk(&mut a, BOARD_SECRECY);
    let rows = a.rows().len();
    assert!(rows >= 12, "{rows} rows");
    let cursor = |a: &motesguide::tui::app::App| match a.screen {
        Screen::Summary { cursor, .. } => cursor,
        _ => panic!("{:?}", a.screen),
    };
    // Row 5 is step 5: the profile is row 0.
    typed(&mut a, "5");
    assert_eq!(cursor(&a), 5);
    assert_eq!(a.rows()[5], Row::Question(a.asked()[4]));
    // Two digits past nine; the status says a second digit may follow.
    typed(&mut a, "1");
    assert_eq!(cursor(&a), 1);
    assert!(matches!(a.status, Some(Status::RowPending(1, _))));
    typed(&mut a, "2");
    assert_eq!(cursor(&a), 12);
    typed(&mut a, "0");
    assert_eq!(cursor(&a), 0, "the profile");
    // Enter changes the row gone to; a key between two digits ends the
    // number.
    typed(&mut a, "1");
    press(&mut a, KeyCode::Down);
    typed(&mut a, "1");
    assert_eq!(cursor(&a), 1);
    typed(&mut a, "\n");
    assert_eq!(current(&a), Some(q("meeting_type")));
}

#[test]
fn an_answer_code_typed_on_the_start_page_opens_its_result() {
    let mut caller = app(80, 24, Lang::Sv);
    result(&mut caller, BOARD_SECRECY);
    let code = caller.code();

    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "c");
    assert_eq!(a.modal, Some(Modal::Code(CodeForm::default())));
    // A typo says what is wrong and keeps the dialog open.
    typed(&mut a, "2SW\n");
    let Some(Modal::Code(form)) = &a.modal else {
        panic!("the dialog closed: {:?}", a.modal)
    };
    let error = form.error.as_deref().unwrap_or_default();
    assert!(
        error.starts_with("Koden har 3 tecken") && error.contains("till exempel"),
        "{error}"
    );
    // Ctrl-U clears; the code pasted whole opens the caller's result.
    a.update(Action::ClearField);
    a.update(Action::Paste(format!("{code}\n")));
    typed(&mut a, "\n");
    assert!(matches!(a.screen, Screen::Result(_)), "{:?}", a.screen);
    assert_eq!(a.values, caller.values);
    assert_eq!(a.code(), code);
    assert!(!a.unsaved(), "the same code gives them back");
}

#[test]
fn a_paste_into_the_file_name_is_text_capped_at_a_name() {
    let mut a = app(80, 24, Lang::Sv);
    result(&mut a, BOARD_SECRECY);
    typed(&mut a, "s");
    a.update(Action::ClearField);
    a.update(Action::Paste(
        "möte\n\u{1b}[2J".to_owned() + &"x".repeat(1000),
    ));
    let Some(Modal::Export(form)) = &a.modal else {
        panic!("{:?}", a.modal)
    };
    assert!(form.path.starts_with("möte[2J"), "{}", form.path);
    assert!(form.path.len() <= 255 && form.path.len() > 250);
    assert_eq!(form.cursor, form.path.chars().count());
}

#[test]
fn scrolling_a_question_never_changes_what_enter_takes() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n");
    press(&mut a, KeyCode::Down);
    let Screen::Question { cursor, .. } = a.screen else {
        unreachable!()
    };
    assert_eq!(cursor, Some(0));
    for _ in 0..3 {
        press(&mut a, KeyCode::PageDown);
    }
    let Screen::Question { cursor, .. } = a.screen else {
        unreachable!()
    };
    assert_eq!(cursor, Some(0), "PgDn scrolls, it does not choose");
}

#[test]
fn an_early_result_gives_no_answer_code_and_states_only_what_is_decided() {
    let mut a = app(80, 24, Lang::Sv);
    typed(&mut a, "\n11");
    let Screen::Result(view) = &a.screen else {
        panic!("{:?}", a.screen)
    };
    assert_eq!(a.shown_code(), None);
    let r = &view.report;
    assert!(r.code_line(|c| c.to_owned()).contains("–"));
    for c in r
        .organiser
        .iter()
        .chain(&r.participants)
        .chain(&r.warnings)
        .chain(&r.explanation)
    {
        assert!(c.certain, "{} holds only for some answers", c.id);
    }
    // Saved, the same.
    let text = motesguide::report::to_markdown(&a.real_report());
    assert!(!text.contains(&a.code()), "{text}");
}
