//! `docs/policy-coverage.md` lists every sentence of the policy documents
//! with the content that covers it. Content changes; the note must not rot:
//! every id it names (in backticks, in the "covered by" column) must still
//! exist in the built-in content, and every normative sentence must name
//! some cover or say why none is needed.

mod common;

use common::*;

#[test]
fn every_id_the_coverage_note_names_exists() {
    let c = content();
    let note = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/policy-coverage.md"),
    )
    .expect("docs/policy-coverage.md reads");
    let known: Vec<String> = c
        .rules
        .iter()
        .map(|r| r.id.clone())
        .chain(c.items.iter().map(|i| i.id.clone()))
        .chain(c.warnings.iter().map(|w| w.id.clone()))
        .chain(c.questions.iter().map(|q| q.id.clone()))
        .chain(c.profiles.iter().map(|p| p.id.clone()))
        .chain(c.platforms.iter().map(|p| p.id.clone()))
        .chain(c.documents.iter().map(|d| d.id.clone()))
        .chain(
            c.questions
                .iter()
                .flat_map(|q| q.options.iter().map(|o| o.id.clone())),
        )
        .collect();
    let source_exists = |s: &str| {
        let (doc, section) = s.split_once('#').unwrap_or((s, ""));
        c.documents
            .iter()
            .any(|d| d.id == doc && d.sections.iter().any(|x| x.id == section))
    };
    let mut rows = 0;
    let mut problems = Vec::new();
    for line in note
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
    {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [id, section, _sentence, kind, covered, status] = cells[..] else {
            continue;
        };
        rows += 1;
        if let Some(s) = section.strip_prefix('`').and_then(|s| s.split('`').next()) {
            let doc = match id.chars().next() {
                Some('M') => "motala-2024",
                Some('B') => "bilaga-6",
                Some('S') => "seko-inspelning",
                _ => "uppsala-zoom",
            };
            if !source_exists(&format!("{doc}{s}")) {
                problems.push(format!("{id}: no section {doc}{s}"));
            }
        }
        for token in covered.split('`').skip(1).step_by(2) {
            // `question.help` names a question's help text.
            let token = token.strip_suffix(".help").unwrap_or(token);
            let ok = if token.contains('#') {
                source_exists(token)
            } else {
                known.iter().any(|k| k == token)
            };
            if !ok {
                problems.push(format!("{id}: `{token}` is not in the content"));
            }
        }
        if kind.starts_with("normative")
            && covered == "–"
            && !["background", "not applicable", "POLICY-NOTES"]
                .iter()
                .any(|s| status.starts_with(s))
        {
            problems.push(format!(
                "{id}: a normative sentence with no cover and no reason"
            ));
        }
    }
    assert!(rows >= 100, "only {rows} rows read from the note");
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}
