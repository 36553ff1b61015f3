//! Plain mode: the wizard as line-by-line prompts on standard input and
//! output, for a screen reader, a serial console or a pipe.
//!
//! It asks the same questions as the wizard, in the same order, through
//! [`crate::engine::flow`], and shows the same result
//! ([`crate::report::to_text`]), the answer code and an offer to save the
//! Markdown. Nothing moves the cursor and nothing is coloured: every line is
//! plain text, one idea each.

mod strings;

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::content::{Answer, Content, QuestionKind};
use crate::engine::{self, Answers, code, flow};
use crate::error::BadInput;
use crate::i18n::{Ui, ui};
use crate::report::{self, Report};
use crate::save::{SaveError, resolve, save};
use crate::text::Lang;
use crate::wrap::wrap;

pub use strings::{Strings, fill, strings};

/// The longest line read as an answer; anything longer is refused, so
/// endless input without a newline cannot fill the memory.
const MAX_LINE_BYTES: u64 = 4096;

/// How a plain session runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// The profile to evaluate under; `None`: the start answers' profile,
    /// else the content's default.
    pub profile: Option<usize>,
    /// Where a relative file name is saved (the current folder on the
    /// command line).
    pub folder: PathBuf,
    /// Write each line read back to the output, so a transcript of piped
    /// input reads like a conversation. A terminal echoes typing itself.
    pub echo_input: bool,
    /// Columns every line written is wrapped to, at word boundaries.
    pub width: usize,
}

impl Options {
    /// Swedish or English, default profile, current folder, no echo,
    /// the width of a pipe.
    pub fn new(lang: Lang) -> Options {
        Options {
            lang,
            profile: None,
            folder: PathBuf::from("."),
            echo_input: false,
            width: crate::wrap::PIPED_WIDTH,
        }
    }
}

/// How a plain session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlainOutcome {
    /// The result was shown. `answers` are what was evaluated (irrelevant
    /// answers reset, the profile set), `code` their answer code, and
    /// `saved` the Markdown file written, if any.
    Finished {
        answers: Answers,
        code: String,
        saved: Option<PathBuf>,
    },
    /// The person typed q before the result.
    Quit,
}

/// Whether the guide should run in plain mode unasked: standard output or
/// standard input is not a terminal (piped, redirected), or `TERM` is
/// `dumb`.
pub fn wanted() -> bool {
    !std::io::stdout().is_terminal()
        || !std::io::stdin().is_terminal()
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// Runs the plain mode on standard input and output, saving into the
/// current folder, echoing input that does not come from a terminal and
/// wrapping to the terminal's width (80 columns when piped).
pub fn run_stdio(
    content: &Content,
    lang: Lang,
    profile: Option<usize>,
    start: Answers,
) -> anyhow::Result<PlainOutcome> {
    // A folder given as input (`< some/folder`) is said before any
    // question is asked; any other failure to read, when it happens.
    if let Some(kind) = stdin_kind()
        && kind.is_dir()
    {
        let reason = crate::messages::io_reason(std::io::ErrorKind::IsADirectory, "", lang);
        return Err(unreadable_input(&reason, lang).into());
    }
    let options = Options {
        lang,
        profile,
        folder: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        echo_input: !std::io::stdin().is_terminal(),
        width: crate::wrap::stdout_width(),
    };
    run(
        content,
        &options,
        start,
        std::io::stdin().lock(),
        std::io::stdout().lock(),
    )
}

/// What standard input is, where that can be found out.
fn stdin_kind() -> Option<std::fs::FileType> {
    use std::os::fd::AsFd;

    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    std::fs::File::from(fd)
        .metadata()
        .ok()
        .map(|m| m.file_type())
}

/// Input that cannot be read, `reason` said in `lang`: bad input (exit 2)
/// that names standard input.
fn unreadable_input(reason: &str, lang: Lang) -> BadInput {
    BadInput(crate::messages::Msg::StdinUnreadable.fill(lang, &[("reason", reason)]))
}

/// Runs the plain mode: asks the questions from `start`, then the
/// summary, the result, the answer code and the offer to save. Enter alone
/// keeps an answer already given (in this session, or `start` when it is
/// not the defaults) and never takes a default: on an unanswered question
/// it says to choose. Input that ends before the guide does is a
/// [`BadInput`] that points to `--answers FILE`.
pub fn run<R: BufRead, W: Write>(
    content: &Content,
    options: &Options,
    start: Answers,
    input: R,
    output: W,
) -> anyhow::Result<PlainOutcome> {
    let profile = options
        .profile
        .or(start.profile)
        .unwrap_or(content.default_profile);
    let mut values = start.values;
    flow::normalise(content, &mut values);
    // As in the wizard: answers given from the start (a scenario, an
    // answer code) count as answered; the defaults are never taken.
    let mut defaults = content.default_answers();
    flow::normalise(content, &mut defaults);
    let mut visited = vec![false; values.len()];
    if values != defaults {
        for q in flow::asked(content, &values) {
            visited[q] = true;
        }
    }
    let mut session = Session {
        content,
        lang: options.lang,
        s: strings(options.lang),
        ui: ui(options.lang),
        profile,
        values,
        visited,
        folder: &options.folder,
        echo: options.echo_input,
        width: options.width,
        input,
        output,
    };
    session.go()
}

/// A command typed at any prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Back,
    Help,
    Quit,
}

