//! Plain mode (src/plain) driven end to end with piped input, as a screen
//! reader user or a helpdesk script would: the questions the flow asks and
//! the options it offers, back, changes from the summary, bad input, input
//! that ends early, saving without overwriting, both languages, and never
//! an escape character.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use motesguide::content::{self, Answer, Content};
use motesguide::engine::{self, Answers, code, parse_answers};
use motesguide::error::BadInput;
use motesguide::i18n::ui;
use motesguide::plain::{self, Options, PlainOutcome};
use motesguide::report::{self, Report};
use motesguide::text::Lang;
use motesguide::wrap::wrap;
use unicode_width::UnicodeWidthStr;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| content::built_in().expect("the built-in content loads"))
}

/// A fresh, empty folder for one test, removed when the test passes.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("motesguide-plain-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    Scratch(dir)
}

/// Runs plain mode on `lines` (one answer a line) from `start`, saving
/// into `folder`, 80 columns wide as when piped; returns the outcome and
/// the whole transcript, with the input echoed as a person would see it.
fn session(
    lang: Lang,
    start: Answers,
    folder: &Path,
    lines: &[&str],
) -> (anyhow::Result<PlainOutcome>, String) {
    session_at(80, lang, start, folder, lines)
}

/// As [`session`], `width` columns wide.
fn session_at(
    width: usize,
    lang: Lang,
    start: Answers,
    folder: &Path,
    lines: &[&str],
) -> (anyhow::Result<PlainOutcome>, String) {
    let mut input = lines.join("\n");
    if !lines.is_empty() {
        input.push('\n');
    }
    let options = Options {
        lang,
        profile: None,
        folder: folder.to_path_buf(),
        echo_input: true,
        width,
    };
    let mut out = Vec::new();
    let outcome = plain::run(
        content(),
        &options,
        start,
        Cursor::new(input.into_bytes()),
        &mut out,
    );
    let transcript = String::from_utf8(out).expect("the output is UTF-8");
    assert!(
        !transcript.contains('\u{1b}'),
        "an escape character in:\n{transcript}"
    );
    (outcome, transcript)
}

fn defaults() -> Answers {
    Answers::defaults(content())
}

fn value(answers: &Answers, id: &str) -> Answer {
    answers.values[content().question(id).expect("a question")]
}

fn choice(id: &str, option: &str) -> Answer {
    let q = content().question(id).expect("a question");
    Answer::Choice(
        content().questions[q]
            .option_index(option)
            .expect("an option"),
    )
}

/// The short name of question `id`, as headers and the summary show it.
fn step(id: &str, lang: Lang) -> &'static str {
    let c = content();
    c.questions[c.question(id).expect("a question")]
        .step
        .get(lang)
}

/// The label of option `option` of question `id`.
fn label(id: &str, option: &str, lang: Lang) -> &'static str {
    let c = content();
    let q = &c.questions[c.question(id).expect("a question")];
    q.options[q.option_index(option).expect("an option")]
        .label
        .get(lang)
}

fn finished(
    outcome: anyhow::Result<PlainOutcome>,
    transcript: &str,
) -> (Answers, String, Option<PathBuf>) {
    match outcome {
        Ok(PlainOutcome::Finished {
            answers,
            code,
            saved,
        }) => (answers, code, saved),
        other => panic!("expected the guide to finish, got {other:?}:\n{transcript}"),
    }
}

/// A closed board meeting under secrecy with elected members remote,
/// every answer chosen by its number (Enter alone takes none); then the
/// summary, the result, and no to saving.
const BOARD: &[&str] = &[
    "2", // meeting type: board
    "2", // security classified: no
    "5", // information class: not set
    "1", // secrecy: yes
    "0", // sensitive data: none
    "1", // personal data: yes
    "2", // external participants: no
    "1", // elected members remote: yes (asked only for a board)
    "2", // screen sharing: no
    "1", // remote control: none
    "1", // recording: none
    "",  // summary: show the result
    "",  // save: no
];

