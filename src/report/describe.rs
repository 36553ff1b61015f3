//! Conditions and cases in words: "Mötestyp: Nämndsmöte och Sekretess: Ja".

use crate::content::condition::Cond;
use crate::content::{Answer, Content};
use crate::engine::Cases;
use crate::i18n::ui;
use crate::text::Lang;

/// The cases where something holds, as a reader says them.
pub fn cases(content: &Content, cases: &Cases, lang: Lang) -> String {
    let ui = ui(lang);
    cases
        .iter()
        .map(|case| {
            case.iter()
                .map(|(q, values)| {
                    let question = &content.questions[*q];
                    let labels: Vec<String> = values
                        .iter()
                        .map(|a| question.answer_label(*a, lang))
                        .collect();
                    format!(
                        "{}: {}",
                        question.step.get(lang),
                        labels.join(&format!(" {} ", ui.or))
                    )
                })
                .collect::<Vec<_>>()
                .join(&format!(" {} ", ui.and))
        })
        .collect::<Vec<_>>()
        .join(&format!("; {} ", ui.or))
}

/// A condition of the content (`ask_when`, `when`) in words.
pub fn condition(content: &Content, cond: &Cond, lang: Lang) -> String {
    let ui = ui(lang);
    let step = |q: usize| content.questions[q].step.get(lang);
    let options = |q: usize, bits: u64| -> String {
        let question = &content.questions[q];
        question
            .options
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 64 && bits & (1 << i) != 0)
            .map(|(_, o)| o.label.get(lang).to_owned())
            .collect::<Vec<_>>()
            .join(&format!(" {} ", ui.or))
    };
    let nested = |c: &Cond| -> String {
        let s = condition(content, c, lang);
        if matches!(c, Cond::All(_) | Cond::Any(_)) {
            format!("({s})")
        } else {
            s
        }
    };
    match cond {
        Cond::Always => String::new(),
        Cond::All(cs) => cs
            .iter()
            .map(nested)
            .collect::<Vec<_>>()
            .join(&format!(" {} ", ui.and)),
        Cond::Any(cs) => cs
            .iter()
            .map(nested)
            .collect::<Vec<_>>()
            .join(&format!(" {} ", ui.or)),
        Cond::Not(c) => format!("{} {}", ui.not, nested(c)),
        Cond::Is { question, value } => format!(
            "{}: {}",
            step(*question),
            content.questions[*question].answer_label(Answer::Bool(*value), lang)
        ),
        Cond::OneOf {
            question,
            options: bits,
        }
        | Cond::Contains {
            question,
            options: bits,
        } => {
            format!("{}: {}", step(*question), options(*question, *bits))
        }
        Cond::Unanswered { question } => format!(
            "{}: {}",
            step(*question),
            content.questions[*question].answer_label(Answer::Unanswered, lang)
        ),
        Cond::Empty { question } => format!("{}: {}", step(*question), ui.none_selected),
    }
}
