//! "Vet ej" answers evaluated over sets of completions give, to the last
//! case, the recommendation the enumeration of every completion gives: for
//! random answers with random unknown and open questions under every
//! profile, and for every answer the content allows unknown at once.

mod common;

use std::sync::OnceLock;

use common::*;
use motesguide::content::{self, Answer, Content, QuestionKind};
use motesguide::engine::{self, Answers};
use proptest::prelude::*;

/// One answer as the strategy draws it: a concrete value, "vet ej" where
/// the question offers it, or open (not yet answered: an early result
/// evaluates it as "vet ej" whatever the question).
#[derive(Debug, Clone)]
enum Drawn {
    Value(u64),
    Unknown,
    Open,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    prop_oneof![
        5 => any::<u64>().prop_map(Drawn::Value),
        3 => Just(Drawn::Unknown),
        1 => Just(Drawn::Open),
    ]
}

/// The answer `d` stands for on question `q`: a concrete value within its
/// options, "vet ej" only where the content allows it.
fn answer(c: &Content, q: usize, d: &Drawn) -> Answer {
    let question = &c.questions[q];
    let n = question.options.len() as u64;
    let x = match d {
        Drawn::Unknown if question.unknown => return Answer::Unknown,
        Drawn::Open => return Answer::Unknown,
        Drawn::Value(x) => *x,
        Drawn::Unknown => 0,
    };
    match question.kind {
        QuestionKind::YesNo => Answer::Bool(x & 1 == 1),
        QuestionKind::Choice if question.default == Answer::Unanswered && x % (n + 1) == n => {
            Answer::Unanswered
        }
        QuestionKind::Choice => Answer::Choice((x % n) as usize),
        QuestionKind::Multi => Answer::Set(x & (u64::MAX >> (64 - n))),
    }
}

/// The built-in content with rules that name single options of the
/// multiple choice, which the built-in rules read only as empty or not: an
/// open one then spans several option bits.
fn named() -> &'static Content {
    static NAMED: OnceLock<Content> = OnceLock::new();
    NAMED.get_or_init(|| {
        let dir = TempDir::new("unknown-named");
        copy_dir(&content_dir(), dir.path());
        dir.write(
            "rules/90-named.yaml",
            "- id: named-health
  when: { sensitive_data: [health, sex_life] }
  warnings: [class-conflict]
  explain: { sv: Hälsa., en: Health. }
  source: motala-2024#kansliga-personuppgifter
- id: named-origin
  when: { all: [{ sensitive_data: [ethnic_origin] }, { not: { secrecy: true } }] }
  organiser: [no-sensitive-on-shared-screen]
  class_at_least: 2
  explain: { sv: Ursprung., en: Origin. }
  source: motala-2024#kansliga-personuppgifter
",
        );
        content::load_unchecked(dir.path()).expect("the content with named options loads")
    })
}

fn assert_same(c: &Content, profile: usize, values: Vec<Answer>) {
    let answers = Answers {
        profile: Some(profile),
        values,
    };
    let oracle = engine::evaluate_enumerated(c, profile, &answers);
    let symbolic = engine::evaluate_symbolic(c, profile, &answers);
    assert_eq!(symbolic, oracle, "answers {:?}", answers.values);
    assert_eq!(engine::evaluate(c, profile, &answers), oracle);
    assert_eq!(
        engine::summarise(c, profile, &answers.values),
        oracle.summary()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn symbolic_evaluation_is_the_enumeration(
        drawn in prop::collection::vec(drawn(), content().questions.len()),
        profile in 0..content().profiles.len(),
        with_named in any::<bool>(),
    ) {
        let c = if with_named { named() } else { content() };
        let values = (0..c.questions.len()).map(|q| answer(c, q, &drawn[q])).collect();
        assert_same(c, profile, values);
    }
}

/// Every question that allows "vet ej" answered so, the rest at their
/// defaults, under every profile; and under every meeting type.
#[test]
fn every_unknown_at_once_is_the_enumeration() {
    let c = content();
    let unknown = |values: &mut Vec<Answer>| {
        for (q, question) in c.questions.iter().enumerate() {
            if question.unknown {
                values[q] = Answer::Unknown;
            }
        }
    };
    let meeting_type = question(c, "meeting_type");
    for profile in 0..c.profiles.len() {
        for kind in 0..c.questions[meeting_type].options.len() {
            let mut values = c.default_answers();
            values[meeting_type] = Answer::Choice(kind);
            unknown(&mut values);
            assert_same(c, profile, values);
        }
    }
}

/// On the content that names single options, the multiple choice open
/// beside every answer that allows "vet ej".
#[test]
fn an_open_multiple_choice_is_the_enumeration() {
    let c = named();
    let sensitive = question(c, "sensitive_data");
    for profile in 0..c.profiles.len() {
        let mut values = c.default_answers();
        for (q, question) in c.questions.iter().enumerate() {
            if question.unknown || q == sensitive {
                values[q] = Answer::Unknown;
            }
        }
        assert_same(c, profile, values);
    }
}
