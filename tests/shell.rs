//! The tool as a shell meets it: `--help` in the run's language, with what
//! the tool is, how it starts, examples and the exit codes; completion
//! scripts and the man page; the environment variables of CONTRACT.md,
//! their precedence and refusals; and a build without the wizard (cargo
//! feature `tui` off), which does everything else.

mod common;

use common::*;

/// A successful run without standard input: its standard output.
fn ok(args: &[&str]) -> String {
    common::ok(args, None)
}

fn assert_mentions(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "`{w}` is missing from:\n{text}");
    }
}

/// clap's own words, which a Swedish help must not show.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "possible values",
    "[OPTIONS]",
    "[COMMAND]",
];

#[test]
fn help_is_swedish_by_default_with_the_wizard_examples_and_exit_codes() {
    for flag in ["--help", "-h"] {
        let help = ok(&[flag]);
        assert_mentions(
            &help,
            &[
                "Användning: motesguide [FLAGGOR] [KOMMANDO]",
                "Flaggor:",
                "--answers <FIL>",
                "Exempel:",
                "motesguide --answers mote.yaml",
                "starta guiden",
                "Miljövariabler:",
                "MOTESGUIDE_CONTENT  mappen med policyinnehåll, som --content",
                "MOTESGUIDE_LANG",
                "Slutstatus:",
                "0  klart",
                "1  annat fel",
                "2  felaktig indata",
            ],
        );
        for english in CLAP_ENGLISH {
            assert!(!help.contains(english), "`{english}` in:\n{help}");
        }
    }
    // The long help says what the tool is and how it starts.
    let start = if cfg!(feature = "tui") {
        "Utan argument startar den interaktiva guiden"
    } else {
        "Den här versionen är byggd utan den interaktiva guiden"
    };
    assert_mentions(
        &ok(&["--help"]),
        &["vilken plattform ett digitalt möte får använda", start],
    );
}

#[test]
fn help_follows_lang_into_english() {
    for args in [&["--help", "--lang", "en"][..], &["--lang=en", "-h"]] {
        let help = ok(args);
        assert_mentions(
            &help,
            &[
                "Usage: motesguide [OPTIONS] [COMMAND]",
                "Options:",
                "--answers <FILE>",
                "Examples:",
                "motesguide --answers meeting.yaml",
                "start the wizard",
                "Environment:",
                "MOTESGUIDE_PROFILE  the profile, as --profile",
                "Exit codes:",
                "0  success",
                "1  any other failure",
                "2  bad input",
            ],
        );
        assert!(!help.contains("Flaggor"), "{help}");
    }
    let start = if cfg!(feature = "tui") {
        "Without arguments it starts the interactive wizard"
    } else {
        "This build has no interactive wizard"
    };
    assert_mentions(
        &ok(&["--help", "--lang", "en"]),
        &["which platform a digital meeting may use", start],
    );
}

#[test]
fn every_command_has_its_help_in_both_languages() {
    for command in ["validate", "scenarios", "diff"] {
        let sv = ok(&[command, "--help"]);
        assert_mentions(
            &sv,
            &[&format!("Användning: motesguide {command}"), "Flaggor:"],
        );
        for english in CLAP_ENGLISH {
            assert!(!sv.contains(english), "`{english}` in:\n{sv}");
        }
        let en = ok(&[command, "--help", "--lang", "en"]);
        assert_mentions(&en, &[&format!("Usage: motesguide {command}"), "Options:"]);
        // `help COMMAND` says the same, `--lang` before or after it.
        assert_eq!(ok(&["help", command]), sv);
        assert_eq!(ok(&["help", command, "--lang", "en"]), en);
        assert_eq!(ok(&["help", "--lang=en", command]), en);
        assert_eq!(ok(&["--lang", "en", "help", command]), en);
    }
    // The arguments stand in the order they are given, under their names
    // in the language.
    let sv = ok(&["diff", "--help"]);
    let (old, new) = (
        sv.find("<GAMMAL_MAPP>  ").unwrap(),
        sv.find("<NY_MAPP>  ").unwrap(),
    );
    assert!(old < new, "{sv}");
}

