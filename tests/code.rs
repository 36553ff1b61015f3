//! Answer codes (engine::code): every combination of the answer space under
//! every profile survives encode → decode, and so does each "vet ej"; every
//! single mistyped character is caught; most swapped neighbours are caught;
//! codes from other content are refused; the way people write codes
//! (lower case, spaces, I/L/O) is accepted; every refusal says why.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::Instant;

use motesguide::content::{self, Answer, Content, QuestOption};
use motesguide::engine::Answers;
use motesguide::engine::code::{self, CodeErrorKind, Codec};
use motesguide::engine::space::Space;
use motesguide::text::{Lang, Text};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| content::built_in().expect("the built-in content loads"))
}

/// One codec for the built-in content: building it hashes the content.
fn codec() -> &'static Codec<'static> {
    static CODEC: OnceLock<Codec<'static>> = OnceLock::new();
    CODEC.get_or_init(|| Codec::new(content()))
}

fn answers(values: &[Answer]) -> Answers {
    Answers {
        profile: None,
        values: values.to_vec(),
    }
}

/// Round-trips `values` under `profile`, returning the code.
fn round_trip(values: &[Answer], profile: usize) -> String {
    let written = codec().encode(&answers(values), profile);
    let (back, p) = codec()
        .decode(&written)
        .unwrap_or_else(|e| panic!("{written} for {values:?} does not decode: {e}"));
    assert_eq!(p, profile, "{written}: profile");
    assert_eq!(back.profile, Some(profile), "{written}: answers.profile");
    assert_eq!(back.values, values, "{written}: answers");
    written
}

/// About `count` codes spread evenly over the space under every profile.
fn sample_codes(c: &Content, count: usize) -> Vec<String> {
    let space = Space::of(c);
    let per_profile = count.div_ceil(c.profiles.len()) as u128;
    let stride = (space.len() / per_profile).max(1) as usize;
    let mut out = Vec::new();
    for profile in 0..c.profiles.len() {
        let mut n = 0usize;
        space.for_each(|values| {
            if n.is_multiple_of(stride) {
                out.push(codec().encode(&answers(values), profile));
            }
            n += 1;
        });
    }
    out
}

fn characters(code: &str) -> Vec<char> {
    code.chars().filter(|&c| c != '-').collect()
}

#[test]
fn whole_space_round_trips_under_every_profile_and_codes_are_distinct() {
    let c = content();
    let space = Space::of(c);
    let length = code::code_length(c);
    let started = Instant::now();
    let mut seen = HashSet::new();
    for profile in 0..c.profiles.len() {
        space.for_each(|values| {
            let written = round_trip(values, profile);
            assert_eq!(characters(&written).len(), length, "{written}");
            assert!(seen.insert(written), "two answer sets share a code");
        });
    }
    eprintln!(
        "{} codes of {length} characters round-trip in {:.2?}",
        seen.len(),
        started.elapsed()
    );
    assert_eq!(seen.len() as u128, space.len() * c.profiles.len() as u128);
}

#[test]
fn each_unknown_round_trips_on_every_combination() {
    let c = content();
    let space = Space::of(c);
    let open: Vec<usize> = (0..c.questions.len())
        .filter(|&q| c.questions[q].unknown)
        .collect();
    assert!(!open.is_empty(), "the content offers \"vet ej\" somewhere");
    let mut count = 0;
    for profile in 0..c.profiles.len() {
        space.for_each(|values| {
            let mut v = values.to_vec();
            for &q in &open {
                v[q] = Answer::Unknown;
                round_trip(&v, profile);
                v[q] = values[q];
                count += 1;
            }
        });
    }
    eprintln!("{count} answer sets with one \"vet ej\" round-trip");
}

#[test]
fn every_value_of_every_question_round_trips_including_all_of_a_multi() {
    let c = content();
    let defaults = c.default_answers();
    for (q, question) in c.questions.iter().enumerate() {
        let values: Vec<Answer> = match question.kind {
            motesguide::content::QuestionKind::Multi => (0..1u64 << question.options.len())
                .map(Answer::Set)
                .collect(),
            _ => code::values(question),
        };
        for value in values {
            let mut v = defaults.clone();
            v[q] = value;
            round_trip(&v, c.default_profile);
        }
    }
}

