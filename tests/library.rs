//! The scenario library trainers use: every scenario has the outcome the
//! documents call for, and the compare and what-if views read as they should.

mod common;

use motesguide::engine::{self, parse_answers, whatif};
use motesguide::report::compare;
use motesguide::text::Lang;

/// Each library scenario and its decision: class | platforms | recording.
/// Checked by hand against the documents; a change here is a change of advice.
const EXPECTED: &[(&str, &str)] = &[
    // Uppsala: an examination may be recorded when it is the basis for grading.
    (
        "examination-betyg",
        "class 2 | teams,zoom | recording allowed",
    ),
    // Uppsala: not only to detect forbidden aids ("jmf kameraövervakning").
    (
        "examination-fuskkontroll",
        "class 2 | teams,zoom | recording forbidden",
    ),
    // Motala: class 4 "får inte genomföras digitalt".
    ("klass-4", "class 4 | no digital meeting | recording -"),
    // Seko: one-way communication may be recorded.
    (
        "livesandning-information",
        "class 1 | teams,zoom | recording allowed",
    ),
    // Motala: secrecy is class 3, Sefos and/or ProRenata.
    (
        "namndsmote-sekretess",
        "class 3 | sefos,prorenata | recording -",
    ),
    // Bilaga 6: where secrecy is handled, only Skype.
    (
        "namndsmote-sekretess-bilaga-6",
        "class 3 | skype | recording -",
    ),
    // "Vet ej" on secrecy is decided as if it were secret.
    ("okand-sekretess", "class 3 | sefos,prorenata | recording -"),
    (
        "personalutbildning-inspelad",
        "class 1 | teams,zoom | recording allowed",
    ),
    // Health and trade union membership are sensitive personal data.
    (
        "rehabmote-personal",
        "class 3 | sefos,prorenata | recording -",
    ),
    // Motala: security-classified information never in a digital meeting.
    (
        "sakerhetsskydd",
        "class 4 | no digital meeting | recording -",
    ),
    (
        "socialtjanst-halsa",
        "class 3 | sefos,prorenata | recording -",
    ),
    // Uppsala: teaching may be recorded as part of the teaching material.
    (
        "undervisning-inspelad",
        "class 2 | teams,zoom | recording allowed",
    ),
    // Seko: ordinary meetings may not be recorded.
    (
        "veckomote-inspelning",
        "class 2 | teams,zoom | recording forbidden",
    ),
    // Handing control to an outsider is warned about, the platform stays.
    (
        "workshop-extern-konsult",
        "class 2 | teams,zoom | recording -",
    ),
];

fn decision(id: &str) -> String {
    let c = common::content();
    let s = &c.scenarios[c
        .scenario(id)
        .unwrap_or_else(|| panic!("no scenario `{id}`"))];
    let answers = parse_answers(c, &s.file, &s.text).expect("a library scenario parses");
    let profile = answers.profile_or_default(c);
    let rec = engine::evaluate(c, profile, &answers);
    let platforms: Vec<&str> = rec
        .platforms
        .iter()
        .map(|&p| c.platforms[p].id.as_str())
        .collect();
    let recording = match rec.recording.allowed {
        None => "-",
        Some(true) => "allowed",
        Some(false) => "forbidden",
    };
    format!(
        "class {} | {} | recording {recording}",
        rec.class,
        if platforms.is_empty() {
            "no digital meeting".to_owned()
        } else {
            platforms.join(",")
        }
    )
}

#[test]
fn every_library_scenario_has_its_expected_outcome() {
    let c = common::content();
    let mut ids: Vec<&str> = c.scenarios.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let listed: Vec<&str> = EXPECTED.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        ids, listed,
        "every library scenario, and only those, has an expected outcome"
    );
    let wrong: Vec<String> = EXPECTED
        .iter()
        .filter_map(|(id, want)| {
            let got = decision(id);
            (got != *want).then(|| format!("{id}: expected {want}, got {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_library_scenario_has_a_title_and_story_in_both_languages() {
    for s in &common::content().scenarios {
        for lang in Lang::ALL {
            assert!(!s.title.get(lang).trim().is_empty(), "{}: title", s.id);
            assert!(
                s.story.get(lang).len() > 40,
                "{}: a story, not a stub",
                s.id
            );
        }
    }
}

/// The compare and what-if views for a scenario, as the CLI prints them.
fn views(id: &str, lang: Lang) -> String {
    let c = common::content();
    let s = &c.scenarios[c.scenario(id).expect("scenario")];
    let answers = parse_answers(c, &s.file, &s.text).expect("parses");
    let profile = answers.profile_or_default(c);
    let compared = compare::profile_lines(c, &whatif::compare(c, &answers.values), lang);
    let changes = compare::what_if_lines(c, &whatif::what_if(c, profile, &answers.values), lang);
    format!(
        "{}\n{}",
        compare::compare_text(&compared, lang),
        compare::what_if_text(&changes, lang)
    )
}

#[test]
fn compare_and_what_if_for_a_secret_board_meeting() {
    insta::assert_snapshot!("namndsmote_sv", views("namndsmote-sekretess", Lang::Sv));
    insta::assert_snapshot!("namndsmote_en", views("namndsmote-sekretess", Lang::En));
}

#[test]
fn compare_and_what_if_for_a_recorded_training() {
    insta::assert_snapshot!(
        "utbildning_sv",
        views("personalutbildning-inspelad", Lang::Sv)
    );
    insta::assert_snapshot!(
        "utbildning_en",
        views("personalutbildning-inspelad", Lang::En)
    );
}

#[test]
fn what_if_names_the_unknown_answer_that_would_lift_the_strict_verdict() {
    let text = views("okand-sekretess", Lang::En);
    assert!(
        text.contains("Secrecy: No → class 2: Microsoft Teams or Zoom"),
        "{text}"
    );
}
