//! The tool as a shell meets it: `--help` in the run's language, with what
//! the tool is, how it starts, examples and the exit codes.

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
    assert_mentions(
        &ok(&["--help"]),
        &[
            "vilken plattform ett digitalt möte får använda",
            "Utan argument startar den interaktiva guiden",
        ],
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
                "Exit codes:",
                "0  success",
                "1  any other failure",
                "2  bad input",
            ],
        );
        assert!(!help.contains("Flaggor"), "{help}");
    }
    assert_mentions(
        &ok(&["--help", "--lang", "en"]),
        &[
            "which platform a digital meeting may use",
            "Without arguments it starts the interactive wizard",
        ],
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