#[test]
fn the_largest_code_decodes_and_the_next_number_is_out_of_range() {
    let c = content();
    let last = c.profiles.len() - 1;
    let top: Vec<Answer> = c
        .questions
        .iter()
        .map(|q| match q.kind {
            motesguide::content::QuestionKind::Multi => Answer::Set((1u64 << q.options.len()) - 1),
            _ => *code::values(q).last().expect("a question has values"),
        })
        .collect();
    round_trip(&top, last);
    // Most well-formed codes (a right check character) stand for no answers:
    // the answer space is smaller than what the characters can write.
    let data = code::code_length(c) - 1;
    let (mut in_range, mut beyond) = (0, 0);
    for first in ALPHABET.chars() {
        for fill in ALPHABET.chars() {
            let number = format!("{first}{}", fill.to_string().repeat(data - 1));
            let results: Vec<_> = ALPHABET
                .chars()
                .map(|check| codec().decode(&format!("{number}{check}")))
                .filter(|r| !matches!(r, Err(e) if e.kind == CodeErrorKind::CheckFailed))
                .collect();
            assert_eq!(results.len(), 1, "{number}: one check character fits");
            match &results[0] {
                Ok(_) => in_range += 1,
                Err(e) => {
                    assert_eq!(e.kind, CodeErrorKind::OutOfRange, "{number}: {e}");
                    beyond += 1;
                }
            }
        }
    }
    eprintln!("well-formed codes: {in_range} stand for answers, {beyond} beyond the space");
    assert!(in_range > 0 && beyond > 0);
}

#[test]
fn every_single_substitution_is_rejected() {
    let c = content();
    let codes = sample_codes(c, 200);
    assert!(codes.len() >= 200, "only {} sample codes", codes.len());
    let mut tried = 0;
    for written in codes.iter().take(200) {
        let chars = characters(written);
        for pos in 0..chars.len() {
            for replacement in ALPHABET.chars().filter(|&r| r != chars[pos]) {
                let mut typo = chars.clone();
                typo[pos] = replacement;
                let typo: String = typo.into_iter().collect();
                let e = codec()
                    .decode(&typo)
                    .expect_err(&format!("{typo} (from {written}) was accepted"));
                assert!(
                    matches!(
                        e.kind,
                        CodeErrorKind::CheckFailed | CodeErrorKind::OutOfRange
                    ),
                    "{typo}: {e}"
                );
                tried += 1;
            }
        }
    }
    eprintln!("{tried} single substitutions, all rejected");
}

#[test]
fn most_adjacent_transpositions_are_rejected() {
    let c = content();
    let codes = sample_codes(c, 2000);
    let (mut tried, mut caught) = (0, 0);
    for written in &codes {
        let chars = characters(written);
        for pos in 0..chars.len() - 1 {
            if chars[pos] == chars[pos + 1] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(pos, pos + 1);
            let swapped: String = swapped.into_iter().collect();
            tried += 1;
            if codec().decode(&swapped).is_err() {
                caught += 1;
            }
        }
    }
    let rate = f64::from(caught) / f64::from(tried);
    eprintln!(
        "adjacent transpositions rejected: {caught} of {tried} ({:.1} %)",
        rate * 100.0
    );
    assert!(rate > 0.9, "only {:.1} % caught", rate * 100.0);
}

/// The built-in content with one change.
fn altered(change: impl FnOnce(&mut Content)) -> Content {
    let mut c = content::built_in().expect("the built-in content loads");
    change(&mut c);
    c
}

#[test]
fn codes_from_other_content_are_refused() {
    let c = content();
    let codes = sample_codes(c, 500);
    let recording = c.question("recording").expect("a recording question");
    let others: Vec<(&str, Content)> = vec![
        (
            "a question renamed",
            altered(|o| o.questions[1].id.push('x')),
        ),
        ("another renamed", altered(|o| o.questions[3].id.push('y'))),
        (
            "an option renamed",
            altered(|o| o.questions[0].options[2].id.push('z')),
        ),
        ("a profile renamed", altered(|o| o.profiles[1].id.push('w'))),
        ("questions reordered", altered(|o| o.questions.swap(1, 3))),
        (
            "an option added",
            altered(|o| {
                o.questions[recording].options.push(QuestOption {
                    id: "extra".into(),
                    label: Text::same("Extra"),
                    help: None,
                    offer_when: None,
                    line: 1,
                    column: 1,
                });
            }),
        ),
        (
            "\"vet ej\" no longer offered",
            altered(|o| {
                let q = o.questions.iter().position(|q| q.unknown).unwrap();
                o.questions[q].unknown = false;
            }),
        ),
    ];
    let mut total = 0.0;
    for (what, other) in &others {
        let refused = codes
            .iter()
            .filter(|w| code::decode(other, w).is_err())
            .count();
        let rate = refused as f64 / codes.len() as f64;
        eprintln!(
            "{what}: {:.1} % of {} codes refused",
            rate * 100.0,
            codes.len()
        );
        total += rate;
    }
    // One check character lets about 1 in 32 through by chance.
    let mean = total / others.len() as f64;
    assert!(mean > 0.85, "only {:.1} % refused on average", mean * 100.0);
}

