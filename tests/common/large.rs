//! A large content folder for the scale benchmark and its test (issue 9):
//! the real `content/` copied, plus generated questions, rules, checklist
//! items and warnings that read them as the real rules read theirs.
//!
//! With [`FULL`] extra questions the folder has 35 questions and about
//! 10^14 combinations of answers (both profiles): 20 generated yes/no
//! questions (2^20), four choice questions (two with a "not stated" value:
//! 5 × 3 × 5 × 4 = 300), and one rule that names a category of sensitive
//! personal data, which doubles the real questions' 161 280 combinations.
//!
//! The questions' wording and their rules are in `large-themes.yaml`
//! beside this file. The generated content is meant to pass `motesguide
//! validate`: every rule can fire under both profiles and has a checklist
//! item or warning of its own (so it is never shadowed), every item is
//! shown where its rule fires, and the generated recording verdicts agree
//! with the real ones where both fire (the real rules state no
//! `overrides`, so neither do these). Generated rules never forbid a
//! digital meeting nor raise the class to 4, and the only platform they
//! exclude (Zoom) always leaves another, so the real invariants keep
//! holding.

use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

/// Extra questions for a folder of 35 questions.
pub const FULL: usize = 24;

/// What [`write`] generated, for building answers files.
pub struct Large {
    /// Questions in the folder, real and generated.
    pub questions: usize,
    /// The generated yes/no questions, in order.
    pub yes_no: Vec<String>,
    /// The generated choice questions and their option ids.
    pub choices: Vec<(String, Vec<String>)>,
}

impl Large {
    /// An answers file that answers every question a meeting like this one
    /// is asked, with the first `unknown` generated yes/no questions as
    /// "vet ej" (`unknown`). Panics if there are fewer of them.
    pub fn answers(&self, unknown: usize) -> String {
        assert!(
            unknown <= self.yes_no.len(),
            "{unknown} unknown answers asked for, {} generated yes/no questions",
            self.yes_no.len()
        );
        // A workshop with outside participants, screen sharing and a
        // one-way recording planned, so every generated question is asked.
        let mut out = String::from(
            "profile: standard\nmeeting_type: workshop\nsecurity_classified: false\n\
             information_class: 2\nsecrecy: false\nsensitive_data: []\npersonal_data: true\n\
             external_participants: true\nscreen_sharing: true\nremote_control: internal\n\
             recording: one_way\n",
        );
        for (n, id) in self.yes_no.iter().enumerate() {
            let value = if n < unknown {
                "unknown"
            } else if n.is_multiple_of(2) {
                "true"
            } else {
                "false"
            };
            writeln!(out, "{id}: {value}").expect("write to a string");
        }
        for (id, options) in &self.choices {
            writeln!(out, "{id}: {}", options[1]).expect("write to a string");
        }
        out
    }
}

/// Copies the real content into `dir` and adds `extra` generated questions
/// with their rules, items and warnings.
pub fn write(dir: &Path, extra: usize) -> Large {
    super::copy_dir(&super::content_dir(), dir);
    let real = std::fs::read_to_string(dir.join("questions.yaml"))
        .expect("read the copied questions")
        .lines()
        .filter(|l| l.starts_with("- id:"))
        .count();
    let themes: Themes = serde_yaml::from_str(include_str!("large-themes.yaml"))
        .expect("large-themes.yaml reads as themes");
    let mut g = Generated::default();
    let mut previous: Option<(String, &YesNo)> = None;
    let (mut yes_no, mut choice) = (0, 0);
    for n in 1..=extra {
        let id = format!("extra_{n:02}");
        if n.is_multiple_of(6) {
            g.choice(&id, &themes.choices[choice % themes.choices.len()]);
            choice += 1;
        } else {
            let theme = &themes.yes_no[yes_no % themes.yes_no.len()];
            let together = previous.as_ref().map(|(p, pt)| {
                let form = &themes.together[yes_no % themes.together.len()];
                (p.as_str(), *pt, form)
            });
            g.yes_no(&id, theme, together);
            previous = Some((id.clone(), theme));
            yes_no += 1;
        }
    }
    let append = |file: &str, text: &str| {
        let path = dir.join(file);
        let mut all = std::fs::read_to_string(&path).expect("read a copied file");
        all.push_str("\n# Generated for the scale benchmark (tests/common/large.rs).\n");
        all.push_str(text);
        std::fs::write(&path, all).expect("write a generated file");
    };
    append("questions.yaml", &g.questions);
    append("checklists.yaml", &g.items);
    append("warnings.yaml", &g.warnings);
    std::fs::write(dir.join("rules/80-generated.yaml"), &g.rules).expect("write generated rules");
    Large {
        questions: real + extra,
        yes_no: g.yes_no,
        choices: g.choices,
    }
}

/// `large-themes.yaml`.
#[derive(Deserialize)]
struct Themes {
    yes_no: Vec<YesNo>,
    choices: Vec<Choice>,
    together: Vec<Rule>,
}

#[derive(Clone, Deserialize)]
struct Text {
    sv: String,
    en: String,
}

/// What every generated question says.
#[derive(Deserialize)]
struct Asked {
    step: Text,
    text: Text,
    help: Text,
    source: String,
}

#[derive(Deserialize)]
struct YesNo {
    #[serde(flatten)]
    asked: Asked,
    #[serde(default)]
    ask_when: Option<String>,
    rules: Vec<Rule>,
}

#[derive(Deserialize)]
struct Choice {
    #[serde(flatten)]
    asked: Asked,
    /// Absent: no default, the question may be left "not stated".
    #[serde(default)]
    default: Option<String>,
    #[serde(default)]
    unanswered: Option<Text>,
    options: Vec<ChoiceOption>,
    rules: Vec<Rule>,
}