#[test]
fn lang_takes_sv_or_en_and_refuses_others_in_both() {
    let o = run(&["--lang", "de"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "motesguide: --lang: okänt språk `de`; välj sv (svenska, standard) eller en (engelska)\n\
         --lang: unknown language `de`; accepted: sv (Swedish, default), en (English)\n"
    );
    assert!(o.stdout.is_empty());
    // A command's missing arguments, in the language asked for.
    let o = run(&["diff"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "motesguide: obligatoriska argument saknas: <GAMMAL_MAPP> <NY_MAPP>; se motesguide --help\n"
    );
    let o = run(&["diff", "--lang", "en"], None);
    assert_eq!(
        stderr(&o),
        "motesguide: required arguments are missing: <OLD_DIR> <NEW_DIR>; see motesguide --help\n"
    );
}

// ---- Completions and the man page (CONTRACT.md 0.2) ----

const COMMANDS: [&str; 5] = ["validate", "scenarios", "diff", "completions", "man"];

#[test]
fn every_shell_gets_a_completion_script_with_the_commands_and_options() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = ok(&["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {script}");
        assert!(script.contains("motesguide"), "{shell}");
        // Options by their long name: fish writes `-l answers`.
        for word in COMMANDS
            .iter()
            .chain(&["answers", "format", "what-if", "lang", "content"])
        {
            assert!(script.contains(word), "{shell} lacks `{word}`");
        }
    }
    // The values of --lang and --format complete too.
    let zsh = ok(&["completions", "zsh"]);
    assert!(
        zsh.contains("(sv en)") && zsh.contains("(text markdown json)"),
        "{zsh}"
    );
    // Descriptions follow the language.
    let fish = ok(&["completions", "fish", "--lang", "en"]);
    assert!(fish.contains("Check a content folder"), "{fish}");
    assert!(ok(&["completions", "fish"]).contains("Kontrollera en innehållsmapp"));
    // An unknown shell is a usage error naming the accepted ones.
    bad_input(
        &run(&["completions", "tcsh", "--lang", "en"], None),
        &["`tcsh`", "bash, elvish, fish, powershell, zsh"],
    );
}

#[test]
fn the_man_page_is_roff_with_every_option_command_and_section() {
    for (lang, headings) in [
        (
            "sv",
            [
                ".SH NAMN",
                ".SH SYNOPSIS",
                ".SH BESKRIVNING",
                ".SH FLAGGOR",
                ".SH KOMMANDON",
                ".SH EXEMPEL",
                ".SH MILJÖVARIABLER",
                ".SH SLUTSTATUS",
            ],
        ),
        (
            "en",
            [
                ".SH NAME",
                ".SH SYNOPSIS",
                ".SH DESCRIPTION",
                ".SH OPTIONS",
                ".SH COMMANDS",
                ".SH EXAMPLES",
                ".SH ENVIRONMENT",
                ".SH \"EXIT CODES\"",
            ],
        ),
    ] {
        let page = ok(&["man", "--lang", lang]);
        assert!(page.starts_with(".TH motesguide 1 "), "{page}");
        assert_mentions(&page, &headings);
        // Every option, roff's minus signs and all, and every command.
        for option in [
            "answers",
            "format",
            "scenario",
            "code",
            "plain",
            "compare",
            "what\\-if",
            "profile",
            "lang",
            "print",
            "presentation",
            "content",
        ] {
            assert!(
                page.contains(&format!("\\fB\\-\\-{option}\\fR")),
                "{lang}: --{option}"
            );
        }
        for command in COMMANDS {
            assert!(
                page.contains(&format!(".SS \"motesguide {command}")),
                "{lang}: {command}"
            );
        }
        assert_mentions(&page, &["MOTESGUIDE_CONTENT", "\\fB2\\fR"]);
        // One title, and no section heading clap_mangen leaves in English.
        assert_eq!(page.matches(".TH ").count(), 1);
        if lang == "sv" {
            assert!(!page.contains(".SH NAME") && !page.contains(".SH OPTIONS"));
        }
    }
    // Swedish by default, as --help.
    assert!(ok(&["man"]).contains(".SH BESKRIVNING"));
}

// ---- The environment (CONTRACT.md 0.2) ----

/// A successful run with environment variables set: its standard output.
fn ok_env(args: &[&str], vars: &[(&str, &str)], stdin: Option<&[u8]>) -> String {
    let o = run_env(args, vars, stdin);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?} with {vars:?} failed: {}",
        stderr(&o)
    );
    assert!(o.stderr.is_empty(), "{vars:?}: {}", stderr(&o));
    stdout(&o)
}

const SECRECY: &[u8] = b"secrecy: true\n";

/// The `"profile"` of a JSON recommendation.
fn json_profile(out: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(out).expect("JSON output");
    v["profile"].as_str().expect("a profile").to_owned()
}

