//! Reads a content folder's files into [`Content`], resolving every
//! reference and collecting every problem with its file, line and column.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;

use crate::content::condition::{self, Cond};
use crate::content::model::*;
use crate::content::problem::{ContentError, Problem};
use crate::content::raw;
use crate::text::Text;
use crate::yaml::{self, Value};

/// The optional file of declared invariants (CONTRACT.md 0.2).
pub const INVARIANTS_FILE: &str = "invariants.yaml";

/// The files a content folder must hold, beside `rules/*.yaml` and
/// `scenarios/*.yaml`.
const REQUIRED_FILES: [&str; 7] = [
    "documents.yaml",
    "classes.yaml",
    "questions.yaml",
    "platforms.yaml",
    "profiles.yaml",
    "checklists.yaml",
    "warnings.yaml",
];

/// Loads content from (relative path, text) pairs. `origin` names the
/// folder in messages.
pub fn load(origin: &str, files: Vec<(String, String)>) -> Result<Content, ContentError> {
    let version = format!(
        "motesguide {}, innehåll/content {:08x}",
        env!("CARGO_PKG_VERSION"),
        fingerprint(&files)
    );
    let mut loader = Loader {
        files: files.into_iter().collect(),
        problems: Vec::new(),
        failed: HashSet::new(),
    };
    let content = loader.run();
    match content {
        Some(mut c) if loader.problems.is_empty() => {
            c.version = version;
            Ok(c)
        }
        _ => Err(ContentError {
            origin: origin.to_owned(),
            problems: loader.problems,
        }),
    }
}

struct Loader {
    files: BTreeMap<String, String>,
    problems: Vec<Problem>,
    /// Files that did not parse: references into them are not reported,
    /// so one syntax error does not bury itself under a hundred others.
    failed: HashSet<String>,
}

/// Names of things already defined, for duplicate checks and lookups.
type Ids = Vec<String>;

impl Loader {
    fn run(&mut self) -> Option<Content> {
        self.check_file_names();
        let documents = self.documents();
        let classes = self.classes(&documents);
        let questions = self.questions(&documents);
        let platforms = self.platforms(&documents);
        let (profiles, defaults) = self.profiles(&documents, &classes, &platforms);
        let mut questions = questions;
        let items = self.items("checklists.yaml", &documents, &questions, &platforms);
        self.unknown_items(&mut questions, &items);
        let warnings = self.items("warnings.yaml", &documents, &questions, &platforms);
        let rules = self.rules(
            &documents, &classes, &questions, &platforms, &profiles, &items, &warnings,
        );
        let scenarios = self.scenarios(&documents);
        let invariants = self.invariants(
            &documents, &questions, &platforms, &profiles, &items, &warnings,
        );
        if defaults.len() != 1 && !profiles.is_empty() {
            self.problem(
                "profiles.yaml",
                None,
                format!(
                    "exactly one profile must say `default: true`; {} do",
                    defaults.len()
                ),
            );
        }
        let content = Content {
            documents,
            classes,
            questions,
            platforms,
            profiles,
            items,
            warnings,
            rules,
            scenarios,
            invariants,
            default_profile: defaults.first().copied().unwrap_or(0),
            version: String::new(),
        };
        // Cross-checks index into what loaded; after earlier problems the
        // indices may be placeholders, so they wait until those are fixed.
        if self.problems.is_empty() {
            self.check_references_used(&content);
            self.check_override_cycles(&content);
        }
        Some(content)
    }