/// One line read.
enum Input {
    Text(String),
    Command(Command),
    TooLong,
}

/// Where the session is.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Asking question `q`; `editing` when it was picked from the summary,
    /// which is where it returns.
    Ask {
        q: usize,
        editing: bool,
    },
    Summary,
    Result,
}

/// What the summary leads to.
#[derive(Debug, Clone, Copy)]
enum Pick {
    /// The person picked question `q` to change.
    Change(usize),
    /// Enter with question `q` still unanswered (left with b after a
    /// change brought it in): it is asked, not taken at its default.
    Unanswered(usize),
    Result,
}

/// Where input ran out, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Question(usize),
    Summary,
    /// The file name for saving.
    Save,
    /// The offer to save, after the whole result was printed.
    SaveQuestion,
}

/// One line of a menu: the answer it stands for and how it reads.
struct Entry {
    answer: Answer,
    label: String,
    help: Option<String>,
}

struct Session<'a, R, W> {
    content: &'a Content,
    lang: Lang,
    s: &'static Strings,
    ui: &'static Ui,
    profile: usize,
    values: Vec<Answer>,
    /// Questions answered (in this session, or by the start answers):
    /// only these keep their answer on Enter alone. From the summary, the
    /// questions a change newly brings in are asked before returning.
    visited: Vec<bool>,
    folder: &'a Path,
    echo: bool,
    width: usize,
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    fn go(&mut self) -> anyhow::Result<PlainOutcome> {
        self.intro()?;
        let mut step = match self.asked().first() {
            Some(&q) => Step::Ask { q, editing: false },
            None => Step::Summary,
        };
        loop {
            step = match step {
                Step::Ask { q, editing } => match self.ask(q)? {
                    Ok(()) if editing => self
                        .unvisited()
                        .map_or(Step::Summary, |q| Step::Ask { q, editing: true }),
                    Ok(()) => self
                        .after(q)
                        .map_or(Step::Summary, |q| Step::Ask { q, editing: false }),
                    Err(Command::Back) if editing => Step::Summary,
                    Err(Command::Back) => match self.before(q) {
                        Some(p) => Step::Ask {
                            q: p,
                            editing: false,
                        },
                        None => {
                            self.say(self.s.first_question)?;
                            step
                        }
                    },
                    Err(_) => return self.quit(),
                },
                Step::Summary => match self.summary()? {
                    Ok(Pick::Change(q)) => Step::Ask { q, editing: true },
                    Ok(Pick::Unanswered(q)) => {
                        let step = self.content.questions[q].step.get(self.lang);
                        self.say(&fill(self.s.answer_first, &[("step", step)]))?;
                        Step::Ask { q, editing: true }
                    }
                    Ok(Pick::Result) => Step::Result,
                    Err(Command::Back) => match self.asked().last() {
                        Some(&q) => Step::Ask { q, editing: false },
                        None => Step::Summary,
                    },
                    Err(_) => return self.quit(),
                },
                Step::Result => {
                    let (answers, code, markdown) = self.result()?;
                    match self.offer_save(&markdown)? {
                        Err(Command::Back) => Step::Summary,
                        Err(_) => {
                            self.say(self.s.quit)?;
                            return Ok(PlainOutcome::Finished {
                                answers,
                                code,
                                saved: None,
                            });
                        }
                        Ok(saved) => {
                            self.say(self.s.done)?;
                            return Ok(PlainOutcome::Finished {
                                answers,
                                code,
                                saved,
                            });
                        }
                    }
                }
            };
        }
    }

    /// The answers as they stand, with the profile.
    fn answers(&self) -> Answers {
        Answers {
            profile: Some(self.profile),
            values: self.values.clone(),
        }
    }

    fn quit(&mut self) -> anyhow::Result<PlainOutcome> {
        self.say(self.s.quit)?;
        Ok(PlainOutcome::Quit)
    }

    // ---- Flow ----

    fn asked(&self) -> Vec<usize> {
        flow::asked(self.content, &self.values)
    }

    /// The asked question after `q`, in content order.
    fn after(&self, q: usize) -> Option<usize> {
        self.asked().into_iter().find(|&x| x > q)
    }

    /// The asked question before `q`.
    fn before(&self, q: usize) -> Option<usize> {
        self.asked().into_iter().rev().find(|&x| x < q)
    }

    /// The first asked question not answered in this session.
    fn unvisited(&self) -> Option<usize> {
        self.asked().into_iter().find(|&q| !self.visited[q])
    }

    /// Sets an answer, resets what it makes irrelevant and says so where
    /// the question is still asked (its earlier choice is no longer
    /// offered): that question is unanswered again and will be asked.
    fn set(&mut self, q: usize, answer: Answer) -> anyhow::Result<()> {
        self.values[q] = answer;
        self.visited[q] = true;
        let reset = flow::normalise(self.content, &mut self.values);
        for r in reset {
            self.visited[r] = false;
            if flow::is_asked(self.content, &self.values, r) {
                let step = self.content.questions[r].step.get(self.lang);
                let line = fill(self.s.reset, &[("step", step)]);
                self.say(&line)?;
            }
        }
        Ok(())
    }

    // ---- Screens ----

    fn intro(&mut self) -> anyhow::Result<()> {
        let profile = &self.content.profiles[self.profile];
        let lines = [
            self.ui.title.to_owned(),
            format!("{}: {}", self.ui.profile, profile.name.get(self.lang)),
            String::new(),
            self.s.intro[0].to_owned(),
            self.s.intro[1].to_owned(),
            self.s.commands.to_owned(),
        ];
        for line in lines {
            self.say(&line)?;
        }
        Ok(())
    }

    /// The menu of question `q` given the answers so far.
    fn menu(&self, q: usize) -> Vec<Entry> {
        let question = &self.content.questions[q];
        let entry = |answer: Answer| Entry {
            answer,
            label: question.answer_label(answer, self.lang),
            help: None,
        };
        let mut menu: Vec<Entry> = match question.kind {
            QuestionKind::YesNo => vec![entry(Answer::Bool(true)), entry(Answer::Bool(false))],
            QuestionKind::Choice | QuestionKind::Multi => {
                flow::offered(self.content, &self.values, q)
                    .into_iter()
                    .map(|i| Entry {
                        answer: Answer::Choice(i),
                        label: question.options[i].label.get(self.lang).to_owned(),
                        help: question.options[i]
                            .help
                            .as_ref()
                            .map(|h| h.get(self.lang).to_owned()),
                    })
                    .collect()
            }
        };
        if question.kind == QuestionKind::Choice && question.default == Answer::Unanswered {
            menu.push(entry(Answer::Unanswered));
        }
        if question.unknown && question.kind != QuestionKind::Multi {
            menu.push(entry(Answer::Unknown));
        }
        menu
    }

    /// How the answer given to `q` reads after "Your answer".
    fn current(&self, q: usize, menu: &[Entry]) -> String {
        let answer = self.values[q];
        let numbered = |i: usize, e: &Entry| format!("{}. {}", i + 1, e.label);
        match answer {
            Answer::Set(0) => self.ui.none_selected.to_owned(),
            Answer::Set(bits) => menu
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.answer, Answer::Choice(i) if bits & (1 << i) != 0))
                .map(|(i, e)| numbered(i, e))
                .collect::<Vec<_>>()
                .join(", "),
            _ => menu
                .iter()
                .enumerate()
                .find(|(_, e)| e.answer == answer)
                .map(|(i, e)| numbered(i, e))
                .unwrap_or_else(|| self.content.questions[q].answer_label(answer, self.lang)),
        }
    }

    fn show_question(&mut self, q: usize) -> anyhow::Result<()> {
        let asked = self.asked();
        let n = asked.iter().position(|&x| x == q).map_or(0, |p| p + 1);
        let question = &self.content.questions[q];
        let menu = self.menu(q);
        let mut lines = vec![
            String::new(),
            fill(
                self.s.question_header,
                &[
                    ("n", &n.to_string()),
                    ("total", &asked.len().to_string()),
                    ("step", question.step.get(self.lang)),
                ],
            ),
            question.text.get(self.lang).to_owned(),
        ];
        for (i, sentence) in sentences(question.help.get(self.lang))
            .into_iter()
            .enumerate()
        {
            lines.push(if i == 0 {
                format!("{}: {sentence}", self.s.help)
            } else {
                sentence.to_owned()
            });
        }
        lines.push(format!(
            "{}: {}",
            self.ui.source,
            self.content.cite_all(&question.sources, self.lang)
        ));
        for (i, e) in menu.iter().enumerate() {
            lines.push(format!("  {}. {}", i + 1, e.label));
            if let Some(help) = &e.help {
                lines.push(format!("     {help}"));
            }
        }
        if question.kind == QuestionKind::Multi {
            lines.push(self.s.multi_hint.to_owned());
        }
        if self.visited[q] {
            lines.push(fill(
                self.s.your_answer,
                &[("answer", &self.current(q, &menu))],
            ));
        }
        for line in lines {
            self.say(&line)?;
        }
        Ok(())
    }

    /// Asks question `q` and sets the answer, or returns the command.
    fn ask(&mut self, q: usize) -> anyhow::Result<Result<(), Command>> {
        let answer = self.converse(
            self.s.answer_prompt,
            At::Question(q),
            |this| this.show_question(q),
            |this, text| this.parse(q, text),
        )?;
        match answer {
            Ok(a) => self.set(q, a).map(Ok),
            Err(c) => Ok(Err(c)),
        }
    }

    /// The answer `text` gives to question `q`, or the one-line message.
    fn parse(&self, q: usize, text: &str) -> Result<Answer, String> {
        let menu = self.menu(q);
        let max = menu.len().to_string();
        if text.is_empty() {
            return match self.content.questions[q].kind {
                _ if self.visited[q] => Ok(self.values[q]),
                QuestionKind::Multi => Err(self.s.choose_first_multi.to_owned()),
                _ => Err(self.s.choose_first.to_owned()),
            };
        }
        if self.content.questions[q].kind == QuestionKind::Multi {
            let mut bits = 0u64;
            let tokens: Vec<&str> = text
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .collect();
            for token in &tokens {
                if *token == "0" {
                    if tokens.len() > 1 {
                        return Err(self.s.zero_alone.to_owned());
                    }
                    continue;
                }
                match number(token, menu.len()).map(|i| menu[i].answer) {
                    Some(Answer::Choice(i)) => bits |= 1 << i,
                    _ => {
                        return Err(fill(
                            self.s.not_a_category,
                            &[("input", &shown(token)), ("max", &max)],
                        ));
                    }
                }
            }
            return Ok(Answer::Set(bits));
        }
        number(text, menu.len())
            .or_else(|| {
                let typed = text.to_lowercase();
                menu.iter().position(|e| e.label.to_lowercase() == typed)
            })
            .map(|i| menu[i].answer)
            .ok_or_else(|| {
                fill(
                    self.s.not_a_choice,
                    &[("input", &shown(text)), ("max", &max)],
                )
            })
    }

    /// The summary: which question to change, or the result.
    fn summary(&mut self) -> anyhow::Result<Result<Pick, Command>> {
        let asked = self.asked();
        let show = |this: &mut Self| -> anyhow::Result<()> {
            this.say("")?;
            this.say(this.s.summary_title)?;
            for (n, &q) in asked.iter().enumerate() {
                let question = &this.content.questions[q];
                let answer = if this.visited[q] {
                    question.answer_label(this.values[q], this.lang)
                } else {
                    this.s.not_answered.to_owned()
                };
                let line = format!("  {}. {}: {answer}", n + 1, question.step.get(this.lang));
                this.say(&line)?;
            }
            // A code stands for answers given, never for defaults.
            if this.unvisited().is_none() {
                let code = code::encode(this.content, &this.answers(), this.profile);
                this.say(&format!("{}: {code}", this.s.code))?;
            }
            let max = asked.len().to_string();
            this.say(&fill(this.s.summary_change, &[("max", &max)]))?;
            this.say(this.s.summary_enter)
        };
        let parse = |this: &Self, text: &str| {
            if text.is_empty() {
                return Ok(this.unvisited().map_or(Pick::Result, Pick::Unanswered));
            }
            number(text, asked.len())
                .map(|i| Pick::Change(asked[i]))
                .ok_or_else(|| {
                    let max = asked.len().to_string();
                    fill(
                        this.s.not_a_summary_choice,
                        &[("input", &shown(text)), ("max", &max)],
                    )
                })
        };
        self.converse(self.s.summary_prompt, At::Summary, show, parse)
    }

    /// Shows the result and the answer code; returns the answers
    /// evaluated, the code and the Markdown to save.
    fn result(&mut self) -> anyhow::Result<(Answers, String, String)> {
        let answers = self.answers();
        let rec = engine::evaluate(self.content, self.profile, &answers);
        let report = Report::new(self.content, &answers, &rec, self.lang);
        let code = code::encode(self.content, &answers, self.profile);
        self.say("")?;
        for line in report::to_text(&report).lines() {
            self.say(line)?;
        }
        self.say("")?;
        self.say(&format!("{}: {code}", self.s.code))?;
        self.say(self.s.code_hint)?;
        self.say(&fill(self.s.code_command, &[("code", &code)]))?;
        Ok((answers, code, report::to_markdown(&report)))
    }

    /// Offers to save `markdown`: the file saved, if any, or the command
    /// typed (back: to the summary).
    fn offer_save(&mut self, markdown: &str) -> anyhow::Result<Result<Option<PathBuf>, Command>> {
        loop {
            self.say("")?;
            match self.yes_no(self.s.save_question)? {
                Ok(false) => return Ok(Ok(None)),
                Ok(true) => {}
                Err(c) => return Ok(Err(c)),
            }
            match self.save(markdown)? {
                Ok(path) => return Ok(Ok(Some(path))),
                Err(Command::Back) => continue,
                Err(c) => return Ok(Err(c)),
            }
        }
    }

    /// Asks for a file and writes `markdown` to it, never over an existing
    /// file without a yes.
    fn save(&mut self, markdown: &str) -> anyhow::Result<Result<PathBuf, Command>> {
        loop {
            let default = self.free_default_name();
            let show = |this: &mut Self| -> anyhow::Result<()> {
                this.say(this.s.file_hint)?;
                this.say(&fill(this.s.enter_chooses, &[("answer", &default)]))
            };
            let parse = |_: &Self, text: &str| -> Result<String, String> {
                Ok(if text.is_empty() {
                    default.clone()
                } else {
                    text.to_owned()
                })
            };
            let typed = match self.converse(self.s.file_prompt, At::Save, show, parse)? {
                Ok(t) => t,
                Err(c) => return Ok(Err(c)),
            };
            let path = resolve(&typed, self.folder, &default);
            let overwrite = if path.exists() && !path.is_dir() {
                let shown = crate::quote::quote_path(&path.display().to_string());
                self.say(&fill(self.s.exists, &[("path", &shown)]))?;
                match self.yes_no(self.s.overwrite)? {
                    Ok(true) => true,
                    Err(Command::Quit) => return Ok(Err(Command::Quit)),
                    // No, or back: ask for the name again.
                    Ok(false) | Err(_) => continue,
                }
            } else {
                false
            };
            match save(&path, markdown, overwrite, self.lang) {
                Ok(written) => {
                    let shown = crate::quote::quote_path(&written.display().to_string());
                    self.say(&fill(self.s.saved, &[("path", &shown)]))?;
                    return Ok(Ok(written));
                }
                // Made meanwhile: the next round asks before overwriting.
                Err(SaveError::Exists(p)) => {
                    let shown = crate::quote::quote_path(&p.display().to_string());
                    self.say(&fill(self.s.exists, &[("path", &shown)]))?;
                }
                Err(e) => {
                    let line = self.save_error(&e);
                    self.say(&line)?;
                }
            }
        }
    }

    fn save_error(&self, e: &SaveError) -> String {
        fill(
            self.s.not_saved,
            &[
                (
                    "path",
                    &crate::quote::quote_path(&e.path().display().to_string()),
                ),
                ("reason", &e.reason(self.lang)),
            ],
        )
    }

    /// The first of the default file names that is free in the folder.
    fn free_default_name(&self) -> String {
        std::iter::once(self.s.default_file.to_owned())
            .chain((2..).map(|n| fill(self.s.default_file_numbered, &[("n", &n.to_string())])))
            .find(|name| !self.folder.join(name).exists())
            .unwrap_or_else(|| self.s.default_file.to_owned())
    }

    /// A yes/no question whose Enter is no.
    fn yes_no(&mut self, question: &str) -> anyhow::Result<Result<bool, Command>> {
        let show = |this: &mut Self| -> anyhow::Result<()> {
            this.say(question)?;
            this.say(&format!("  1. {}", this.ui.yes))?;
            this.say(&format!("  2. {}", this.ui.no))?;
            let default = format!("2. {}", this.ui.no);
            this.say(&fill(this.s.enter_chooses, &[("answer", &default)]))
        };
        let parse = |this: &Self, text: &str| {
            let typed = text.to_lowercase();
            if text.is_empty() || text == "2" || typed == this.ui.no.to_lowercase() {
                Ok(false)
            } else if text == "1" || typed == this.ui.yes.to_lowercase() {
                Ok(true)
            } else {
                Err(fill(
                    this.s.not_a_choice,
                    &[("input", &shown(text)), ("max", "2")],
                ))
            }
        };
        self.converse(self.s.answer_prompt, At::SaveQuestion, show, parse)
    }

    /// Shows a screen, then reads lines until `parse` takes one or a
    /// command is typed: a refused line gets its one-line message and the
    /// prompt again, `?` shows the screen again, back and quit return.
    fn converse<T>(
        &mut self,
        prompt: &str,
        at: At,
        show: impl Fn(&mut Self) -> anyhow::Result<()>,
        parse: impl Fn(&Self, &str) -> Result<T, String>,
    ) -> anyhow::Result<Result<T, Command>> {
        show(self)?;
        loop {
            let message = match self.read(prompt, at)? {
                Input::Command(Command::Help) => {
                    show(self)?;
                    continue;
                }
                Input::Command(c) => return Ok(Err(c)),
                Input::TooLong => self.s.line_too_long.to_owned(),
                Input::Text(text) => match parse(self, &text) {
                    Ok(value) => return Ok(Ok(value)),
                    Err(message) => message,
                },
            };
            self.say(&message)?;
        }
    }

    // ---- Input and output ----

    /// Writes one line, wrapped at word boundaries.
    fn say(&mut self, line: &str) -> anyhow::Result<()> {
        writeln!(self.output, "{}", wrap(line, self.width))?;
        Ok(())
    }

    /// Writes `prompt`, reads one line (trimmed) and recognises commands.
    /// Input that has ended is a [`BadInput`] naming where.
    fn read(&mut self, prompt: &str, at: At) -> anyhow::Result<Input> {
        write!(self.output, "{prompt}")?;
        self.output.flush()?;
        let mut bytes = Vec::new();
        let n = Read::take(&mut self.input, MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| self.unreadable(&e))?;
        if n == 0 {
            writeln!(self.output)?;
            self.output.flush()?;
            // The whole result is printed by then: input that ends at the
            // offer to save is a plain "no", and a normal end.
            if at == At::SaveQuestion {
                return Ok(Input::Text(String::new()));
            }
            return Err(self.input_ended(at).into());
        }
        let too_long = bytes.len() as u64 > MAX_LINE_BYTES && bytes.last() != Some(&b'\n');
        if too_long {
            // Skip the rest of the line.
            let mut rest = Vec::new();
            loop {
                rest.clear();
                let n = Read::take(&mut self.input, MAX_LINE_BYTES)
                    .read_until(b'\n', &mut rest)
                    .map_err(|e| self.unreadable(&e))?;
                if n == 0 || rest.last() == Some(&b'\n') {
                    break;
                }
            }
        }
        let text = String::from_utf8_lossy(&bytes).trim().to_owned();
        if self.echo {
            let echoed = if too_long {
                String::new()
            } else {
                shown(&text)
            };
            writeln!(self.output, "{echoed}")?;
        }
        if too_long {
            return Ok(Input::TooLong);
        }
        Ok(match command(&text) {
            Some(c) => Input::Command(c),
            None => Input::Text(text),
        })
    }

    /// Reading the input failed.
    fn unreadable(&self, e: &std::io::Error) -> BadInput {
        let detail = crate::messages::io_detail(e);
        let reason = crate::messages::io_reason(e.kind(), &detail, self.lang);
        unreadable_input(&reason, self.lang)
    }

    fn input_ended(&self, at: At) -> BadInput {
        let place = match at {
            At::Question(q) => {
                let asked = self.asked();
                let n = asked.iter().position(|&x| x == q).map_or(0, |p| p + 1);
                fill(
                    self.s.at_question,
                    &[
                        ("n", &n.to_string()),
                        ("total", &asked.len().to_string()),
                        ("step", self.content.questions[q].step.get(self.lang)),
                    ],
                )
            }
            At::Summary => self.s.at_summary.to_owned(),
            At::Save | At::SaveQuestion => self.s.at_save.to_owned(),
        };
        BadInput(fill(self.s.input_ended, &[("where", &place)]))
    }
}

