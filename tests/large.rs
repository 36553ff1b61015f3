//! The large content folder of the scale benchmark (`benches/scale.rs`,
//! issue 9): generated from the real content, it must be valid content.
//! The 35-question folder was beyond the enumerating analysis (20 million
//! combinations at most); the symbolic one proves it in milliseconds.

mod common;

use common::large::{self, FULL};
use common::{TempDir, run};
use motesguide::content;
use motesguide::engine::parse_answers;

/// `validate --content` on a generated folder with `extra` questions.
fn validate(dir: &TempDir, extra: usize, json: bool) -> (large::Large, std::process::Output) {
    let large = large::write(dir.path(), extra);
    let path = dir.path().to_str().expect("a UTF-8 temporary path");
    let mut args = vec!["validate", "--content", path];
    if json {
        args.extend(["--format", "json"]);
    }
    (large, run(&args, None))
}

/// 14 questions (three generated, about 1.3 million combinations) are
/// within today's analysis: every generated rule fires, none is shadowed,
/// every item is shown and the real invariants still hold.
#[test]
fn fourteen_questions_validate_clean() {
    let dir = TempDir::new("large-14");
    let (large, out) = validate(&dir, 3, false);
    assert_eq!(large.questions, 14);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {stdout}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("sound – 14 questions"), "{stdout}");
}

/// The 35-question folder (about 10^14 combinations) validates clean:
/// the symbolic analysis proves it, and the answers file the benchmark
/// gives it (20 "vet ej") is a valid answers file for it.
#[test]
fn thirty_five_questions_validate_clean() {
    let dir = TempDir::new("large-35");
    let (large, out) = validate(&dir, FULL, true);
    assert_eq!(large.questions, 35);
    assert_eq!(large.yes_no.len(), 20);
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("validate --format json prints JSON");
    let combinations = report["combinations"].as_f64().expect("a number");
    assert!(
        (5e13..5e14).contains(&combinations),
        "about 10^14 combinations, not {combinations}"
    );
    assert_eq!(report["problems"], serde_json::json!([]), "{report:#}");
    assert!(out.status.success(), "exit {:?}", out.status.code());
    let content = content::load_unchecked(dir.path()).expect("the folder loads");
    parse_answers(&content, "20 vet ej", &large.answers(20))
        .unwrap_or_else(|e| panic!("the benchmark's answers file: {e}"));
}