#[test]
fn motesguide_lang_sets_the_language_and_the_flag_wins() {
    let answers = ["--answers", "-"];
    let en = ok_env(&answers, &[("MOTESGUIDE_LANG", "en")], Some(SECRECY));
    assert!(en.starts_with("Meeting guide"), "{en}");
    let sv = ok_env(
        &["--answers", "-", "--lang", "sv"],
        &[("MOTESGUIDE_LANG", "en")],
        Some(SECRECY),
    );
    assert!(sv.starts_with("Mötesguide"), "{sv}");
    // Empty is unset: Swedish, the default.
    let sv = ok_env(&answers, &[("MOTESGUIDE_LANG", "")], Some(SECRECY));
    assert!(sv.starts_with("Mötesguide"), "{sv}");
    // Refusals, help and usage errors follow it too.
    let vars = [("MOTESGUIDE_LANG", "en")];
    bad_input(
        &run_env(&["--answers", "-", "--profile", "x"], &vars, Some(SECRECY)),
        &["--profile: unknown profile `x`; accepted: standard, bilaga-6"],
    );
    assert!(ok_env(&["--help"], &vars, None).contains("Exit codes:"));
    bad_input(
        &run_env(&["--bogus"], &vars, None),
        &["unknown argument `--bogus`; see motesguide --help"],
    );
}

#[test]
fn an_unknown_motesguide_lang_is_refused_in_both_naming_the_variable() {
    let vars = [("MOTESGUIDE_LANG", "de")];
    let err = bad_input(&run_env(&["--answers", "-"], &vars, Some(SECRECY)), &[]);
    assert_eq!(
        err,
        "motesguide: MOTESGUIDE_LANG (miljövariabel): okänt språk `de`; välj sv (svenska, standard) eller en (engelska)\n\
         MOTESGUIDE_LANG (environment variable): unknown language `de`; accepted: sv (Swedish, default), en (English)\n"
    );
    // Every command reads it, and a control character stays escaped.
    bad_input(
        &run_env(&["scenarios"], &[("MOTESGUIDE_LANG", "e\nn")], None),
        &["MOTESGUIDE_LANG (miljövariabel): okänt språk `e\\nn`"],
    );
    // The flag wins: the variable is not read.
    ok_env(&["--answers", "-", "--lang", "en"], &vars, Some(SECRECY));
}

#[test]
fn motesguide_profile_sets_the_profile_and_the_flag_wins() {
    let json = ["--answers", "-", "--format", "json"];
    let file: &[u8] = b"profile: standard\nsecrecy: true\n";
    let out = ok_env(&json, &[("MOTESGUIDE_PROFILE", "bilaga-6")], Some(file));
    // As --profile would, it overrides the file's own `profile`.
    assert_eq!(json_profile(&out), "bilaga-6");
    let out = ok_env(
        &[
            "--answers",
            "-",
            "--format",
            "json",
            "--profile",
            "standard",
        ],
        &[("MOTESGUIDE_PROFILE", "bilaga-6")],
        Some(file),
    );
    assert_eq!(json_profile(&out), "standard");
    let out = ok_env(&json, &[("MOTESGUIDE_PROFILE", "")], Some(SECRECY));
    assert_eq!(json_profile(&out), "standard");
    // A profile from an answer code gives way to it as well.
    let out = ok_env(
        &["--scenario", "namndsmote-sekretess", "--format", "json"],
        &[("MOTESGUIDE_PROFILE", "bilaga-6")],
        None,
    );
    assert_eq!(json_profile(&out), "bilaga-6");
}

#[test]
fn an_unknown_motesguide_profile_names_the_variable_and_the_profiles() {
    let vars = [("MOTESGUIDE_PROFILE", "bilaga-7")];
    let err = bad_input(&run_env(&["--answers", "-"], &vars, Some(SECRECY)), &[]);
    assert_eq!(
        err,
        "motesguide: MOTESGUIDE_PROFILE (miljövariabel): okänd profil `bilaga-7`; giltiga profiler: standard, bilaga-6\n"
    );
    let en = [
        ("MOTESGUIDE_PROFILE", "bilaga-7"),
        ("MOTESGUIDE_LANG", "en"),
    ];
    bad_input(
        &run_env(&["--answers", "-"], &en, Some(SECRECY)),
        &[
            "MOTESGUIDE_PROFILE (environment variable): unknown profile `bilaga-7`; accepted: standard, bilaga-6",
        ],
    );
    // The flag wins; commands without --profile do not read it.
    ok_env(
        &["--answers", "-", "--profile", "standard"],
        &vars,
        Some(SECRECY),
    );
    ok_env(&["scenarios"], &vars, None);
}