    /// `invariants.yaml`, when the folder has one: each entry's condition,
    /// profiles, platforms, items and warnings resolved, its source cited.
    fn invariants(
        &mut self,
        documents: &[Document],
        questions: &[Question],
        platforms: &[Platform],
        profiles: &[Profile],
        items: &[Item],
        warnings: &[Warning],
    ) -> Vec<Invariant> {
        let file = INVARIANTS_FILE;
        let written: Vec<raw::Invariant> = self.parse_list(file);
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for inv in written {
            let id = inv.id.clone();
            let nth = seen.iter().filter(|s| **s == id).count();
            let line = self.line_of_id_nth(file, &id, nth).unwrap_or(1);
            if seen.contains(&id) {
                self.problem(
                    file,
                    Some(line),
                    format!("invariant `{id}` is defined twice"),
                );
            }
            seen.push(id.clone());
            let when = match &inv.when {
                Some(v) => self
                    .condition(file, &id, "when", v, questions)
                    .unwrap_or(Cond::Always),
                None => Cond::Always,
            };
            // A reference into a file that did not parse is not reported:
            // that file's own problem is.
            let find =
                |this: &mut Self, what: &str, ids: &[String], known: &[&str]| -> Vec<usize> {
                    let defined_in = match what {
                        "profile" => "profiles.yaml",
                        "platform" => "platforms.yaml",
                        "warning" => "warnings.yaml",
                        _ => "checklists.yaml",
                    };
                    ids.iter()
                        .filter_map(|x| {
                            let found = known.iter().position(|k| k == x);
                            if found.is_none() && !this.unparsed(defined_in) {
                                let l = this.line_of_token(file, &id, x);
                                this.problem(
                                    file,
                                    l,
                                    format!(
                                        "invariant `{id}`: unknown {what} `{x}`; known: {}",
                                        known.join(", ")
                                    ),
                                );
                            }
                            found
                        })
                        .collect()
                };
            let profile_ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
            let platform_ids: Vec<&str> = platforms.iter().map(|p| p.id.as_str()).collect();
            let item_ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            let warning_ids: Vec<&str> = warnings.iter().map(|w| w.id.as_str()).collect();
            let t = &inv.then;
            let profiles_of = inv
                .profiles
                .as_ref()
                .map(|ps| find(self, "profile", ps, &profile_ids));
            let platforms_within = t
                .platforms_within
                .as_ref()
                .map(|ps| find(self, "platform", ps, &platform_ids));
            let platforms_exclude = find(self, "platform", &t.platforms_exclude, &platform_ids);
            let organiser_includes = find(self, "checklist item", &t.organiser_includes, &item_ids);
            let participants_includes =
                find(self, "checklist item", &t.participants_includes, &item_ids);
            let warnings_include = find(self, "warning", &t.warnings_include, &warning_ids);
            let says_something = t.digital_meeting_allowed.is_some()
                || t.platforms_within.is_some()
                || !t.platforms_exclude.is_empty()
                || t.class_at_least.is_some()
                || t.recording_allowed.is_some()
                || !t.organiser_includes.is_empty()
                || !t.participants_includes.is_empty()
                || !t.warnings_include.is_empty();
            if !says_something {
                self.problem(
                    file,
                    Some(line),
                    format!("invariant `{id}`: `then` needs at least one key (digital_meeting_allowed, platforms_within, platforms_exclude, class_at_least, recording_allowed, organiser_includes, participants_includes, warnings_include)"),
                );
            }
            let sources = self.sources(file, &id, &inv.source, documents);
            out.push(Invariant {
                id,
                when,
                profiles: profiles_of,
                digital_meeting_allowed: t.digital_meeting_allowed,
                platforms_within,
                platforms_exclude,
                class_at_least: t.class_at_least,
                recording_allowed: t.recording_allowed,
                organiser_includes,
                participants_includes,
                warnings_include,
                sources,
                file: file.to_owned(),
                line,
            });
        }
        out
    }

    /// Rules that override one another in a cycle: where all hold each is
    /// overridden, none fires, and every duty they give vanishes unsaid.
    fn check_override_cycles(&mut self, content: &Content) {
        let graph: Vec<Vec<usize>> = content.rules.iter().map(|r| r.overrides.clone()).collect();
        for cycle in crate::content::precedence::cycles(&graph) {
            let first = &content.rules[cycle[0]];
            let mut names: Vec<String> = cycle
                .iter()
                .map(|&i| format!("`{}`", content.rules[i].id))
                .collect();
            names.push(format!("`{}`", first.id));
            self.problem(
                &first.file.clone(),
                Some(first.line),
                format!(
                    "rules override one another in a cycle ({}): where they all hold none of them fires and their duties are dropped without a word; remove one `overrides` so that one rule takes precedence",
                    names.join(" → ")
                ),
            );
        }
    }