#[derive(Deserialize)]
struct ChoiceOption {
    id: String,
    label: Text,
}

/// A rule template: `$q` (and `$p`) in `when` are generated questions.
#[derive(Clone, Deserialize)]
struct Rule {
    key: String,
    when: String,
    effect: Effect,
    /// The item's `requires`, in flow style.
    #[serde(default)]
    requires: Option<String>,
    /// The text of the rule's own item or warning.
    item: Text,
    explain: Text,
    source: String,
}

/// Where a rule's own item goes, and what else the rule does.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Effect {
    Organiser,
    Participants,
    Tips,
    Warning,
    #[serde(rename = "class_at_least_3")]
    ClassAtLeast3,
    ExcludeZoom,
    RecordingForbidden,
}

/// The generated YAML, file by file.
#[derive(Default)]
struct Generated {
    questions: String,
    rules: String,
    items: String,
    warnings: String,
    yes_no: Vec<String>,
    choices: Vec<(String, Vec<String>)>,
}

impl Generated {
    /// A yes/no question, its rules, and with `together` (the previous
    /// yes/no question, its theme and the form to use) the rule that reads
    /// both.
    fn yes_no(&mut self, id: &str, t: &YesNo, together: Option<(&str, &YesNo, &Rule)>) {
        self.question(id, "yes_no", &t.asked);
        if let Some(w) = &t.ask_when {
            writeln!(self.questions, "  ask_when: {w}").expect("write to a string");
        }
        for r in &t.rules {
            self.rule(id, None, r);
        }
        if let Some((p, pt, form)) = together {
            let fill = |s: &str, q: &str, p: &str| {
                s.replace("$step_q", &q.to_lowercase())
                    .replace("$step_p", &p.to_lowercase())
            };
            let (q, p_step) = (&t.asked.step, &pt.asked.step);
            let item = Text {
                sv: fill(&form.item.sv, &q.sv, &p_step.sv),
                en: fill(&form.item.en, &q.en, &p_step.en),
            };
            self.rule(
                id,
                Some(p),
                &Rule {
                    item,
                    ..form.clone()
                },
            );
        }
        self.yes_no.push(id.to_owned());
    }

    fn choice(&mut self, id: &str, t: &Choice) {
        self.question(id, "choice", &t.asked);
        match (&t.default, &t.unanswered) {
            (Some(d), _) => writeln!(self.questions, "  default: {d}"),
            (None, Some(u)) => writeln!(
                self.questions,
                "  unanswered: {{ sv: {}, en: {} }}",
                quoted(&u.sv),
                quoted(&u.en)
            ),
            (None, None) => panic!(
                "choice `{}` needs a default or `unanswered`",
                t.asked.step.en
            ),
        }
        .expect("write to a string");
        self.questions.push_str("  options:\n");
        for o in &t.options {
            writeln!(
                self.questions,
                "    - id: {}\n      label: {{ sv: {}, en: {} }}",
                o.id,
                quoted(&o.label.sv),
                quoted(&o.label.en)
            )
            .expect("write to a string");
        }
        for r in &t.rules {
            self.rule(id, None, r);
        }
        self.choices.push((
            id.to_owned(),
            t.options.iter().map(|o| o.id.clone()).collect(),
        ));
    }

    fn question(&mut self, id: &str, kind: &str, a: &Asked) {
        let (step, text, help) = (&a.step, &a.text, &a.help);
        write!(
            self.questions,
            "\n- id: {id}\n  kind: {kind}\n  unknown: true\n  step: {{ sv: {}, en: {} }}\n",
            quoted(&step.sv),
            quoted(&step.en)
        )
        .expect("write to a string");
        for (key, t) in [("text", text), ("help", help)] {
            writeln!(
                self.questions,
                "  {key}:\n    sv: {}\n    en: {}",
                quoted(&t.sv),
                quoted(&t.en)
            )
            .expect("write to a string");
        }
        writeln!(self.questions, "  source: {}", a.source).expect("write to a string");
    }

    /// One rule reading question `q` (and `p` where its condition says
    /// `$p`), with the item or warning that only it gives.
    fn rule(&mut self, q: &str, p: Option<&str>, r: &Rule) {
        let rule_id = format!("{}-{}", q.replace('_', "-"), r.key);
        let when = r.when.replace("$q", q).replace("$p", p.unwrap_or(""));
        let (key, extra) = match r.effect {
            Effect::Organiser => ("organiser", ""),
            Effect::Participants => ("participants", ""),
            Effect::Tips => ("tips", ""),
            Effect::Warning => ("warnings", ""),
            Effect::ClassAtLeast3 => ("organiser", "  class_at_least: 3\n"),
            Effect::ExcludeZoom => ("organiser", "  exclude_platforms: [zoom]\n"),
            Effect::RecordingForbidden => ("organiser", "  recording: { verdict: forbidden }\n"),
        };
        write!(
            self.rules,
            "\n- id: {rule_id}\n  when: {when}\n{extra}  {key}: [{rule_id}]\n  explain:\n    sv: {}\n    en: {}\n  source: {}\n",
            quoted(&r.explain.sv),
            quoted(&r.explain.en),
            r.source
        )
        .expect("write to a string");
        let into = if matches!(r.effect, Effect::Warning) {
            &mut self.warnings
        } else {
            &mut self.items
        };
        write!(
            into,
            "- id: {rule_id}\n  text:\n    sv: {}\n    en: {}\n  source: {}\n",
            quoted(&r.item.sv),
            quoted(&r.item.en),
            r.source
        )
        .expect("write to a string");
        if let Some(req) = &r.requires {
            writeln!(into, "  requires: {req}").expect("write to a string");
        }
    }
}

/// A YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