/// The answers of an ordinary meeting that the defaults would give, each
/// chosen: ten questions.
const ORDINARY: &[&str] = &["1", "2", "5", "2", "0", "1", "2", "2", "1", "1"];

#[test]
fn a_closed_board_meeting_under_secrecy_reaches_sefos() {
    let dir = scratch("board");
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, BOARD);
    let (answers, code, saved) = finished(outcome, &t);
    assert_eq!(
        value(&answers, "meeting_type"),
        choice("meeting_type", "board")
    );
    assert_eq!(value(&answers, "secrecy"), Answer::Bool(true));
    assert_eq!(value(&answers, "remote_board_members"), Answer::Bool(true));
    assert_eq!(saved, None);

    // The board question is asked, and counted, once the type is board.
    assert!(
        t.contains(&format!(
            "Fråga 1 av 10: {}",
            step("meeting_type", Lang::Sv)
        )),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "Fråga 8 av 11: {}",
            step("remote_board_members", Lang::Sv)
        )),
        "{t}"
    );
    // The recording question offers only what a board meeting may choose.
    let recording = &t[t
        .find(&format!("Fråga 11 av 11: {}", step("recording", Lang::Sv)))
        .expect("asked")..];
    let recording = &recording[..recording.find("Svar:").expect("a prompt")];
    assert!(
        recording.contains(&format!("  1. {}", label("recording", "none", Lang::Sv))),
        "{recording}"
    );
    assert!(
        recording.contains(&format!(
            "  3. {}",
            label("recording", "ordinary", Lang::Sv)
        )),
        "{recording}"
    );
    assert!(
        !recording.contains(label("recording", "teaching_material", Lang::Sv)),
        "{recording}"
    );
    assert!(
        !recording.contains(label("recording", "cheating_control", Lang::Sv)),
        "{recording}"
    );
    assert!(!recording.contains("  4."), "{recording}");

    assert!(
        t.contains("Digitalt möte tillåtet på: Sefos eller ProRenata"),
        "{t}"
    );
    assert!(t.contains(&format!("Svarskod: {code}")), "{t}");
    assert!(t.trim_end().ends_with("Klart."), "{t}");
    assert_eq!(
        code::decode(content(), &code)
            .expect("the code decodes")
            .0
            .values,
        answers.values
    );
}

#[test]
fn each_question_shows_step_text_help_source_and_no_preselected_answer() {
    let dir = scratch("block");
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, BOARD);
    finished(outcome, &t);
    let c = content();
    let q = &c.questions[c.question("information_class").unwrap()];
    let block = &t[t
        .find(&format!(
            "Fråga 3 av 11: {}",
            step("information_class", Lang::Sv)
        ))
        .expect("asked")..];
    let block = &block[..block.find("Svar:").unwrap()];
    let lines: Vec<&str> = block.lines().collect();
    assert_eq!(lines[1], q.text.sv);
    // Help is cut into sentences, one a line, and nothing is lost.
    let help: Vec<&str> = lines
        .iter()
        .skip(2)
        .take_while(|l| !l.starts_with("Källa: "))
        .copied()
        .collect();
    assert!(help.len() > 1, "{block}");
    assert_eq!(help.join(" "), format!("Hjälp: {}", q.help.sv), "{block}");
    let source = format!("Källa: {}", c.cite_all(&q.sources, Lang::Sv));
    assert!(block.contains(&wrap(&source, 80)), "{block}");
    // Not set (the question has no default) and "vet ej" are choices too.
    let not_set = &q.unanswered.as_ref().expect("a label for not set").sv;
    let n = q.options.len();
    assert!(
        block.contains(&format!("  {}. {not_set}\n", n + 1)),
        "{block}"
    );
    assert!(block.contains(&format!("  {}. Vet ej\n", n + 2)), "{block}");
    // Nothing is offered for Enter alone to take.
    assert!(!block.contains("Enter väljer"), "{block}");
    assert!(!block.contains("Ditt svar"), "{block}");
}