    fn problem(&mut self, file: &str, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            file: file.to_owned(),
            line,
            column: None,
            message,
            ..Default::default()
        });
    }

    /// The line where the entry with `id` starts in `file`.
    fn line_of_id(&self, file: &str, id: &str) -> Option<usize> {
        self.line_of_id_nth(file, id, 0)
    }

    /// The line where entry `id` is defined for the `n`-th time (from 0):
    /// the second of two duplicates is the one to point at.
    fn line_of_id_nth(&self, file: &str, id: &str, n: usize) -> Option<usize> {
        let text = self.files.get(file)?;
        text.lines()
            .enumerate()
            .filter(|(_, l)| defines_id(l, id))
            .nth(n)
            .map(|(i, _)| i + 1)
    }

    /// The line of `token` at or after the entry `id` in `file`.
    fn line_of_token(&self, file: &str, id: &str, token: &str) -> Option<usize> {
        let text = self.files.get(file)?;
        let from = self.line_of_id(file, id).unwrap_or(1);
        yaml::find_token(text, from, token).map(|(l, _)| l)
    }

    /// Whether a file defining what a reference names (a file, or a folder
    /// such as `rules/`) did not parse: the reference is then not reported
    /// as unknown, since that file's own problem already is.
    fn unparsed(&self, defined_in: &str) -> bool {
        self.failed.iter().any(|f| f.starts_with(defined_in))
    }

    fn check_file_names(&mut self) {
        let unexpected: Vec<String> = self
            .files
            .keys()
            .filter(|p| p.ends_with(".yaml") || p.ends_with(".yml"))
            .filter(|p| {
                !REQUIRED_FILES.contains(&p.as_str())
                    && p.as_str() != INVARIANTS_FILE
                    && !(p.ends_with(".yaml")
                        && (p.starts_with("rules/") || p.starts_with("scenarios/"))
                        && p.matches('/').count() == 1)
            })
            .cloned()
            .collect();
        for p in unexpected {
            self.problem(
                &p,
                None,
                format!(
                    "unexpected file; a content folder holds {}, rules/*.yaml, scenarios/*.yaml and optionally {INVARIANTS_FILE}",
                    REQUIRED_FILES.join(", ")
                ),
            );
        }
        for f in REQUIRED_FILES {
            if !self.files.contains_key(f) {
                self.problem(
                    f,
                    None,
                    "missing: every content folder needs this file".into(),
                );
            }
        }
        if !self.files.keys().any(|p| p.starts_with("rules/")) {
            self.problem(
                "rules/",
                None,
                "missing: no rule files (rules/*.yaml)".into(),
            );
        }
    }

    /// Parses a file holding a list of `T`. A syntax or shape error becomes
    /// a problem with the parser's line and column.
    fn parse_list<T: DeserializeOwned>(&mut self, file: &str) -> Vec<T> {
        let Some(text) = self.files.get(file) else {
            return Vec::new();
        };
        match yaml::from_str::<Vec<T>>(text) {
            Ok(list) => list,
            Err(e) => {
                let (line, column) = yaml::error_position(&e).unzip();
                let message = e.to_string();
                // serde_yaml appends "at line X column Y"; the position is ours to print.
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_owned();
                self.problems.push(Problem {
                    file: file.to_owned(),
                    line,
                    column,
                    message,
                    ..Default::default()
                });
                self.failed.insert(file.to_owned());
                Vec::new()
            }
        }
    }

    fn check_unique(&mut self, file: &str, ids: &[String], what: &str) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.is_empty() {
                self.problem(file, None, format!("a {what} has an empty id"));
            } else if !seen.insert(id) {
                let line = self
                    .line_of_id_nth(file, id, 1)
                    .or(self.line_of_id(file, id));
                self.problem(file, line, format!("{what} `{id}` is defined twice"));
            }
        }
    }

    fn check_text(&mut self, file: &str, id: &str, field: &str, text: &Text) {
        for (lang, s) in [("sv", &text.sv), ("en", &text.en)] {
            if s.trim().is_empty() {
                let line = self.line_of_id(file, id);
                self.problem(
                    file,
                    line,
                    format!("`{id}`: {field} is empty in `{lang}`; both sv and en are required"),
                );
            }
        }
    }

    /// Resolves `document#section`.
    fn source(&mut self, file: &str, owner: &str, written: &str, documents: &[Document]) -> Source {
        let (doc_id, section_id) = written.split_once('#').unwrap_or((written, ""));
        let found = documents.iter().position(|d| d.id == doc_id).and_then(|d| {
            documents[d]
                .sections
                .iter()
                .position(|s| s.id == section_id)
                .map(|s| Source {
                    document: d,
                    section: s,
                })
        });
        found.unwrap_or_else(|| {
            if self.failed.contains("documents.yaml") {
                return Source {
                    document: 0,
                    section: 0,
                };
            }
            let line = self.line_of_token(file, owner, written);
            let accepted: Vec<String> = documents
                .iter()
                .flat_map(|d| d.sections.iter().map(move |s| format!("{}#{}", d.id, s.id)))
                .collect();
            self.problem(
                file,
                line,
                format!(
                    "`{owner}`: unknown source `{written}`; write document#section, one of: {}",
                    accepted.join(", ")
                ),
            );
            Source {
                document: 0,
                section: 0,
            }
        })
    }

    fn documents(&mut self) -> Vec<Document> {
        let file = "documents.yaml";
        let raw: Vec<raw::Document> = self.parse_list(file);
        let ids: Ids = raw.iter().map(|d| d.id.clone()).collect();
        self.check_unique(file, &ids, "document");
        raw.into_iter()
            .map(|d| {
                if let Some(issuer) = &d.issuer {
                    self.check_text(file, &d.id, "issuer", issuer);
                }
                self.check_text(file, &d.id, "summary", &d.summary);
                let section_ids: Ids = d.sections.iter().map(|s| s.id.clone()).collect();
                self.check_unique(file, &section_ids, &format!("section of `{}`", d.id));
                if d.sections.is_empty() {
                    let line = self.line_of_id(file, &d.id);
                    self.problem(file, line, format!("document `{}` has no sections", d.id));
                }
                Document {
                    id: d.id,
                    title: d.title,
                    issuer: d.issuer,
                    reference: d.reference,
                    summary: d.summary,
                    sections: d
                        .sections
                        .into_iter()
                        .map(|s| Section {
                            id: s.id,
                            title: s.title,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn classes(&mut self, documents: &[Document]) -> Vec<Class> {
        let file = "classes.yaml";
        let raw: Vec<raw::Class> = self.parse_list(file);
        let mut classes: Vec<Class> = raw
            .into_iter()
            .map(|c| {
                let id = c.level.to_string();
                self.check_text(file, &id, "name", &c.name);
                self.check_text(file, &id, "help", &c.help);
                Class {
                    level: c.level,
                    name: c.name,
                    help: c.help,
                    sources: self.sources(file, &id, &c.source, documents),
                }
            })
            .collect();
        classes.sort_by_key(|c| c.level);
        let levels: Ids = classes.iter().map(|c| c.level.to_string()).collect();
        self.check_unique(file, &levels, "class level");
        if classes.is_empty() && self.files.contains_key(file) {
            self.problem(
                file,
                None,
                "at least one information class is needed".into(),
            );
        }
        classes
    }

    fn questions(&mut self, documents: &[Document]) -> Vec<Question> {
        let file = "questions.yaml";
        let raw: Vec<raw::Question> = self.parse_list(file);
        let ids: Ids = raw.iter().map(|q| q.id.clone()).collect();
        self.check_unique(file, &ids, "question");
        let mut questions: Vec<Question> = Vec::new();
        for q in raw {
            if q.id == "profile" {
                let line = self.line_of_id(file, &q.id);
                self.problem(
                    file,
                    line,
                    "`profile` is reserved for the answers file's profile key".into(),
                );
            }
            for (field, text) in [("step", &q.step), ("text", &q.text), ("help", &q.help)] {
                self.check_text(file, &q.id, field, text);
            }
            let sources = self.sources(file, &q.id, &q.source, documents);
            let options = self.options(file, &q);
            let mut question = Question {
                id: q.id.clone(),
                line: self.line_of_id(file, &q.id).unwrap_or(1),
                kind: q.kind,
                step: q.step,
                text: q.text,
                help: q.help,
                sources,
                unknown: q.unknown,
                unknown_items: Vec::new(),
                implied: Vec::new(),
                default: Answer::Unanswered,
                unanswered: q.unanswered,
                ask_when: None,
                options,
            };
            question.default = self.default_answer(file, &question, q.default.as_ref());
            // Implications read earlier questions only, as ask_when does.
            for imp in &q.implied {
                let when = self.condition(file, &q.id, "implied.when", &imp.when, &questions);
                let value = self.default_answer(file, &question, Some(&imp.value));
                self.check_text(file, &q.id, "implied.because", &imp.because);
                let sources = self.sources(file, &q.id, &imp.source, documents);
                if let Some(when) = when {
                    question.implied.push(Implied {
                        when,
                        value,
                        because: imp.because.clone(),
                        sources,
                    });
                }
            }
            // ask_when may read only earlier questions: the wizard asks in order.
            question.ask_when = q
                .ask_when
                .as_ref()
                .and_then(|v| self.condition(file, &q.id, "ask_when", v, &questions));
            let mut option_conditions = Vec::new();
            for o in &q.options {
                option_conditions.push(
                    o.offer_when
                        .as_ref()
                        .and_then(|v| self.condition(file, &q.id, "offer_when", v, &questions)),
                );
            }
            for (o, c) in question.options.iter_mut().zip(option_conditions) {
                o.offer_when = c;
            }
            questions.push(question);
        }
        questions
    }

    fn options(&mut self, file: &str, q: &raw::Question) -> Vec<QuestOption> {
        let line = self.line_of_id(file, &q.id);
        match q.kind {
            QuestionKind::YesNo if !q.options.is_empty() => self.problem(
                file,
                line,
                format!(
                    "`{}` is yes_no: its options are fixed, remove `options`",
                    q.id
                ),
            ),
            QuestionKind::Choice | QuestionKind::Multi if q.options.len() < 2 => {
                self.problem(file, line, format!("`{}` needs at least two options", q.id))
            }
            // Conditions hold options as bits of a 64-bit set: a 65th option
            // would alias the first, so it is refused, not misread.
            QuestionKind::Choice | QuestionKind::Multi if q.options.len() > 64 => self.problem(
                file,
                line,
                format!(
                    "`{}` has {} options; a question can have at most 64",
                    q.id,
                    q.options.len()
                ),
            ),
            QuestionKind::Multi if q.unknown => self.problem(
                file,
                line,
                format!("`{}`: a multiple choice cannot offer `unknown`", q.id),
            ),
            _ => {}
        }
        let options: Vec<QuestOption> = q
            .options
            .iter()
            .map(|o| {
                let id = yaml::scalar_to_string(&o.id).unwrap_or_default();
                self.check_text(file, &q.id, &format!("label of option `{id}`"), &o.label);
                if let Some(h) = &o.help {
                    self.check_text(file, &q.id, &format!("help of option `{id}`"), h);
                }
                if matches!(id.as_str(), "unknown" | "unanswered" | "empty" | "nonempty") {
                    self.problem(
                        file,
                        line,
                        format!("`{}`: option id `{id}` is reserved", q.id),
                    );
                }
                QuestOption {
                    id,
                    label: o.label.clone(),
                    help: o.help.clone(),
                    offer_when: None,
                }
            })
            .collect();
        let ids: Ids = options.iter().map(|o| o.id.clone()).collect();
        self.check_unique(file, &ids, &format!("option of `{}`", q.id));
        options
    }

    fn default_answer(&mut self, file: &str, q: &Question, written: Option<&Value>) -> Answer {
        let line = self.line_of_token(file, &q.id, "default:");
        let bad = |this: &mut Self, accepted: String| {
            this.problem(
                file,
                line,
                format!("`{}`: default must be {accepted}", q.id),
            );
        };
        match (q.kind, written) {
            (QuestionKind::YesNo, None) => Answer::Bool(false),
            (QuestionKind::YesNo, Some(Value::Bool(b))) => Answer::Bool(*b),
            (QuestionKind::YesNo, Some(_)) => {
                bad(self, "true or false".into());
                Answer::Bool(false)
            }
            (QuestionKind::Choice, None) => {
                if q.unanswered.is_none() {
                    let line = self.line_of_id(file, &q.id);
                    self.problem(
                        file,
                        line,
                        format!(
                            "`{}` has no default, so it needs an `unanswered` label",
                            q.id
                        ),
                    );
                }
                Answer::Unanswered
            }
            (QuestionKind::Choice, Some(v)) => {
                let id = yaml::scalar_to_string(v).unwrap_or_default();
                q.option_index(&id).map(Answer::Choice).unwrap_or_else(|| {
                    bad(self, format!("one of its options ({})", option_list(q)));
                    Answer::Unanswered
                })
            }
            (QuestionKind::Multi, None) => Answer::Set(0),
            (QuestionKind::Multi, Some(Value::Sequence(list))) => {
                let mut bits = 0;
                for v in list {
                    let id = yaml::scalar_to_string(v).unwrap_or_default();
                    match q.option_index(&id) {
                        Some(i) => bits |= 1 << i,
                        None => bad(self, format!("a list of its options ({})", option_list(q))),
                    }
                }
                Answer::Set(bits)
            }
            (QuestionKind::Multi, Some(_)) => {
                bad(self, "a list of options".into());
                Answer::Set(0)
            }
        }
    }

    fn condition(
        &mut self,
        file: &str,
        owner: &str,
        field: &str,
        value: &Value,
        questions: &[Question],
    ) -> Option<Cond> {
        match condition::compile(value, questions) {
            Ok(c) => Some(c),
            Err(_) if self.failed.contains("questions.yaml") => None,
            Err(message) => {
                let key = field.rsplit('.').next().unwrap_or(field);
                let line = self.line_of_token(file, owner, &format!("{key}:"));
                let hint = if key == "when" {
                    String::new()
                } else {
                    " (it may read only questions asked before this one)".to_owned()
                };
                self.problem(file, line, format!("`{owner}`: {field}: {message}{hint}"));
                None
            }
        }
    }

    /// The scenario library. The answers themselves are checked against the
    /// questions by the analysis (with the engine's own parser).
    fn scenarios(&mut self, documents: &[Document]) -> Vec<Scenario> {
        let files: Vec<(String, String)> = self
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("scenarios/") && p.ends_with(".yaml"))
            .map(|(p, t)| (p.clone(), t.clone()))
            .collect();
        let mut out = Vec::new();
        for (file, text) in files {
            let id = file
                .trim_start_matches("scenarios/")
                .trim_end_matches(".yaml")
                .to_owned();
            let meta = yaml::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("scenario").cloned())
                .ok_or_else(|| "needs a `scenario:` block with title, story and source".to_owned())
                .and_then(|v| {
                    yaml::from_value::<raw::ScenarioMeta>(v).map_err(|e| format!("scenario: {e}"))
                });
            match meta {
                Ok(m) => {
                    self.check_text(&file, &id, "title", &m.title);
                    self.check_text(&file, &id, "story", &m.story);
                    let line = yaml::line_of_key(&text, "source");
                    let source = match self.source_quiet(&m.source, documents) {
                        Some(s) => s,
                        None => {
                            self.problem(
                                &file,
                                line,
                                format!("unknown source `{}`; write document#section", m.source),
                            );
                            Source {
                                document: 0,
                                section: 0,
                            }
                        }
                    };
                    out.push(Scenario {
                        id,
                        file,
                        title: m.title,
                        story: m.story,
                        source,
                        text,
                    });
                }
                Err(message) => {
                    let line = yaml::line_of_key(&text, "scenario");
                    self.problem(&file, line, message);
                }
            }
        }
        // By id, so `x` comes before its variant `x-bilaga-6` (file names
        // sort the other way round, since '-' sorts before '.').
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    fn source_quiet(&self, written: &str, documents: &[Document]) -> Option<Source> {
        let (doc_id, section_id) = written.split_once('#')?;
        let d = documents.iter().position(|d| d.id == doc_id)?;
        let s = documents[d]
            .sections
            .iter()
            .position(|s| s.id == section_id)?;
        Some(Source {
            document: d,
            section: s,
        })
    }

    fn platforms(&mut self, documents: &[Document]) -> Vec<Platform> {
        let file = "platforms.yaml";
        let raw: Vec<raw::Platform> = self.parse_list(file);
        let ids: Ids = raw.iter().map(|p| p.id.clone()).collect();
        self.check_unique(file, &ids, "platform");
        raw.into_iter()
            .map(|p| {
                self.check_text(file, &p.id, "description", &p.description);
                Platform {
                    line: self.line_of_id(file, &p.id).unwrap_or(1),
                    source: self.source(file, &p.id, &p.source, documents),
                    id: p.id,
                    name: p.name,
                    description: p.description,
                }
            })
            .collect()
    }

    fn profiles(
        &mut self,
        documents: &[Document],
        classes: &[Class],
        platforms: &[Platform],
    ) -> (Vec<Profile>, Vec<usize>) {
        let file = "profiles.yaml";
        let raw: Vec<raw::Profile> = self.parse_list(file);
        // The profiles that say `default: true`, read from the one parse.
        let defaults: Vec<usize> = (0..raw.len()).filter(|&i| raw[i].default).collect();
        let ids: Ids = raw.iter().map(|p| p.id.clone()).collect();
        self.check_unique(file, &ids, "profile");
        if raw.is_empty() && self.files.contains_key(file) {
            self.problem(file, None, "at least one profile is needed".into());
        }
        let profiles = raw
            .into_iter()
            .map(|p| {
                self.check_text(file, &p.id, "name", &p.name);
                self.check_text(file, &p.id, "description", &p.description);
                let docs = p
                    .documents
                    .iter()
                    .filter_map(|d| {
                        let found = documents.iter().position(|x| &x.id == d);
                        if found.is_none() && !self.unparsed("documents.yaml") {
                            let line = self.line_of_token(file, &p.id, d);
                            self.problem(file, line, format!("`{}`: unknown document `{d}`", p.id));
                        }
                        found
                    })
                    .collect();
                let grants: Vec<Grant> = p
                    .platforms
                    .iter()
                    .map(|g| Grant {
                        classes: g.classes.clone(),
                        allow: g
                            .allow
                            .iter()
                            .filter_map(|id| self.platform_ref(file, &p.id, id, platforms))
                            .collect(),
                        source: self.source(file, &p.id, &g.source, documents),
                    })
                    .collect();
                for class in classes {
                    let n = grants.iter().filter(|g| g.classes.contains(&class.level)).count();
                    if n != 1 {
                        let line = self.line_of_id(file, &p.id);
                        self.problem(
                            file,
                            line,
                            format!(
                                "profile `{}` must name class {} in exactly one `platforms` entry; it does in {n}",
                                p.id, class.level
                            ),
                        );
                    }
                }
                for g in &grants {
                    for c in &g.classes {
                        if !classes.iter().any(|k| k.level == *c) && !self.unparsed("classes.yaml") {
                            let line = self.line_of_id(file, &p.id);
                            self.problem(
                                file,
                                line,
                                format!("profile `{}`: class {c} is not in classes.yaml", p.id),
                            );
                        }
                    }
                }
                Profile {
                    id: p.id,
                    name: p.name,
                    description: p.description,
                    documents: docs,
                    grants,
                }
            })
            .collect();
        (profiles, defaults)
    }

    fn platform_ref(
        &mut self,
        file: &str,
        owner: &str,
        id: &str,
        platforms: &[Platform],
    ) -> Option<usize> {
        let found = platforms.iter().position(|p| p.id == id);
        if found.is_none() && !self.unparsed("platforms.yaml") {
            let line = self.line_of_token(file, owner, id);
            let ids: Vec<&str> = platforms.iter().map(|p| p.id.as_str()).collect();
            self.problem(
                file,
                line,
                format!(
                    "`{owner}`: unknown platform `{id}`; accepted: {}",
                    ids.join(", ")
                ),
            );
        }
        found
    }

    /// Checklist items or warnings (they have one shape).
    fn items(
        &mut self,
        file: &str,
        documents: &[Document],
        questions: &[Question],
        platforms: &[Platform],
    ) -> Vec<Item> {
        let what = if file == "warnings.yaml" {
            "warning"
        } else {
            "checklist item"
        };
        let raw: Vec<raw::Item> = self.parse_list(file);
        let ids: Ids = raw.iter().map(|i| i.id.clone()).collect();
        self.check_unique(file, &ids, what);
        raw.into_iter()
            .map(|i| {
                self.check_text(file, &i.id, "text", &i.text);
                let requires = match &i.requires {
                    Some(r) => self.requires(file, &i.id, r, questions, platforms),
                    None => Requires::default(),
                };
                Item {
                    sources: self.sources(file, &i.id, &i.source, documents),
                    requires,
                    id: i.id,
                    text: i.text,
                }
            })
            .collect()
    }

    /// Resolves each question's `unknown_items` once the items are loaded.
    fn unknown_items(&mut self, questions: &mut [Question], items: &[Item]) {
        let file = "questions.yaml";
        let Some(text) = self.files.get(file) else {
            return;
        };
        let Ok(raw) = yaml::from_str::<Vec<raw::Question>>(text) else {
            return;
        };
        for (q, r) in questions.iter_mut().zip(raw) {
            if !r.unknown_items.is_empty() && !r.unknown {
                let line = Some(q.line);
                self.problem(
                    file,
                    line,
                    format!("`{}`: `unknown_items` needs `unknown: true`", q.id),
                );
            }
            for id in &r.unknown_items {
                match items.iter().position(|i| &i.id == id) {
                    Some(i) => q.unknown_items.push(i),
                    None if self.unparsed("checklists.yaml") => {}
                    None => {
                        let line = self.line_of_token(file, &q.id, id);
                        self.problem(
                            file,
                            line,
                            format!("`{}`: unknown checklist item `{id}` in unknown_items", q.id),
                        );
                    }
                }
            }
        }
    }

    /// Several `document#section` sources; at least one.
    fn sources(
        &mut self,
        file: &str,
        owner: &str,
        written: &raw::Sources,
        documents: &[Document],
    ) -> Vec<Source> {
        let list = written.list();
        if list.is_empty() {
            let line = self.line_of_id(file, owner);
            self.problem(
                file,
                line,
                format!("`{owner}`: `source` needs at least one document#section"),
            );
        }
        let mut out: Vec<Source> = Vec::new();
        for w in list {
            let s = self.source(file, owner, w, documents);
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// An item's presuppositions, every reference resolved.
    fn requires(
        &mut self,
        file: &str,
        id: &str,
        r: &raw::Requires,
        questions: &[Question],
        platforms: &[Platform],
    ) -> Requires {
        let platform_list = |this: &mut Self, ids: &[String]| -> Vec<usize> {
            ids.iter()
                .filter_map(|p| this.platform_ref(file, id, p, platforms))
                .collect()
        };
        let platforms_any = platform_list(self, &r.platforms_any);
        let platforms_none = platform_list(self, &r.platforms_none);
        if let (Some(lo), Some(hi)) = (r.class_at_least, r.class_at_most)
            && lo > hi
        {
            let line = self.line_of_id(file, id);
            self.problem(
                file,
                line,
                format!("`{id}`: `requires` has class_at_least {lo} above class_at_most {hi}, so it can never hold"),
            );
        }
        let when = r
            .when
            .as_ref()
            .and_then(|v| self.condition(file, id, "requires.when", v, questions));
        Requires {
            digital_meeting: r.digital_meeting,
            recording: r.recording,
            class_at_least: r.class_at_least,
            class_at_most: r.class_at_most,
            platforms_any,
            platforms_none,
            when,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rules(
        &mut self,
        documents: &[Document],
        classes: &[Class],
        questions: &[Question],
        platforms: &[Platform],
        profiles: &[Profile],
        items: &[Item],
        warnings: &[Warning],
    ) -> Vec<Rule> {
        let files: Vec<String> = self
            .files
            .keys()
            .filter(|p| p.starts_with("rules/"))
            .cloned()
            .collect();
        let mut written: Vec<(String, raw::Rule)> = Vec::new();
        for file in files {
            let list: Vec<raw::Rule> = self.parse_list(&file);
            written.extend(list.into_iter().map(|r| (file.clone(), r)));
        }
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (file, r) in &written {
            if let Some(first) = seen.insert(r.id.clone(), file.clone()) {
                // Within one file, the second definition; else this file's.
                let nth = usize::from(first == *file);
                let line = self.line_of_id_nth(file, &r.id, nth);
                self.problem(
                    file,
                    line,
                    format!("rule `{}` is defined twice (also in {first})", r.id),
                );
            }
        }
        let rule_ids: Vec<String> = written.iter().map(|(_, r)| r.id.clone()).collect();
        written
            .into_iter()
            .map(|(file, r)| {
                self.rule(
                    &file, r, &rule_ids, documents, classes, questions, platforms, profiles, items,
                    warnings,
                )
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn rule(
        &mut self,
        file: &str,
        r: raw::Rule,
        rule_ids: &[String],
        documents: &[Document],
        classes: &[Class],
        questions: &[Question],
        platforms: &[Platform],
        profiles: &[Profile],
        items: &[Item],
        warnings: &[Warning],
    ) -> Rule {
        let id = r.id.clone();
        let line = self.line_of_id(file, &id).unwrap_or(1);
        self.check_text(file, &id, "explain", &r.explain);
        let when = match &r.when {
            Some(v) => self
                .condition(file, &id, "when", v, questions)
                .unwrap_or(Cond::Always),
            None => Cond::Always,
        };
        let lookup = |this: &mut Self,
                      what: &str,
                      defined_in: &str,
                      ids: &[String],
                      known: &[&str]|
         -> Vec<usize> {
            ids.iter()
                .filter_map(|x| {
                    let found = known.iter().position(|k| k == x);
                    if found.is_none() && !this.unparsed(defined_in) {
                        let l = this.line_of_token(file, &id, x);
                        this.problem(file, l, format!("rule `{id}`: unknown {what} `{x}`"));
                    }
                    found
                })
                .collect()
        };
        let profile_ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
        let item_ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        let warning_ids: Vec<&str> = warnings.iter().map(|w| w.id.as_str()).collect();
        let rule_refs: Vec<&str> = rule_ids.iter().map(String::as_str).collect();
        let profiles_of = r
            .profiles
            .as_ref()
            .map(|ps| lookup(self, "profile", "profiles.yaml", ps, &profile_ids));
        let organiser = lookup(
            self,
            "checklist item",
            "checklists.yaml",
            &r.organiser,
            &item_ids,
        );
        let participants = lookup(
            self,
            "checklist item",
            "checklists.yaml",
            &r.participants,
            &item_ids,
        );
        let tips = lookup(
            self,
            "checklist item",
            "checklists.yaml",
            &r.tips,
            &item_ids,
        );
        let warning_refs = lookup(self, "warning", "warnings.yaml", &r.warnings, &warning_ids);
        let overrides = lookup(self, "rule", "rules/", &r.overrides, &rule_refs);
        let exclude_platforms = r
            .exclude_platforms
            .iter()
            .filter_map(|p| self.platform_ref(file, &id, p, platforms))
            .collect();
        if let Some(c) = r.class_at_least
            && !classes.iter().any(|k| k.level == c)
            && !self.unparsed("classes.yaml")
        {
            self.problem(
                file,
                Some(line),
                format!("rule `{id}`: class {c} is not in classes.yaml"),
            );
        }
        let recording = r.recording.map(|rec| {
            match (rec.verdict, &rec.retention) {
                (Verdict::Allowed, _) => {}
                (_, Some(_)) => self.problem(
                    file,
                    Some(line),
                    format!(
                        "rule `{id}`: only an `allowed` recording verdict can state a retention"
                    ),
                ),
                _ => {}
            }
            if let Some(t) = &rec.retention {
                self.check_text(file, &id, "retention", t);
            }
            RecordingEffect {
                verdict: rec.verdict,
                retention: rec.retention,
            }
        });
        if !r.overrides.is_empty() && recording.is_none() {
            self.problem(
                file,
                Some(line),
                format!("rule `{id}`: `overrides` states precedence between recording verdicts, but the rule gives none"),
            );
        }
        let has_effect = r.class_at_least.is_some()
            || r.forbid_digital
            || !r.exclude_platforms.is_empty()
            || recording.is_some()
            || !r.organiser.is_empty()
            || !r.participants.is_empty()
            || !r.tips.is_empty()
            || !r.warnings.is_empty();
        if !has_effect {
            self.problem(file, Some(line), format!("rule `{id}` has no effect"));
        }
        Rule {
            sources: self.sources(file, &id, &r.source, documents),
            id,
            when,
            profiles: profiles_of,
            explain: r.explain,
            class_at_least: r.class_at_least,
            forbid_digital: r.forbid_digital,
            exclude_platforms,
            recording,
            organiser,
            participants,
            tips,
            warnings: warning_refs,
            overrides,
            loosens: r.loosens,
            file: file.to_owned(),
            line,
        }
    }

    /// Everything defined must be used: an item no rule gives, a document
    /// no profile names or a platform no profile grants is dead content.
    fn check_references_used(&mut self, c: &Content) {
        let item_used = |i: usize| {
            c.rules.iter().any(|r| {
                r.organiser.contains(&i) || r.participants.contains(&i) || r.tips.contains(&i)
            }) || c.questions.iter().any(|q| q.unknown_items.contains(&i))
        };
        let warning_used = |i: usize| c.rules.iter().any(|r| r.warnings.contains(&i));
        let document_used = |i: usize| c.profiles.iter().any(|p| p.documents.contains(&i));
        let platform_used = |i: usize| {
            c.profiles
                .iter()
                .any(|p| p.grants.iter().any(|g| g.allow.contains(&i)))
        };
        let unused = |ids: Vec<&str>, used: &dyn Fn(usize) -> bool| -> Vec<String> {
            ids.into_iter()
                .enumerate()
                .filter(|(i, _)| !used(*i))
                .map(|(_, id)| id.to_owned())
                .collect()
        };
        let checks = [
            (
                "checklists.yaml",
                "checklist item `{}` is given by no rule",
                unused(c.items.iter().map(|x| x.id.as_str()).collect(), &item_used),
            ),
            (
                "warnings.yaml",
                "warning `{}` is raised by no rule",
                unused(
                    c.warnings.iter().map(|x| x.id.as_str()).collect(),
                    &warning_used,
                ),
            ),
            (
                "documents.yaml",
                "document `{}` is named by no profile",
                unused(
                    c.documents.iter().map(|x| x.id.as_str()).collect(),
                    &document_used,
                ),
            ),
            (
                "platforms.yaml",
                "platform `{}` is permitted by no profile",
                unused(
                    c.platforms.iter().map(|x| x.id.as_str()).collect(),
                    &platform_used,
                ),
            ),
        ];
        let unused: Vec<(&str, String, &str)> = checks
            .into_iter()
            .flat_map(|(file, message, ids)| ids.into_iter().map(move |id| (file, id, message)))
            .collect();
        for (file, id, message) in unused {
            let line = self.line_of_id(file, &id);
            self.problem(file, line, message.replace("{}", &id));
        }
        // Every source must be one of the documents of every profile that can use it.
        for r in &c.rules {
            let profiles: Vec<usize> = r
                .profiles
                .clone()
                .unwrap_or_else(|| (0..c.profiles.len()).collect());
            for p in profiles {
                for source in &r.sources {
                    if !c.profiles[p].documents.contains(&source.document) {
                        let line = Some(r.line);
                        let file = r.file.clone();
                        self.problem(
                            &file,
                            line,
                            format!(
                                "rule `{}` cites `{}`, which profile `{}` does not list among its documents",
                                r.id, c.documents[source.document].id, c.profiles[p].id
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn option_list(q: &Question) -> String {
    q.options
        .iter()
        .map(|o| o.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A 32-bit FNV-1a hash of the files, in path order, paths and texts
/// separated so that moving text between files changes it.
fn fingerprint(files: &[(String, String)]) -> u32 {
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort();
    let mut hash: u32 = 0x811c_9dc5;
    for (path, text) in sorted {
        for b in path.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    hash
}

/// Whether `line` defines entry `id`: `id: x` at the start of a block
/// entry (`- id: x`), or as a key of a flow mapping (`- { id: x, … }`).
fn defines_id(line: &str, id: &str) -> bool {
    let mut rest = line;
    while let Some(at) = rest.find("id:") {
        let before = rest[..at].trim_end();
        let starts_key = before.is_empty()
            || before == "-"
            || before.ends_with(" -")
            || before.ends_with('{')
            || before.ends_with(',');
        let after = &rest[at + 3..];
        let value = after
            .split([',', '}'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if starts_key && value == id {
            return true;
        }
        rest = after;
    }
    false
}
