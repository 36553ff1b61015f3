//! Reads a content folder's files into [`Content`], resolving every
//! reference and collecting every problem with its file, line and column.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;

use crate::content::condition::{self, Cond, CondError};
use crate::content::model::*;
use crate::content::problem::{ContentError, Problem};
use crate::content::raw;
use crate::text::Text;
use crate::yaml::{self, Path, Place, Positions, Value};

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
        positions: BTreeMap::new(),
        rule_cites: Vec::new(),
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
    /// Where every node of each file read so far stands.
    positions: BTreeMap<String, Positions>,
    /// Per rule, in order: each source as written, and where.
    rule_cites: Vec<Vec<(String, Option<Place>)>>,
}

/// Names of things already defined, for duplicate checks and lookups.
type Ids = Vec<String>;

/// Entry `i` (from 0) of a file that holds a list.
fn entry(i: usize) -> Path {
    Path::root().index(i)
}

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
            // Of two that say so, the second; of none, no node is to blame.
            let at = defaults
                .get(1)
                .and_then(|&i| self.at("profiles.yaml", &entry(i).key("default")));
            self.problem(
                "profiles.yaml",
                at,
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
        for (n, inv) in written.into_iter().enumerate() {
            let id = inv.id.clone();
            let here = entry(n);
            let place = self.place(file, &here.key("id"));
            if seen.contains(&id) {
                self.problem(
                    file,
                    Some(place),
                    format!("invariant `{id}` is defined twice"),
                );
            }
            seen.push(id.clone());
            let when = match &inv.when {
                Some(v) => self
                    .condition(file, &id, "when", v, questions, &here.key("when"))
                    .unwrap_or(Cond::Always),
                None => Cond::Always,
            };
            // A reference into a file that did not parse is not reported:
            // that file's own problem is.
            let find = |this: &mut Self,
                        what: &str,
                        ids: &[String],
                        known: &[&str],
                        list: Path|
             -> Vec<usize> {
                let defined_in = match what {
                    "profile" => "profiles.yaml",
                    "platform" => "platforms.yaml",
                    "warning" => "warnings.yaml",
                    _ => "checklists.yaml",
                };
                ids.iter()
                    .enumerate()
                    .filter_map(|(k, x)| {
                        let found = known.iter().position(|k| k == x);
                        if found.is_none() && !this.unparsed(defined_in) {
                            let at = this.at(file, &list.index(k));
                            this.problem(
                                file,
                                at,
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
            let then = here.key("then");
            let profiles_of = inv
                .profiles
                .as_ref()
                .map(|ps| find(self, "profile", ps, &profile_ids, here.key("profiles")));
            let platforms_within = t.platforms_within.as_ref().map(|ps| {
                let list = then.key("platforms_within");
                find(self, "platform", ps, &platform_ids, list)
            });
            let platforms_exclude = find(
                self,
                "platform",
                &t.platforms_exclude,
                &platform_ids,
                then.key("platforms_exclude"),
            );
            let organiser_includes = find(
                self,
                "checklist item",
                &t.organiser_includes,
                &item_ids,
                then.key("organiser_includes"),
            );
            let participants_includes = find(
                self,
                "checklist item",
                &t.participants_includes,
                &item_ids,
                then.key("participants_includes"),
            );
            let warnings_include = find(
                self,
                "warning",
                &t.warnings_include,
                &warning_ids,
                then.key("warnings_include"),
            );
            let says_something = t.digital_meeting_allowed.is_some()
                || t.platforms_within.is_some()
                || !t.platforms_exclude.is_empty()
                || t.class_at_least.is_some()
                || t.recording_allowed.is_some()
                || !t.organiser_includes.is_empty()
                || !t.participants_includes.is_empty()
                || !t.warnings_include.is_empty();
            if !says_something {
                let at = self.at(file, &then);
                self.problem(
                    file,
                    at,
                    format!("invariant `{id}`: `then` needs at least one key (digital_meeting_allowed, platforms_within, platforms_exclude, class_at_least, recording_allowed, organiser_includes, participants_includes, warnings_include)"),
                );
            }
            let sources = self.sources(file, &id, &inv.source, documents, &here.key("source"));
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
                line: place.line,
                column: place.column,
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
                Some(Place {
                    line: first.line,
                    column: first.column,
                }),
                format!(
                    "rules override one another in a cycle ({}): where they all hold none of them fires and their duties are dropped without a word; remove one `overrides` so that one rule takes precedence",
                    names.join(" → ")
                ),
            );
        }
    }

    /// A problem in `file` about the node at `at`, or (`None`) about no
    /// single node.
    fn problem(&mut self, file: &str, at: Option<Place>, message: String) {
        self.problems.push(Problem {
            file: file.to_owned(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            message,
            ..Default::default()
        });
    }

    /// Where the node at `path` in `file` starts.
    fn at(&self, file: &str, path: &Path) -> Option<Place> {
        self.positions.get(file)?.value(path)
    }

    /// Where the key of the mapping entry at `path` in `file` starts.
    fn key_at(&self, file: &str, path: &Path) -> Option<Place> {
        self.positions.get(file)?.key(path)
    }

    /// Where a node that parsed starts, for the model's places: it is
    /// always indexed, since positions and values come from one parser.
    fn place(&self, file: &str, path: &Path) -> Place {
        self.at(file, path).unwrap_or(Place { line: 1, column: 1 })
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
        let positions = Positions::of(text);
        let parsed = yaml::from_str::<Vec<T>>(text);
        self.check_plain(file, &positions);
        let list = match parsed {
            Ok(list) => list,
            Err(e) => {
                let (at, message) = yaml_problem(&e, &positions);
                self.problem(file, at, message);
                self.failed.insert(file.to_owned());
                Vec::new()
            }
        };
        self.positions.insert(file.to_owned(), positions);
        list
    }

    /// Every id given once and not empty; `at(i)` is the path of the
    /// `i`-th id, so the second of two is the one pointed at.
    fn check_unique(&mut self, file: &str, ids: &[String], what: &str, at: impl Fn(usize) -> Path) {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            let message = if id.is_empty() {
                format!("a {what} has an empty id")
            } else if !seen.insert(id) {
                format!("{what} `{id}` is defined twice")
            } else {
                continue;
            };
            let place = self.at(file, &at(i));
            self.problem(file, place, message);
        }
    }

    /// Every text of `file` plain: the first control or bidirectional
    /// character in a key or value is pointed at. Content reaches the
    /// wizard, printouts and saved files as it is written, so a text must
    /// not be able to move the cursor, clear or retitle a terminal, or
    /// reorder what a reader sees.
    fn check_plain(&mut self, file: &str, positions: &Positions) {
        let Some((start, c)) = positions.control() else {
            return;
        };
        // The character's own place when it is written as it is (a tab
        // in a long block is invisible); the text's start for an escape.
        let at = self
            .files
            .get(file)
            .and_then(|text| yaml::place_of(text, start, c))
            .unwrap_or(start);
        let code = format!("U+{:04X}", c as u32);
        let message = match c {
            '\t' => {
                format!("a tab ({code}) in a text; content is plain text: write spaces instead")
            }
            '\r' => format!(
                "a carriage return ({code}) inside a text; content is plain text with line breaks only"
            ),
            c if c.is_control() => format!(
                "a control character ({code}) in a text; content is plain text with line breaks \
                 only, so that no text can move the cursor, clear or retitle a terminal"
            ),
            _ => format!(
                "a bidirectional formatting character ({code}) in a text; content is plain text, \
                 so that no text can reorder what a reader sees"
            ),
        };
        self.problem(file, Some(at), message);
    }

    /// Both languages of the text at `at` written; an empty one is
    /// pointed at.
    fn check_text(&mut self, file: &str, id: &str, field: &str, text: &Text, at: &Path) {
        for (lang, s) in [("sv", &text.sv), ("en", &text.en)] {
            if s.trim().is_empty() {
                let place = self.at(file, &at.key(lang)).or(self.at(file, at));
                self.problem(
                    file,
                    place,
                    format!("`{id}`: {field} is empty in `{lang}`; both sv and en are required"),
                );
            }
        }
    }

    /// Resolves `document#section`, written at `at`.
    fn source(
        &mut self,
        file: &str,
        owner: &str,
        written: &str,
        documents: &[Document],
        at: &Path,
    ) -> Source {
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
            let place = self.at(file, at);
            let accepted: Vec<String> = documents
                .iter()
                .flat_map(|d| d.sections.iter().map(move |s| format!("{}#{}", d.id, s.id)))
                .collect();
            self.problem(
                file,
                place,
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
        self.check_unique(file, &ids, "document", |i| entry(i).key("id"));
        raw.into_iter()
            .enumerate()
            .map(|(i, d)| {
                let here = entry(i);
                if let Some(issuer) = &d.issuer {
                    self.check_text(file, &d.id, "issuer", issuer, &here.key("issuer"));
                }
                self.check_text(file, &d.id, "summary", &d.summary, &here.key("summary"));
                let section_ids: Ids = d.sections.iter().map(|s| s.id.clone()).collect();
                let sections = here.key("sections");
                self.check_unique(file, &section_ids, &format!("section of `{}`", d.id), |s| {
                    sections.index(s).key("id")
                });
                if d.sections.is_empty() {
                    let at = self.at(file, &sections);
                    self.problem(file, at, format!("document `{}` has no sections", d.id));
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
        // In the order written, so the second of two is pointed at.
        let levels: Ids = raw.iter().map(|c| c.level.to_string()).collect();
        self.check_unique(file, &levels, "class level", |i| entry(i).key("level"));
        let mut classes: Vec<Class> = raw
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let here = entry(i);
                let id = c.level.to_string();
                self.check_text(file, &id, "name", &c.name, &here.key("name"));
                self.check_text(file, &id, "help", &c.help, &here.key("help"));
                let place = self.place(file, &here.key("level"));
                Class {
                    level: c.level,
                    name: c.name,
                    help: c.help,
                    sources: self.sources(file, &id, &c.source, documents, &here.key("source")),
                    line: place.line,
                    column: place.column,
                }
            })
            .collect();
        classes.sort_by_key(|c| c.level);
        if classes.is_empty() && self.files.contains_key(file) {
            let at = self.at(file, &Path::root());
            self.problem(file, at, "at least one information class is needed".into());
        }
        classes
    }

    fn questions(&mut self, documents: &[Document]) -> Vec<Question> {
        let file = "questions.yaml";
        let raw: Vec<raw::Question> = self.parse_list(file);
        let ids: Ids = raw.iter().map(|q| q.id.clone()).collect();
        self.check_unique(file, &ids, "question", |i| entry(i).key("id"));
        let mut questions: Vec<Question> = Vec::new();
        for (i, q) in raw.into_iter().enumerate() {
            let here = entry(i);
            let place = self.place(file, &here.key("id"));
            if q.id == "profile" {
                self.problem(
                    file,
                    Some(place),
                    "`profile` is reserved for the answers file's profile key".into(),
                );
            }
            for (field, text) in [("step", &q.step), ("text", &q.text), ("help", &q.help)] {
                self.check_text(file, &q.id, field, text, &here.key(field));
            }
            let sources = self.sources(file, &q.id, &q.source, documents, &here.key("source"));
            let options = self.options(file, &q, &here);
            let mut question = Question {
                id: q.id.clone(),
                line: place.line,
                column: place.column,
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
            question.default =
                self.default_answer(file, &question, q.default.as_ref(), &here.key("default"));
            // Implications read earlier questions only, as ask_when does.
            for (k, imp) in q.implied.iter().enumerate() {
                let at = here.key("implied").index(k);
                let when = self.condition(
                    file,
                    &q.id,
                    "implied.when",
                    &imp.when,
                    &questions,
                    &at.key("when"),
                );
                let value =
                    self.default_answer(file, &question, Some(&imp.value), &at.key("value"));
                self.check_text(
                    file,
                    &q.id,
                    "implied.because",
                    &imp.because,
                    &at.key("because"),
                );
                let sources = self.sources(file, &q.id, &imp.source, documents, &at.key("source"));
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
            question.ask_when = q.ask_when.as_ref().and_then(|v| {
                self.condition(
                    file,
                    &q.id,
                    "ask_when",
                    v,
                    &questions,
                    &here.key("ask_when"),
                )
            });
            let mut option_conditions = Vec::new();
            for (k, o) in q.options.iter().enumerate() {
                let at = here.key("options").index(k).key("offer_when");
                option_conditions.push(
                    o.offer_when.as_ref().and_then(|v| {
                        self.condition(file, &q.id, "offer_when", v, &questions, &at)
                    }),
                );
            }
            for (o, c) in question.options.iter_mut().zip(option_conditions) {
                o.offer_when = c;
            }
            questions.push(question);
        }
        questions
    }

    /// The options of question `q`, written at `here`.
    fn options(&mut self, file: &str, q: &raw::Question, here: &Path) -> Vec<QuestOption> {
        let list = here.key("options");
        match q.kind {
            QuestionKind::YesNo if !q.options.is_empty() => {
                let at = self.key_at(file, &list);
                self.problem(
                    file,
                    at,
                    format!(
                        "`{}` is yes_no: its options are fixed, remove `options`",
                        q.id
                    ),
                )
            }
            QuestionKind::Choice | QuestionKind::Multi if q.options.len() < 2 => {
                let at = self
                    .at(file, &list)
                    .or_else(|| self.at(file, &here.key("id")));
                self.problem(file, at, format!("`{}` needs at least two options", q.id))
            }
            // Conditions hold options as bits of a 64-bit set: a 65th option
            // would alias the first, so it is refused, not misread.
            QuestionKind::Choice | QuestionKind::Multi if q.options.len() > 64 => {
                let at = self.at(file, &list.index(64));
                self.problem(
                    file,
                    at,
                    format!(
                        "`{}` has {} options; a question can have at most 64",
                        q.id,
                        q.options.len()
                    ),
                )
            }
            QuestionKind::Multi if q.unknown => {
                let at = self.at(file, &here.key("unknown"));
                self.problem(
                    file,
                    at,
                    format!("`{}`: a multiple choice cannot offer `unknown`", q.id),
                )
            }
            _ => {}
        }
        let options: Vec<QuestOption> = q
            .options
            .iter()
            .enumerate()
            .map(|(k, o)| {
                let option = list.index(k);
                let id = yaml::scalar_to_string(&o.id).unwrap_or_default();
                let label = format!("label of option `{id}`");
                self.check_text(file, &q.id, &label, &o.label, &option.key("label"));
                if let Some(h) = &o.help {
                    let help = format!("help of option `{id}`");
                    self.check_text(file, &q.id, &help, h, &option.key("help"));
                }
                if matches!(id.as_str(), "unknown" | "unanswered" | "empty" | "nonempty") {
                    let at = self.at(file, &option.key("id"));
                    self.problem(
                        file,
                        at,
                        format!("`{}`: option id `{id}` is reserved", q.id),
                    );
                }
                let place = self.place(file, &option.key("id"));
                QuestOption {
                    id,
                    label: o.label.clone(),
                    help: o.help.clone(),
                    offer_when: None,
                    line: place.line,
                    column: place.column,
                }
            })
            .collect();
        let ids: Ids = options.iter().map(|o| o.id.clone()).collect();
        self.check_unique(file, &ids, &format!("option of `{}`", q.id), |k| {
            list.index(k).key("id")
        });
        options
    }

    /// A default (or implied) answer for `q`, written at `at`.
    fn default_answer(
        &mut self,
        file: &str,
        q: &Question,
        written: Option<&Value>,
        at: &Path,
    ) -> Answer {
        let bad = |this: &mut Self, node: &Path, accepted: String| {
            let place = this.at(file, node);
            this.problem(
                file,
                place,
                format!("`{}`: default must be {accepted}", q.id),
            );
        };
        match (q.kind, written) {
            (QuestionKind::YesNo, None) => Answer::Bool(false),
            (QuestionKind::YesNo, Some(Value::Bool(b))) => Answer::Bool(*b),
            (QuestionKind::YesNo, Some(_)) => {
                bad(self, at, "true or false".into());
                Answer::Bool(false)
            }
            (QuestionKind::Choice, None) => {
                if q.unanswered.is_none() {
                    self.problem(
                        file,
                        Some(Place {
                            line: q.line,
                            column: q.column,
                        }),
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
                    bad(self, at, format!("one of its options ({})", option_list(q)));
                    Answer::Unanswered
                })
            }
            (QuestionKind::Multi, None) => Answer::Set(0),
            (QuestionKind::Multi, Some(Value::Sequence(list))) => {
                let mut bits = 0;
                for (k, v) in list.iter().enumerate() {
                    let id = yaml::scalar_to_string(v).unwrap_or_default();
                    match q.option_index(&id) {
                        Some(i) => bits |= 1 << i,
                        None => bad(
                            self,
                            &at.index(k),
                            format!("a list of its options ({})", option_list(q)),
                        ),
                    }
                }
                Answer::Set(bits)
            }
            (QuestionKind::Multi, Some(_)) => {
                bad(self, at, "a list of options".into());
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
        at: &Path,
    ) -> Option<Cond> {
        match condition::compile(value, questions) {
            Ok(c) => Some(c),
            Err(_) if self.failed.contains("questions.yaml") => None,
            Err(CondError {
                at: inside,
                key: is_key,
                message,
            }) => {
                let node = at.join(&inside);
                let place = if is_key {
                    self.key_at(file, &node)
                } else {
                    self.at(file, &node)
                };
                let key = field.rsplit('.').next().unwrap_or(field);
                let hint = if key == "when" {
                    String::new()
                } else {
                    " (it may read only questions asked before this one)".to_owned()
                };
                self.problem(file, place, format!("`{owner}`: {field}: {message}{hint}"));
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
            let positions = Positions::of(&text);
            self.check_plain(&file, &positions);
            let block = Path::root().key("scenario");
            let parsed = yaml::from_str::<Value>(&text);
            if let Err(e) = &parsed
                && e.too_deep().is_some()
            {
                let (at, message) = yaml_problem(e, &positions);
                self.problem(&file, at, message);
                self.positions.insert(file.clone(), positions);
                continue;
            }
            self.positions.insert(file.clone(), positions);
            let meta = parsed
                .ok()
                .and_then(|v| v.get("scenario").cloned())
                .ok_or_else(|| "needs a `scenario:` block with title, story and source".to_owned())
                .and_then(|v| {
                    yaml::from_value::<raw::ScenarioMeta>(v).map_err(|e| format!("scenario: {e}"))
                });
            match meta {
                Ok(m) => {
                    self.check_text(&file, &id, "title", &m.title, &block.key("title"));
                    self.check_text(&file, &id, "story", &m.story, &block.key("story"));
                    let source = match self.source_quiet(&m.source, documents) {
                        Some(s) => s,
                        None => {
                            let at = self.at(&file, &block.key("source"));
                            self.problem(
                                &file,
                                at,
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
                    let at = self.at(&file, &block);
                    self.problem(&file, at, message);
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
        self.check_unique(file, &ids, "platform", |i| entry(i).key("id"));
        raw.into_iter()
            .enumerate()
            .map(|(i, p)| {
                let here = entry(i);
                let desc = here.key("description");
                self.check_text(file, &p.id, "description", &p.description, &desc);
                let place = self.place(file, &here.key("id"));
                Platform {
                    line: place.line,
                    column: place.column,
                    source: self.source(file, &p.id, &p.source, documents, &here.key("source")),
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
        self.check_unique(file, &ids, "profile", |i| entry(i).key("id"));
        if raw.is_empty() && self.files.contains_key(file) {
            let at = self.at(file, &Path::root());
            self.problem(file, at, "at least one profile is needed".into());
        }
        let profiles = raw
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let here = entry(i);
                self.check_text(file, &p.id, "name", &p.name, &here.key("name"));
                let desc = here.key("description");
                self.check_text(file, &p.id, "description", &p.description, &desc);
                let docs = p
                    .documents
                    .iter()
                    .enumerate()
                    .filter_map(|(k, d)| {
                        let found = documents.iter().position(|x| &x.id == d);
                        if found.is_none() && !self.unparsed("documents.yaml") {
                            let at = self.at(file, &here.key("documents").index(k));
                            self.problem(file, at, format!("`{}`: unknown document `{d}`", p.id));
                        }
                        found
                    })
                    .collect();
                let written = here.key("platforms");
                let grants: Vec<Grant> = p
                    .platforms
                    .iter()
                    .enumerate()
                    .map(|(k, g)| {
                        let grant = written.index(k);
                        Grant {
                            classes: g.classes.clone(),
                            allow: g
                                .allow
                                .iter()
                                .enumerate()
                                .filter_map(|(n, id)| {
                                    let at = grant.key("allow").index(n);
                                    self.platform_ref(file, &p.id, id, platforms, &at)
                                })
                                .collect(),
                            source: self.source(
                                file,
                                &p.id,
                                &g.source,
                                documents,
                                &grant.key("source"),
                            ),
                        }
                    })
                    .collect();
                // Where a class is named: (entry, place in its `classes`).
                let named = |level: u8| -> Vec<Path> {
                    let mut out = Vec::new();
                    for (k, g) in grants.iter().enumerate() {
                        for (n, _) in g.classes.iter().enumerate().filter(|(_, c)| **c == level) {
                            out.push(written.index(k).key("classes").index(n));
                        }
                    }
                    out
                };
                for class in classes {
                    let n = grants.iter().filter(|g| g.classes.contains(&class.level)).count();
                    if n != 1 {
                        // Named twice: the second; never: the list to add it to.
                        let at = match named(class.level).get(1) {
                            Some(second) => self.at(file, second),
                            None => self.at(file, &written),
                        };
                        self.problem(
                            file,
                            at,
                            format!(
                                "profile `{}` must name class {} in exactly one `platforms` entry; it does in {n}",
                                p.id, class.level
                            ),
                        );
                    }
                }
                for (k, g) in grants.iter().enumerate() {
                    for (n, c) in g.classes.iter().enumerate() {
                        if !classes.iter().any(|k| k.level == *c) && !self.unparsed("classes.yaml") {
                            let at = self.at(file, &written.index(k).key("classes").index(n));
                            self.problem(
                                file,
                                at,
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
        at: &Path,
    ) -> Option<usize> {
        let found = platforms.iter().position(|p| p.id == id);
        if found.is_none() && !self.unparsed("platforms.yaml") {
            let place = self.at(file, at);
            let ids: Vec<&str> = platforms.iter().map(|p| p.id.as_str()).collect();
            self.problem(
                file,
                place,
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
        self.check_unique(file, &ids, what, |i| entry(i).key("id"));
        raw.into_iter()
            .enumerate()
            .map(|(n, i)| {
                let here = entry(n);
                self.check_text(file, &i.id, "text", &i.text, &here.key("text"));
                let requires = match &i.requires {
                    Some(r) => {
                        let at = here.key("requires");
                        self.requires(file, &i.id, r, questions, platforms, &at)
                    }
                    None => Requires::default(),
                };
                let place = self.place(file, &here.key("id"));
                Item {
                    sources: self.sources(file, &i.id, &i.source, documents, &here.key("source")),
                    requires,
                    id: i.id,
                    text: i.text,
                    line: place.line,
                    column: place.column,
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
        for (n, (q, r)) in questions.iter_mut().zip(raw).enumerate() {
            let list = entry(n).key("unknown_items");
            if !r.unknown_items.is_empty() && !r.unknown {
                let at = self.key_at(file, &list);
                self.problem(
                    file,
                    at,
                    format!("`{}`: `unknown_items` needs `unknown: true`", q.id),
                );
            }
            for (k, id) in r.unknown_items.iter().enumerate() {
                match items.iter().position(|i| &i.id == id) {
                    Some(i) => q.unknown_items.push(i),
                    None if self.unparsed("checklists.yaml") => {}
                    None => {
                        let at = self.at(file, &list.index(k));
                        self.problem(
                            file,
                            at,
                            format!("`{}`: unknown checklist item `{id}` in unknown_items", q.id),
                        );
                    }
                }
            }
        }
    }

    /// Several `document#section` sources (written at `at`); at least one.
    fn sources(
        &mut self,
        file: &str,
        owner: &str,
        written: &raw::Sources,
        documents: &[Document],
        at: &Path,
    ) -> Vec<Source> {
        let nodes = written.written_at(at);
        if nodes.is_empty() {
            let place = self.at(file, at);
            self.problem(
                file,
                place,
                format!("`{owner}`: `source` needs at least one document#section"),
            );
        }
        let mut out: Vec<Source> = Vec::new();
        for (w, node) in nodes {
            let s = self.source(file, owner, w, documents, &node);
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// An item's presuppositions (written at `at`), every reference resolved.
    fn requires(
        &mut self,
        file: &str,
        id: &str,
        r: &raw::Requires,
        questions: &[Question],
        platforms: &[Platform],
        at: &Path,
    ) -> Requires {
        let platform_list = |this: &mut Self, ids: &[String], key: &str| -> Vec<usize> {
            ids.iter()
                .enumerate()
                .filter_map(|(k, p)| {
                    this.platform_ref(file, id, p, platforms, &at.key(key).index(k))
                })
                .collect()
        };
        let platforms_any = platform_list(self, &r.platforms_any, "platforms_any");
        let platforms_none = platform_list(self, &r.platforms_none, "platforms_none");
        if let (Some(lo), Some(hi)) = (r.class_at_least, r.class_at_most)
            && lo > hi
        {
            let place = self.at(file, &at.key("class_at_least"));
            self.problem(
                file,
                place,
                format!("`{id}`: `requires` has class_at_least {lo} above class_at_most {hi}, so it can never hold"),
            );
        }
        let when = r
            .when
            .as_ref()
            .and_then(|v| self.condition(file, id, "requires.when", v, questions, &at.key("when")));
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
        // Each rule with its file and its entry in that file.
        let mut written: Vec<(String, Path, raw::Rule)> = Vec::new();
        for file in files {
            let list: Vec<raw::Rule> = self.parse_list(&file);
            written.extend(
                list.into_iter()
                    .enumerate()
                    .map(|(i, r)| (file.clone(), entry(i), r)),
            );
        }
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (file, here, r) in &written {
            // In the order read, this is the second definition.
            if let Some(first) = seen.insert(r.id.clone(), file.clone()) {
                let at = self.at(file, &here.key("id"));
                self.problem(
                    file,
                    at,
                    format!("rule `{}` is defined twice (also in {first})", r.id),
                );
            }
        }
        let rule_ids: Vec<String> = written.iter().map(|(_, _, r)| r.id.clone()).collect();
        written
            .into_iter()
            .map(|(file, here, r)| {
                self.rule(
                    &file, &here, r, &rule_ids, documents, classes, questions, platforms, profiles,
                    items, warnings,
                )
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn rule(
        &mut self,
        file: &str,
        here: &Path,
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
        let place = self.place(file, &here.key("id"));
        self.check_text(file, &id, "explain", &r.explain, &here.key("explain"));
        let when = match &r.when {
            Some(v) => self
                .condition(file, &id, "when", v, questions, &here.key("when"))
                .unwrap_or(Cond::Always),
            None => Cond::Always,
        };
        // The ids listed under `key`, each unknown one found at its item.
        let lookup = |this: &mut Self,
                      what: &str,
                      defined_in: &str,
                      key: &str,
                      ids: &[String],
                      known: &[&str]|
         -> Vec<usize> {
            ids.iter()
                .enumerate()
                .filter_map(|(k, x)| {
                    let found = known.iter().position(|k| k == x);
                    if found.is_none() && !this.unparsed(defined_in) {
                        let at = this.at(file, &here.key(key).index(k));
                        this.problem(file, at, format!("rule `{id}`: unknown {what} `{x}`"));
                    }
                    found
                })
                .collect()
        };
        let profile_ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
        let item_ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        let warning_ids: Vec<&str> = warnings.iter().map(|w| w.id.as_str()).collect();
        let rule_refs: Vec<&str> = rule_ids.iter().map(String::as_str).collect();
        let profiles_of = r.profiles.as_ref().map(|ps| {
            lookup(
                self,
                "profile",
                "profiles.yaml",
                "profiles",
                ps,
                &profile_ids,
            )
        });
        let [organiser, participants, tips] = [
            ("organiser", &r.organiser),
            ("participants", &r.participants),
            ("tips", &r.tips),
        ]
        .map(|(key, ids)| {
            lookup(
                self,
                "checklist item",
                "checklists.yaml",
                key,
                ids,
                &item_ids,
            )
        });
        let warning_refs = lookup(
            self,
            "warning",
            "warnings.yaml",
            "warnings",
            &r.warnings,
            &warning_ids,
        );
        let overrides = lookup(
            self,
            "rule",
            "rules/",
            "overrides",
            &r.overrides,
            &rule_refs,
        );
        let exclude_platforms = r
            .exclude_platforms
            .iter()
            .enumerate()
            .filter_map(|(k, p)| {
                let at = here.key("exclude_platforms").index(k);
                self.platform_ref(file, &id, p, platforms, &at)
            })
            .collect();
        if let Some(c) = r.class_at_least
            && !classes.iter().any(|k| k.level == c)
            && !self.unparsed("classes.yaml")
        {
            let at = self.at(file, &here.key("class_at_least"));
            self.problem(
                file,
                at,
                format!("rule `{id}`: class {c} is not in classes.yaml"),
            );
        }
        let recording_at = here.key("recording");
        let recording = r.recording.map(|rec| {
            let retention = recording_at.key("retention");
            match (rec.verdict, &rec.retention) {
                (Verdict::Allowed, _) => {}
                (_, Some(_)) => {
                    let at = self.key_at(file, &retention);
                    self.problem(
                        file,
                        at,
                        format!(
                            "rule `{id}`: only an `allowed` recording verdict can state a retention"
                        ),
                    )
                }
                _ => {}
            }
            if let Some(t) = &rec.retention {
                self.check_text(file, &id, "retention", t, &retention);
            }
            RecordingEffect {
                verdict: rec.verdict,
                retention: rec.retention,
            }
        });
        if !r.overrides.is_empty() && recording.is_none() {
            let at = self.key_at(file, &here.key("overrides"));
            self.problem(
                file,
                at,
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
            self.problem(file, Some(place), format!("rule `{id}` has no effect"));
        }
        let sources = self.sources(file, &id, &r.source, documents, &here.key("source"));
        let cites = r
            .source
            .written_at(&here.key("source"))
            .into_iter()
            .map(|(w, node)| (w.to_owned(), self.at(file, &node)))
            .collect();
        self.rule_cites.push(cites);
        Rule {
            sources,
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
            line: place.line,
            column: place.column,
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
        // Each unused entry: its place in its file (the content keeps the
        // files' order) and its id.
        let unused = |ids: Vec<&str>, used: &dyn Fn(usize) -> bool| -> Vec<(usize, String)> {
            ids.into_iter()
                .enumerate()
                .filter(|(i, _)| !used(*i))
                .map(|(i, id)| (i, id.to_owned()))
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
        let unused: Vec<(&str, (usize, String), &str)> = checks
            .into_iter()
            .flat_map(|(file, message, ids)| ids.into_iter().map(move |id| (file, id, message)))
            .collect();
        for (file, (i, id), message) in unused {
            let at = self.at(file, &entry(i).key("id"));
            self.problem(file, at, message.replace("{}", &id));
        }
        // Every source must be one of the documents of every profile that can use it.
        let cites = std::mem::take(&mut self.rule_cites);
        for (r, cites) in c.rules.iter().zip(cites) {
            let profiles: Vec<usize> = r
                .profiles
                .clone()
                .unwrap_or_else(|| (0..c.profiles.len()).collect());
            for p in profiles {
                for source in &r.sources {
                    if !c.profiles[p].documents.contains(&source.document) {
                        // Where the rule names that document.
                        let document = &c.documents[source.document].id;
                        let at = cites
                            .iter()
                            .find(|(w, _)| w.split('#').next() == Some(document))
                            .and_then(|(_, at)| *at);
                        let file = r.file.clone();
                        self.problem(
                            &file,
                            at,
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

/// Where a YAML error is and what it says, the place ours to print: a key
/// given twice is pointed at its second occurrence, not at its mapping.
fn yaml_problem(e: &yaml::Error, positions: &Positions) -> (Option<Place>, String) {
    let mut at = yaml::error_position(e);
    if e.too_deep().is_some() {
        return (
            at,
            format!(
                "lists and mappings are nested more than {} levels deep; a content file needs a handful",
                yaml::MAX_DEPTH
            ),
        );
    }
    let message = e.to_string();
    // The parser appends "at line X column Y"; the position is ours to print.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    if e.is_duplicate_key() {
        at = at.map(|m| positions.repeated_key(m).unwrap_or(m));
    }
    (at, message)
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
