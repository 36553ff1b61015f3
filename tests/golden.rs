//! The decision table: one line per decision-relevant combination of
//! answers, with the class, the platforms and the recording verdict. Any
//! change in the advice shows up as a small diff of
//! `tests/golden/decision-table.txt` that a reviewer can read.
//!
//! The table varies profile, meeting type with each recording purpose the
//! wizard offers for it, security-classified (no/yes), information class
//! (not stated, 1–4, unknown), secrecy (no/yes/unknown) and sensitive
//! personal data (none/some); every other answer stays at its default.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the file.

mod common;

use std::fmt::Write;
use std::path::Path;

use common::*;
use motesguide::content::{Answer, Content};
use motesguide::engine::{self, flow};

fn short(a: Answer, yes_no: bool, c: &Content, q: usize) -> String {
    match a {
        Answer::Bool(true) if yes_no => "yes".into(),
        Answer::Bool(false) if yes_no => "no".into(),
        Answer::Unknown => "?".into(),
        Answer::Unanswered => "-".into(),
        Answer::Set(0) => "no".into(),
        Answer::Set(_) => "yes".into(),
        other => c.questions[q].answer_id(other),
    }
}

fn table(c: &Content) -> String {
    let meeting = question(c, "meeting_type");
    let security = question(c, "security_classified");
    let class = question(c, "information_class");
    let secrecy = question(c, "secrecy");
    let sensitive = question(c, "sensitive_data");
    let recording = question(c, "recording");
    // One category stands for all: the collapse test shows they decide alike.
    let some_sensitive = Answer::Set(1 << option(c, sensitive, "health"));
    let classes: Vec<Answer> = std::iter::once(Answer::Unanswered)
        .chain((0..c.questions[class].options.len()).map(Answer::Choice))
        .chain(std::iter::once(Answer::Unknown))
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# profile meeting_type sec=security_classified class=information_class secrecy sensitive=sensitive_data rec=recording\n\
         #   -> effective class | permitted platforms | recording (- not planned, yes allowed, no forbidden)\n\
         # Regenerate with UPDATE_GOLDEN=1 cargo test --test golden"
    );
    for (p, profile) in c.profiles.iter().enumerate() {
        for m in 0..c.questions[meeting].options.len() {
            let mut values = c.default_answers();
            values[meeting] = Answer::Choice(m);
            for r in flow::offered(c, &values, recording) {
                for sec in [Answer::Bool(false), Answer::Bool(true)] {
                    for &k in &classes {
                        for s in [Answer::Bool(false), Answer::Bool(true), Answer::Unknown] {
                            for sens in [Answer::Set(0), some_sensitive] {
                                values[recording] = Answer::Choice(r);
                                values[security] = sec;
                                values[class] = k;
                                values[secrecy] = s;
                                values[sensitive] = sens;
                                let summary = engine::summarise(c, p, &values);
                                let _ = writeln!(
                                    out,
                                    "{} {} sec={} class={} secrecy={} sensitive={} rec={} -> {}",
                                    profile.id,
                                    c.questions[meeting].options[m].id,
                                    short(sec, true, c, security),
                                    short(k, false, c, class),
                                    short(s, true, c, secrecy),
                                    short(sens, false, c, sensitive),
                                    c.questions[recording].options[r].id,
                                    summary_line(c, &summary)
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_decision_table_matches_the_committed_one() {
    let c = content();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/decision-table.txt");
    let now = table(c);
    let lines = now.lines().count();
    assert!(
        (1_000..5_000).contains(&lines),
        "the table has {lines} lines; keep it to a few thousand"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("a parent folder"))
            .expect("create tests/golden");
        std::fs::write(&path, &now).expect("write the decision table");
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; create it with UPDATE_GOLDEN=1 cargo test --test golden",
            path.display()
        )
    });
    if before == now {
        return;
    }
    // A readable diff: the lines that changed, old above new.
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = now.lines().collect();
    let mut diff = Vec::new();
    for i in 0..old.len().max(new.len()) {
        let (a, b) = (old.get(i), new.get(i));
        if a != b {
            diff.push(format!(
                "line {}:\n  - {}\n  + {}",
                i + 1,
                a.unwrap_or(&"(none)"),
                b.unwrap_or(&"(none)")
            ));
        }
    }
    let shown = diff.len().min(40);
    panic!(
        "the advice changed in {} line(s) of the decision table; review them and, if intended, run UPDATE_GOLDEN=1 cargo test --test golden\n{}{}",
        diff.len(),
        diff[..shown].join("\n"),
        if diff.len() > shown { "\n..." } else { "" }
    );
}