#[test]
fn lower_case_spaces_and_look_alike_letters_are_accepted() {
    let c = content();
    let sample = sample_codes(c, 50);
    let with_one_zero = sample
        .iter()
        .find(|w| w.contains('1') && w.contains('0'))
        .expect("a sample code holds a 1 and a 0");
    for written in sample.iter().take(50).chain([with_one_zero]) {
        let expected = codec().decode(written).expect("the code decodes");
        let plain: String = characters(written).into_iter().collect();
        let spaced: String = plain.chars().flat_map(|ch| [ch, ' ']).collect::<String>();
        let variants = [
            written.to_lowercase(),
            plain.clone(),
            format!("  {spaced} "),
            plain.replace('1', "l").replace('0', "o"),
            plain.replace('1', "I").replace('0', "O"),
            plain.chars().fold(String::new(), |mut s, ch| {
                if s.len() % 3 == 2 {
                    s.push('-');
                }
                s.push(ch);
                s
            }),
        ];
        for v in variants {
            assert_eq!(
                codec().decode(&v).as_ref().ok(),
                Some(&expected),
                "`{v}` (for {written})"
            );
        }
    }
}

#[test]
fn codes_are_grouped_for_reading_aloud() {
    let c = content();
    let written = code::encode(c, &Answers::defaults(c), c.default_profile);
    let groups: Vec<&str> = written.split('-').collect();
    assert!(
        groups.iter().all(|g| (3..=4).contains(&g.len())),
        "{written}"
    );
    assert!(
        written.chars().all(|ch| ch == '-' || ALPHABET.contains(ch)),
        "{written}"
    );
    eprintln!("the default answers: {written}");
}

#[test]
fn errors_say_what_is_wrong_and_what_a_code_looks_like() {
    let c = content();
    let n = code::code_length(c);
    let good = code::encode(c, &Answers::defaults(c), c.default_profile);
    let plain: String = characters(&good).into_iter().collect();
    let message = |input: &str| {
        let e = code::decode(c, input).expect_err(input);
        e.bad_input(Lang::En).to_string()
    };
    let hint = format!("a code has {n} characters such as {good}");

    let short = &plain[..n - 1];
    let m = message(short);
    assert!(m.starts_with(&format!("--code {short}: ")), "{m}");
    assert!(m.contains(&format!("has {} characters", n - 1)), "{m}");
    assert!(m.contains(&hint), "{m}");

    let m = message(&format!("{plain}7"));
    assert!(m.contains(&format!("has {} characters", n + 1)), "{m}");

    let m = message("");
    assert!(m.contains("the code is empty"), "{m}");

    let mut bad = plain.clone();
    bad.replace_range(2..3, "U");
    let m = message(&format!("{}-{}", &bad[..3], &bad[3..]));
    assert!(m.contains("character 3, `U`, is not used in codes"), "{m}");
    let m = message("K7Q-4MÅ2");
    assert!(m.contains("character 6, `Å`"), "{m}");

    let mut typo: Vec<char> = plain.chars().collect();
    typo[1] = if typo[1] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let m = message(&typo);
    assert!(
        m.contains("a character is mistyped – read the code again"),
        "{m}"
    );
    assert!(
        m.ends_with("(shown on the summary and result screens)"),
        "{m}"
    );

    // Control characters are not echoed raw to the terminal.
    let m = message("\u{1b}[31m");
    assert!(!m.contains('\u{1b}'), "{m:?}");
    // Swedish, the default, says the same in Swedish.
    let e = code::decode(c, &typo).expect_err("a typo");
    assert_eq!(
        e.message(Lang::Sv),
        format!(
            "--code {typo}: ett tecken är felskrivet – läs koden igen; en kod har {n} tecken, till exempel {good} (koden visas på sidorna ”Kontrollera dina svar” och ”Resultat”)"
        )
    );
    let e = code::decode(c, "").expect_err("empty");
    assert!(e.message(Lang::Sv).contains(": koden är tom; "), "{e:?}");
    let e = code::decode(c, &bad).expect_err("a U");
    assert!(
        e.message(Lang::Sv)
            .contains("tecken 3, `U`, används inte i koder"),
        "{e:?}"
    );
}