#[test]
fn enter_alone_never_yields_a_result() {
    let dir = scratch("enter-alone");
    for lang in Lang::ALL {
        let (outcome, t) = session(lang, defaults(), &dir, &[""; 50]);
        let e = outcome.expect_err("Enter alone answers nothing");
        assert!(e.downcast_ref::<BadInput>().is_some(), "{e}");
        let (first, choose) = match lang {
            Lang::Sv => ("Fråga 1 av", "Välj ett svar först: skriv svarets nummer."),
            Lang::En => (
                "Question 1 of",
                "Choose an answer first: type the answer's number.",
            ),
        };
        assert_eq!(t.matches(choose).count(), 50, "{t}");
        assert_eq!(t.matches(first).count(), 1, "{t}");
        let verdict = ui(lang).digital_allowed_on;
        assert!(!t.contains(verdict), "{t}");
        assert!(!t.contains(ui(lang).answer_code), "{t}");
    }

    // A multiple choice says how to answer "none".
    let mut lines = BOARD[..4].to_vec();
    lines.extend(["", "q"]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    assert_eq!(outcome.unwrap(), PlainOutcome::Quit);
    assert!(
        t.contains(
            "Svar: \nVälj ett svar först: skriv numren för alla som gäller, eller 0 för inga.\n"
        ),
        "{t}"
    );
    // Nothing before the offer to save says what Enter would choose.
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, BOARD);
    finished(outcome, &t);
    let before_save = &t[..t.find("Vill du spara").expect("the offer to save")];
    assert!(!before_save.contains("Enter väljer"), "{before_save}");
}