/// The command a line is, in either language.
fn command(text: &str) -> Option<Command> {
    match text.to_lowercase().as_str() {
        "b" | "tillbaka" | "back" => Some(Command::Back),
        "?" | "hjälp" | "help" => Some(Command::Help),
        "q" | "avsluta" | "quit" => Some(Command::Quit),
        _ => None,
    }
}

/// The 0-based index a typed number `1..=count` stands for ("2" or "2.").
fn number(text: &str, count: usize) -> Option<usize> {
    let n: usize = text.strip_suffix('.').unwrap_or(text).parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

/// Typed text as it may be shown back: control characters escaped, so
/// nothing typed can move the cursor or colour the output, and cut short
/// (see [`crate::quote::quote`]).
fn shown(text: &str) -> String {
    crate::quote::quote(text)
}

/// A help text cut into sentences, one a line for a screen reader: a cut
/// after `.`, `!` or `?` before a capital letter, except after an
/// abbreviation (a word with a dot inside, as in "t.ex.", or one letter,
/// as in "A. Andersson").
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len().saturating_sub(2) {
        let (i, c) = chars[w];
        let (_, space) = chars[w + 1];
        let (next_at, next) = chars[w + 2];
        if !matches!(c, '.' | '!' | '?') || space != ' ' || !next.is_uppercase() {
            continue;
        }
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        let mut letters = word.chars();
        let one_letter =
            matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic());
        let abbreviation = word.contains('.') || one_letter;
        if c == '.' && abbreviation {
            continue;
        }
        out.push(text[start..=i].trim());
        start = next_at;
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn help_is_cut_at_sentences_but_not_at_abbreviations() {
        assert_eq!(
            sentences("Klass 3. Är du osäker, t.ex. Om A. Andersson vet? Fråga! Slut"),
            [
                "Klass 3.",
                "Är du osäker, t.ex. Om A. Andersson vet?",
                "Fråga!",
                "Slut"
            ]
        );
        assert_eq!(
            sentences("Ett stycke utan punkt"),
            ["Ett stycke utan punkt"]
        );
        assert_eq!(sentences("Slutar med punkt. "), ["Slutar med punkt."]);
        assert!(sentences("").is_empty());
    }
}
