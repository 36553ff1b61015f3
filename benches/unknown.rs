//! Many "vet ej" answers (issue 9, item 8): the built-in content with 20
//! extra yes/no questions that allow "vet ej", each read by a rule that
//! gives a checklist item, evaluated with the first `k` of them unknown.
//! Reports the engine alone and the engine with the report and its JSON,
//! for the evaluation as shipped and for the enumeration it replaced.
//!
//! Run with `cargo bench --bench unknown` (`-- --all` to enumerate the
//! 2^20 completions as well, minutes). Not a timed test: it reports,
//! it does not fail on a number. The folder cannot go through
//! `--content DIR`, whose whole-space check refuses 2^20 times the
//! built-in space, so it is loaded unchecked.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use common::{best_of, ms};

use motesguide::content::{self, Answer, Content, QuestionKind};
use motesguide::engine::space::Space;
use motesguide::engine::{self, Answers};
use motesguide::report::{self, Report};
use motesguide::text::Lang;

const EXTRA: usize = 20;

fn main() {
    let dir = extra_content();
    let (load_time, content) = best_of(10, || {
        content::load_unchecked(&dir).expect("the extended content loads")
    });
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "load the extended content (unchecked): {:.2} ms",
        ms(load_time)
    );
    let profile = content.profile("standard").expect("a standard profile");
    let first = content
        .questions
        .iter()
        .position(|q| q.id == "extra_01")
        .expect("the extra questions");
    // The enumeration of 2^20 completions takes minutes: only when asked.
    let all = std::env::args().any(|a| a == "--all");
    println!(
        "unknown  completions  evaluate (ms)  +report+json (ms)  symbolic (ms)  enumerated (ms)"
    );
    for k in [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 20] {
        let mut values = content.default_answers();
        for v in &mut values[first..first + k] {
            *v = Answer::Unknown;
        }
        row(&k.to_string(), &content, profile, values, k < 20 || all);
    }
    // The wizard's early result before any answer: every question open.
    let built_in = content::built_in().expect("the built-in content loads");
    let profile = built_in.profile("standard").expect("a standard profile");
    let values = vec![Answer::Unknown; built_in.questions.len()];
    println!("built-in content, every question open:");
    row("all", &built_in, profile, values, all);
}

/// Times the evaluations of `values` and prints them in a row; the
/// enumeration only if `enumerate`.
fn row(label: &str, content: &Content, profile: usize, values: Vec<Answer>, enumerate: bool) {
    let space = Space::of(content);
    let completions: u128 = (0..values.len())
        .filter(|&q| values[q] == Answer::Unknown)
        .map(|q| match content.questions[q].kind {
            QuestionKind::Multi => space.values[q].len() as u128,
            _ => content.questions[q].concrete_values().len() as u128,
        })
        .product();
    let answers = Answers {
        profile: Some(profile),
        values,
    };
    let runs = if completions >= 1 << 16 { 3 } else { 10 };
    let (engine_time, rec) = best_of(runs, || engine::evaluate(content, profile, &answers));
    let (whole_time, _) = best_of(runs, || whole(content, profile, &answers));
    let (symbolic_time, symbolic) = best_of(runs, || {
        engine::evaluate_symbolic(content, profile, &answers)
    });
    assert_eq!(rec, symbolic, "{label}: the two evaluations differ");
    let enumerated = enumerate.then(|| {
        let (took, old) = best_of(if completions >= 1 << 16 { 1 } else { runs }, || {
            engine::evaluate_enumerated(content, profile, &answers)
        });
        assert_eq!(rec, old, "{label}: the two evaluations differ");
        format!("{:>15.3}", ms(took))
    });
    println!(
        "{label:>7}  {completions:>11}  {:>13.3}  {:>17.3}  {:>13.3}  {}",
        ms(engine_time),
        ms(whole_time),
        ms(symbolic_time),
        enumerated.unwrap_or_else(|| format!("{:>15}", "(--all)"))
    );
}

/// What `--answers FILE --format json` does after loading: evaluate,
/// describe, render.
fn whole(content: &Content, profile: usize, answers: &Answers) -> String {
    let rec = engine::evaluate(content, profile, answers);
    let report = Report::new(content, answers, &rec, Lang::En);
    black_box(report::json_string(&report::to_json_value(&report)))
}

/// A copy of the built-in content with the extra questions, items and
/// rules, in a fresh temporary folder.
fn extra_content() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("motesguide-unknown-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content")),
        &dir,
    );
    let (mut questions, mut items, mut rules) = (String::new(), String::new(), String::new());
    for i in 1..=EXTRA {
        questions += &format!(
            "\n- id: extra_{i:02}\n  kind: yes_no\n  unknown: true\n  \
             step: {{ sv: Extra {i}, en: Extra {i} }}\n  \
             text: {{ sv: Extrafråga {i}?, en: Extra question {i}? }}\n  \
             help: {{ sv: Hjälp {i}., en: Help {i}. }}\n  \
             source: motala-2024#sakerhetsatgarder\n"
        );
        items += &format!(
            "\n- id: extra-item-{i:02}\n  text: {{ sv: Extra punkt {i}., en: Extra item {i}. }}\n  \
             source: motala-2024#sakerhetsatgarder\n  requires: {{ digital_meeting: true }}\n"
        );
        rules += &format!(
            "\n- id: extra-rule-{i:02}\n  when: {{ extra_{i:02}: true }}\n  \
             organiser: [extra-item-{i:02}]\n  \
             explain: {{ sv: Extra regel {i}., en: Extra rule {i}. }}\n  \
             source: motala-2024#sakerhetsatgarder\n"
        );
    }
    append(&dir.join("questions.yaml"), &questions);
    append(&dir.join("checklists.yaml"), &items);
    std::fs::write(dir.join("rules/80-extra.yaml"), rules).expect("writes the rules");
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates the folder");
    for entry in std::fs::read_dir(from).expect("reads the content folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copies a file");
        }
    }
}

fn append(path: &Path, text: &str) {
    let mut all = std::fs::read_to_string(path).expect("reads the file");
    all += text;
    std::fs::write(path, all).expect("writes the file");
}