#[test]
fn a_question_left_unanswered_is_asked_before_the_result() {
    let dir = scratch("unanswered");
    let remote = step("remote_board_members", Lang::Sv);
    let mut lines = ORDINARY.to_vec();
    lines.extend([
        "1", // summary: change the meeting type
        "2", // board: brings in the question on remote members
        "b", // left without an answer
        "",  // summary: Enter asks for it instead of the result
        "",  // Enter alone on it: still nothing chosen
        "2", // no
        "",  // summary: the result
        "",  // save: no
    ]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    assert_eq!(value(&answers, "remote_board_members"), Answer::Bool(false));
    let summaries: Vec<&str> = t.split("Sammanfattning av dina svar").skip(1).collect();
    assert_eq!(summaries.len(), 3, "{t}");
    // The summary says it is not answered, and gives no code for it.
    assert!(
        summaries[1].contains(&format!("  8. {remote}: Inte besvarad\n")),
        "{}",
        summaries[1]
    );
    let second = &summaries[1][..summaries[1].find("Bara Enter").unwrap()];
    assert!(!second.contains("Svarskod"), "{second}");
    let answer_first =
        format!("Frågan ”{remote}” är inte besvarad än. Svara på den för att se resultatet.");
    assert!(
        summaries[1].contains(&format!("{}\n", wrap(&answer_first, 80))),
        "{}",
        summaries[1]
    );
    assert!(
        summaries[2].contains(&format!("  8. {remote}: Nej\n")),
        "{t}"
    );
}

#[test]
fn the_result_is_the_same_as_for_an_answers_file() {
    let c = content();
    let yaml = "meeting_type: teaching\nrecording: teaching_material\nsensitive_data: [health]\nscreen_sharing: unknown\n";
    let start = parse_answers(c, "test", yaml).expect("the answers parse");
    let dir = scratch("same");
    // Enter through every question: the start answers stand.
    let mut lines = vec![""; 10];
    lines.extend(["", ""]);
    let (outcome, t) = session(Lang::Sv, start.clone(), &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    assert_eq!(answers.values, start.values);
    // They are answers given, and each question says which.
    let asked = engine::flow::asked(c, &start.values).len();
    assert_eq!(t.matches("Ditt svar: ").count(), asked, "{t}");
    let profile = start.profile_or_default(c);
    let rec = engine::evaluate(c, profile, &start);
    let text = report::to_text(&Report::new(c, &start, &rec, Lang::Sv));
    assert!(t.contains(&wrap(&text, 80)), "the report is not in:\n{t}");
}

#[test]
fn back_returns_to_the_previous_question_and_keeps_the_answers() {
    let dir = scratch("back");
    let lines = [
        "b", // at the first question: nowhere to go
        "2", // board
        "1", // security classified: yes
        "b", // back to security classified
        "2", // no after all
        "b", // back again: now shows "2. Nej" as the answer given
        "",  // keep it
        "5", "1", // class not set; secrecy: yes
        "0", "1", "2", "2", // elected members remote: no
        "2", "1", "1", "", "",
    ];
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    let security = format!("Fråga 2 av 11: {}", step("security_classified", Lang::Sv));
    assert!(t.contains("Det här är den första frågan."), "{t}");
    assert_eq!(t.matches(&security).count(), 3, "{t}");
    let third = t.rmatch_indices(&security).next().unwrap().0;
    assert!(
        t[third..].contains("Ditt svar: 2. Nej. Bara Enter behåller det."),
        "{t}"
    );
    assert_eq!(value(&answers, "security_classified"), Answer::Bool(false));
    assert_eq!(value(&answers, "secrecy"), Answer::Bool(true));
    assert!(t.contains("Sefos"), "{t}");
}

#[test]
fn a_change_from_the_summary_asks_what_it_brings_in_and_returns() {
    let dir = scratch("change");
    let mut lines = ORDINARY.to_vec();
    lines.extend([
        "1", // summary: change the meeting type
        "2", // board: brings in the question on remote members
        "1", // elected members remote: yes
        "",  // summary again: show the result
        "",  // save: no
    ]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    assert_eq!(t.matches("Sammanfattning av dina svar").count(), 2, "{t}");
    let second = t
        .rmatch_indices("Sammanfattning av dina svar")
        .next()
        .unwrap()
        .0;
    let before = &t[..second];
    assert!(
        before.contains(&format!(
            "Fråga 8 av 11: {}",
            step("remote_board_members", Lang::Sv)
        )),
        "{t}"
    );
    // Only the changed and the new question were asked again.
    assert_eq!(t.matches("Fråga 2 av").count(), 1, "{t}");
    assert!(
        t[second..].contains(&format!(
            "  8. {}: Ja",
            step("remote_board_members", Lang::Sv)
        )),
        "{t}"
    );
    assert_eq!(value(&answers, "remote_board_members"), Answer::Bool(true));
}

#[test]
fn a_change_that_makes_an_answer_impossible_says_so_and_asks_again() {
    let c = content();
    let start = parse_answers(
        c,
        "test",
        "meeting_type: teaching\nrecording: teaching_material\n",
    )
    .expect("the answers parse");
    let dir = scratch("reset");
    let mut lines = vec![""; 10];
    lines.extend([
        "1", // summary: change the meeting type
        "1", // ordinary: teaching material is no longer offered
        "3", // recording, asked again: a meeting where participants discuss
        "",  // result
        "",  // save: no
    ]);
    let (outcome, t) = session(Lang::Sv, start, &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    let reset = format!(
        "Ditt svar på ”{}” gäller inte längre efter ändringen. Svara på frågan igen.",
        step("recording", Lang::Sv)
    );
    let reset = wrap(&reset, 80);
    assert!(t.contains(&reset), "{t}");
    // Reset is unanswered: Enter alone does not take the default.
    let after = &t[t.find(&reset).unwrap()..];
    assert!(!after.contains("Ditt svar: "), "{after}");
    assert_eq!(
        value(&answers, "recording"),
        choice("recording", "ordinary")
    );
}

#[test]
fn invalid_input_gets_one_line_and_the_same_prompt() {
    let dir = scratch("invalid");
    let mut lines = vec![
        "9",    // no such choice
        "ja",   // a word that is no choice of the meeting type
        "2",    // board
        "nej",  // a yes/no question takes its label too
        "5",    // information class: not set
        "2",    // secrecy: no
        "6 9",  // sensitive data: 9 is no category
        "0 6",  // 0 cannot go with others
        "6, 2", // health and political opinions
    ];
    // Personal data is implied; external, remote members, screen,
    // control, recording.
    lines.extend(["2", "2", "2", "1", "1"]);
    lines.extend(["", ""]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (answers, _, _) = finished(outcome, &t);
    assert!(
        t.contains("Svar: 9\n”9” är inget av valen. Skriv ett nummer från 1 till 7.\nSvar: "),
        "{t}"
    );
    assert!(t.contains("”ja” är inget av valen."), "{t}");
    assert!(
        t.contains("”9” är inget av valen. Skriv nummer från 1 till 7, eller 0 för inga."),
        "{t}"
    );
    assert!(
        t.contains("0 betyder inga och kan inte stå tillsammans med andra nummer."),
        "{t}"
    );
    assert_eq!(value(&answers, "security_classified"), Answer::Bool(false));
    let q = content().question("sensitive_data").unwrap();
    let bits = |id: &str| 1u64 << content().questions[q].option_index(id).unwrap();
    assert_eq!(
        answers.values[q],
        Answer::Set(bits("health") | bits("political_opinions"))
    );
    assert!(t.contains("Sefos"), "{t}");
}

#[test]
fn question_mark_repeats_the_question_and_q_quits() {
    let dir = scratch("quit");
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &["?", "1", "q"]);
    assert_eq!(outcome.expect("quitting is no error"), PlainOutcome::Quit);
    assert_eq!(
        t.matches(&format!(
            "Fråga 1 av 10: {}",
            step("meeting_type", Lang::Sv)
        ))
        .count(),
        2,
        "{t}"
    );
    assert!(t.contains("Fråga 2 av 10"), "{t}");
    assert!(t.trim_end().ends_with("Avslutat. Inget sparades."), "{t}");
}

#[test]
fn input_that_ends_early_is_bad_input_pointing_to_answers_files() {
    let dir = scratch("eof");
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &["1", "2"]);
    let e = outcome.expect_err("input ended");
    let bad = e.downcast_ref::<BadInput>().expect("bad input (exit 2)");
    assert_eq!(
        bad.0,
        format!(
            "indata tog slut innan guiden var klar (vid fråga 3 av 10, {}); för att utvärdera svar utan att svara på frågor, använd --answers FIL med en svarsfil i YAML",
            step("information_class", Lang::Sv)
        )
    );
    assert!(t.ends_with("Svar: \n"), "{t}");

    let (outcome, _) = session(Lang::En, defaults(), &dir, &[]);
    let e = outcome.expect_err("no input at all");
    assert!(
        e.to_string().starts_with(&format!(
            "input ended before the guide finished (at question 1 of 10, {}); ",
            step("meeting_type", Lang::En)
        )),
        "{e}"
    );
    assert!(e.to_string().contains("--answers FILE"), "{e}");

    // Input ending at the offer to save, after the whole result was
    // printed, is a plain "no": a normal end, nothing saved.
    let mut lines = BOARD.to_vec();
    lines.truncate(BOARD.len() - 1);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (_, _, saved) = finished(outcome, &t);
    assert_eq!(saved, None);
    // Ending while a file name is asked for is still an error.
    let mut lines = BOARD.to_vec();
    lines.truncate(BOARD.len() - 1);
    lines.push("1");
    let (outcome, _) = session(Lang::Sv, defaults(), &dir, &lines);
    assert!(
        outcome
            .expect_err("ended at the file name")
            .to_string()
            .contains("(vid frågan om att spara)")
    );
}

#[test]
fn saving_writes_the_markdown_and_never_overwrites_without_a_yes() {
    let c = content();
    let dir = scratch("save");
    let mut lines = BOARD.to_vec();
    lines.pop();
    lines.extend(["1", ""]); // save: yes; Enter takes the offered name
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (answers, _, saved) = finished(outcome, &t);
    let first = dir.join("motesguide-resultat.md");
    assert_eq!(
        saved.map(|p| p.canonicalize().unwrap()),
        Some(first.canonicalize().unwrap())
    );
    let rec = engine::evaluate(c, c.default_profile, &answers);
    let markdown = report::to_markdown(&Report::new(c, &answers, &rec, Lang::Sv));
    assert_eq!(std::fs::read_to_string(&first).unwrap(), markdown);
    assert!(t.contains("Sparat: "), "{t}");

    // The next offer is a free name; a name that exists needs a yes.
    std::fs::write(dir.join("mitt.md"), "gammalt").unwrap();
    let mut lines = BOARD.to_vec();
    lines.pop();
    lines.extend([
        "1",       // save: yes
        "mitt.md", // exists
        "",        // overwrite? Enter is no
        "mitt.md", // again
        "2",       // no
        "mitt.md", // again
        "1",       // yes
    ]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (_, _, saved) = finished(outcome, &t);
    assert!(t.contains("Enter väljer: motesguide-resultat-2.md"), "{t}");
    assert_eq!(t.matches("Filen finns redan: ").count(), 3, "{t}");
    assert_eq!(t.matches("Vill du skriva över den?").count(), 3, "{t}");
    assert_eq!(
        saved.map(|p| p.canonicalize().unwrap()),
        Some(dir.join("mitt.md").canonicalize().unwrap())
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("mitt.md")).unwrap(),
        markdown
    );

    // Without a yes nothing is written; no temporary file is left behind.
    std::fs::write(dir.join("mitt.md"), "gammalt").unwrap();
    let mut lines = BOARD.to_vec();
    lines.pop();
    lines.extend(["1", "mitt.md", "2", "q"]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    let (_, _, saved) = finished(outcome, &t);
    assert_eq!(saved, None);
    assert_eq!(
        std::fs::read_to_string(dir.join("mitt.md")).unwrap(),
        "gammalt"
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["mitt.md", "motesguide-resultat.md"]);

    // A folder that does not exist is said, and the name asked again.
    let mut lines = BOARD.to_vec();
    lines.pop();
    lines.extend(["1", "saknas/x.md", "b", ""]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    finished(outcome, &t);
    assert!(t.contains("Kunde inte spara "), "{t}");
    assert!(t.contains(": mappen finns inte"), "{t}");
}

#[test]
fn save_errors_are_said_in_the_chosen_language() {
    let dir = scratch("save-errors");
    let long = format!("{}.md", "å".repeat(200));
    let mut lines = BOARD.to_vec();
    lines.pop();
    lines.extend(["1", "saknas/x.md", &long, "b", ""]);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &lines);
    finished(outcome, &t);
    let said = |t: &str, template: &str, path: PathBuf| {
        let line = wrap(&template.replace("{}", &path.display().to_string()), 80);
        assert!(t.contains(&format!("{line}\n")), "`{line}` not in:\n{t}");
    };
    let (missing, long) = (dir.join("saknas/x.md"), dir.join(&long));
    said(
        &t,
        "Kunde inte spara {}: mappen finns inte",
        missing.clone(),
    );
    said(
        &t,
        "Kunde inte spara {}: filnamnet är för långt",
        long.clone(),
    );

    let (outcome, t) = session(Lang::En, defaults(), &dir, &lines);
    finished(outcome, &t);
    said(&t, "Could not save {}: the folder does not exist", missing);
    said(&t, "Could not save {}: the file name is too long", long);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "nothing saved");
}

#[test]
fn english_is_a_full_translation() {
    let dir = scratch("english");
    let (outcome, t) = session(Lang::En, defaults(), &dir, BOARD);
    finished(outcome, &t);
    for expected in [
        "Meeting guide – secure digital meetings",
        "Answer by typing a number and pressing Enter.",
        &format!("Question 1 of 10: {}", step("meeting_type", Lang::En)),
        &format!(
            "Question 8 of 11: {}",
            step("remote_board_members", Lang::En)
        ),
        "Help: ",
        "Source: ",
        "  1. Yes\n  2. No\n  3. Don't know\n",
        "Enter chooses: 2. No",
        "Summary of your answers",
        "Enter on its own shows the result.",
        "Digital meeting permitted on: Sefos or ProRenata",
        "Answer code: ",
        "Do you want to save the result as a Markdown file?",
        "Done.",
    ] {
        assert!(t.contains(expected), "`{expected}` missing from:\n{t}");
    }
    for swedish in [
        "Fråga",
        "Svar:",
        "Hjälp",
        "Källa",
        "Enter väljer",
        "Klart",
        " Ja\n",
        "Nej",
    ] {
        assert!(!t.contains(swedish), "`{swedish}` in the English run:\n{t}");
    }
}

#[test]
fn every_line_is_wrapped_at_word_boundaries_to_the_width() {
    let dir = scratch("narrow");
    let (outcome, wide) = session_at(80, Lang::Sv, defaults(), &dir, BOARD);
    finished(outcome, &wide);
    for width in [40, 60] {
        let (outcome, t) = session_at(width, Lang::Sv, defaults(), &dir, BOARD);
        finished(outcome, &t);
        for line in t.lines() {
            assert!(line.width() <= width, "{} columns: {line:?}", line.width());
        }
        // Only where the lines break differs: the same words in order.
        assert!(t.split_whitespace().eq(wide.split_whitespace()));
        // A checklist item hangs under its text, not under its number.
        let lines: Vec<&str> = t.lines().collect();
        let list = lines
            .iter()
            .position(|l| *l == "Checklista för deltagarna:")
            .expect("the participants' checklist");
        assert!(lines[list + 1].starts_with("  1. "), "{t}");
        let next = lines[list + 2];
        assert!(
            next.starts_with("     ") && !next[5..].starts_with([' ', '(']),
            "{t}"
        );
    }
}

#[test]
fn typed_escape_sequences_are_not_echoed() {
    let dir = scratch("escape");
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &["\u{1b}[2J\u{1b}[31m", "q"]);
    assert_eq!(outcome.unwrap(), PlainOutcome::Quit);
    // Shown as typed, escaped: nothing typed moves the cursor or colours.
    assert!(
        t.contains("”\\u{1b}[2J\\u{1b}[31m” är inget av valen."),
        "{t}"
    );
}

#[test]
fn an_endless_line_is_refused_and_reading_goes_on() {
    let dir = scratch("long");
    let long = "1".repeat(100_000);
    let (outcome, t) = session(Lang::Sv, defaults(), &dir, &[&long, "q"]);
    assert_eq!(outcome.unwrap(), PlainOutcome::Quit);
    assert!(t.contains("Raden är för lång. Skriv ett nummer."), "{t}");
    assert!(t.len() < 10_000, "the long line was echoed");
}

#[test]
fn the_profile_is_the_options_then_the_answers_then_the_default() {
    let c = content();
    let other = (0..c.profiles.len())
        .find(|&p| p != c.default_profile)
        .expect("a second profile");
    let dir = scratch("profile");
    let mut start = defaults();
    start.profile = Some(other);
    let (outcome, t) = session(Lang::Sv, start, &dir, BOARD);
    let (answers, code, _) = finished(outcome, &t);
    assert_eq!(answers.profile, Some(other));
    assert_eq!(code::decode(c, &code).unwrap().1, other);
    assert!(
        t.contains(&format!("Profil: {}", c.profiles[other].name.sv)),
        "{t}"
    );
}