#[test]
fn motesguide_content_sets_the_content_folder_and_the_flag_wins() {
    let copy = TempDir::new("env-content");
    copy_dir(&content_dir(), copy.path());
    let dir = copy.path().to_str().expect("a UTF-8 path");
    let vars = [("MOTESGUIDE_CONTENT", dir)];
    let out = ok_env(&["validate"], &vars, None);
    assert!(out.starts_with(&format!("{dir}: sound")), "{out}");
    ok_env(&["--answers", "-"], &vars, Some(SECRECY));
    ok_env(&["scenarios"], &vars, None);
    // --content wins over it.
    let other = TempDir::new("env-content-flag");
    copy_dir(&content_dir(), other.path());
    let flag = other.path().to_str().expect("a UTF-8 path");
    let out = ok_env(&["validate", "--content", flag], &vars, None);
    assert!(out.starts_with(&format!("{flag}: sound")), "{out}");
    // Empty: the built-in content.
    let out = ok_env(&["validate"], &[("MOTESGUIDE_CONTENT", "")], None);
    assert!(out.starts_with("the built-in content: sound"), "{out}");
}

#[test]
fn a_bad_motesguide_content_is_refused_naming_the_variable() {
    let dir = TempDir::new("env-content-bad");
    let missing = dir.path().join("missing");
    let missing = missing.to_str().expect("a UTF-8 path");
    let vars = [("MOTESGUIDE_CONTENT", missing)];
    for args in [
        &["--answers", "-"][..],
        &["validate"],
        &["validate", "--format", "json"],
        &["scenarios"],
    ] {
        let err = bad_input(&run_env(args, &vars, Some(SECRECY)), &[]);
        assert_eq!(
            err,
            format!(
                "motesguide: MOTESGUIDE_CONTENT (miljövariabel): `{missing}` är ingen mapp som kan läsas; ange sökvägen till en mapp med policyinnehåll, som för --content, eller ta bort variabeln\n"
            ),
            "{args:?}"
        );
    }
    // A folder that is not content: its problems, after the variable.
    let empty = dir.path().to_str().expect("a UTF-8 path");
    let vars = [("MOTESGUIDE_CONTENT", empty), ("MOTESGUIDE_LANG", "en")];
    let o = run_env(&["--answers", "-"], &vars, Some(SECRECY));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "motesguide: MOTESGUIDE_CONTENT (environment variable): the policy content in {empty} has "
        )),
        "{err}"
    );
    // diff takes its folders as arguments and does not read it.
    let c = content_dir();
    let c = c.to_str().expect("a UTF-8 path");
    ok_env(&["diff", c, c], &vars, None);
}

// ---- A build without the wizard (`--no-default-features`) ----

/// The refusal of a build without the wizard, in Swedish and English.
#[cfg(not(feature = "tui"))]
const NO_WIZARD: [&str; 2] = [
    "motesguide: den här versionen av motesguide är byggd utan den interaktiva guiden (cargo-funktionen tui); använd --plain för att besvara frågorna rad för rad, eller --answers FIL för att utvärdera en färdig svarsfil\n",
    "motesguide: this build of motesguide has no interactive wizard (it was built without the cargo feature tui); use --plain to answer the questions line by line, or --answers FILE to evaluate a finished answers file\n",
];

#[cfg(not(feature = "tui"))]
#[test]
fn without_the_wizard_asking_for_it_is_bad_input_naming_plain() {
    // --print asks for the wizard even without a terminal.
    assert_eq!(bad_input(&run(&["--print"], None), &[]), NO_WIZARD[0]);
    let en = run(&["--print", "--lang", "en"], None);
    assert_eq!(bad_input(&en, &[]), NO_WIZARD[1]);
    // Everything else works.
    ok_env(&["--answers", "-"], &[], Some(SECRECY));
    ok(&["validate"]);
    ok(&["man"]);
    let plain = run(&["--plain"], Some(b"q\n"));
    assert!(stdout(&plain).contains("Mötesguide"), "{}", stdout(&plain));
}

#[cfg(not(feature = "tui"))]
#[test]
fn without_the_wizard_a_terminal_gets_the_refusal_not_a_screen() {
    use std::io::Read;

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    // 24 rows of 80 columns.
    let pair = native_pty_system()
        .openpty(PtySize::default())
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_motesguide"));
    cmd.env("TERM", "xterm-256color");
    for name in MOTESGUIDE_VARIABLES {
        cmd.env_remove(name);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("motesguide starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let status = child.wait().expect("motesguide ends");
    drop(pair.master);
    let mut out = Vec::new();
    let _ = reader.read_to_end(&mut out);
    let out = String::from_utf8_lossy(&out).replace("\r\n", "\n");
    assert_eq!(status.exit_code(), 2, "{out}");
    assert_eq!(out, NO_WIZARD[0]);
}
