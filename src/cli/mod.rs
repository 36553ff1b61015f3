//! The command line: arguments, dispatch and exit codes (CONTRACT.md).

mod diff;
mod evaluate;

/// An answers mapping for a `diff` example (the answers-file format).
pub use diff::example as diff_example;
mod usage;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{Parser, Subcommand};

use crate::error::BadInput;
use crate::messages::Msg;
use crate::report::Format;
use crate::text::Lang;

/// Which platform a digital meeting may use, whether it may be recorded,
/// and the checklists to follow. Without arguments it starts the wizard.
#[derive(Debug, Default, Parser)]
#[command(name = "motesguide", version, about, long_about = None)]
pub struct Args {
    /// Evaluate a finished answers file (YAML; - for standard input) and
    /// print the recommendation, without a terminal.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Output format (default text). With --scenario or --code it prints
    /// instead of opening the wizard.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Start from a scenario of the library (see `motesguide scenarios`).
    #[arg(long, value_name = "ID", conflicts_with = "answers")]
    pub scenario: Option<String>,

    /// Start from an answer code (shown on the summary and result screens);
    /// prints with --format, --compare or --what-if.
    #[arg(long, value_name = "CODE", conflicts_with_all = ["answers", "scenario"])]
    pub code: Option<String>,

    /// Ask the questions as plain numbered prompts on standard input and
    /// output: for screen readers, serial consoles and pipes. Chosen by
    /// itself when there is no terminal or TERM is dumb.
    #[arg(long)]
    pub plain: bool,

    /// Also show the same answers under every profile, side by side.
    #[arg(long)]
    pub compare: bool,

    /// Also show which single changed answer would change the platform or
    /// the recording verdict, and to what.
    #[arg(long = "what-if")]
    pub what_if: bool,

    /// Profile to evaluate under (overrides the answers file's `profile`).
    #[arg(long, value_name = "ID")]
    pub profile: Option<String>,

    /// Language: sv (default) or en.
    #[arg(long, value_name = "sv|en", global = true)]
    pub lang: Option<String>,

    /// Wizard: print the result as text on standard output when the wizard
    /// closes, so it can be piped or pasted.
    #[arg(long, conflicts_with = "answers")]
    pub print: bool,

    /// Wizard: large type and high contrast, for showing on a projector
    /// (v or F2 switches it in the wizard).
    #[arg(long)]
    pub presentation: bool,

    /// Use the policy content in DIR instead of the built-in content.
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content folder and report every problem with file, line and
    /// column; exit 0 when it is sound.
    Validate {
        /// text (default), or json: `{sound, combinations, problems}` for
        /// tools (CONTRACT.md 0.2).
        #[arg(long, value_name = "text|json")]
        format: Option<String>,
    },
    /// List the scenario library: id, title and story.
    Scenarios,
    /// Every change of advice between two content folders, over the whole
    /// answer space of every profile both define; exit 0 when the advice is
    /// the same, 1 when it differs, 2 when a folder is invalid.
    Diff {
        /// The content folder before the change.
        #[arg(value_name = "OLD_DIR")]
        old: PathBuf,
        /// The content folder after the change.
        #[arg(value_name = "NEW_DIR")]
        new: PathBuf,
        /// text (default) for a reviewer, json for CI.
        #[arg(long, value_name = "text|json")]
        format: Option<String>,
    },
}

/// Runs the program and turns its outcome into an exit code: 0 success,
/// 2 bad input, 1 anything else.
pub fn main() -> ExitCode {
    install_panic_hook();
    // No arguments, the wizard as most start it: nothing to parse, so the
    // parser is not built (a tenth of a millisecond before the first frame).
    let parsed = if std::env::args_os().len() <= 1 {
        Ok(Args::default())
    } else {
        Args::try_parse()
    };
    let args = match parsed {
        Ok(a) => a,
        Err(e) => {
            // Help and version go to stdout (exit 0) as clap prints them; a
            // usage error is bad input: one paragraph on stderr, exit 2, in
            // the language the arguments ask for.
            let code = e.exit_code();
            if code == 0 {
                let _ = e.print();
            } else {
                let lang = usage::lang_of(std::env::args_os());
                eprintln!("motesguide: {}", usage::message(&e, lang));
            }
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report_error(&e),
    }
}

/// A panic is a bug: say so in one line, without a backtrace, and exit 1.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unexpected state".to_owned());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = format!("{what}{at}");
        let lang = RUN_LANG.get().copied().unwrap_or(Lang::En);
        eprintln!(
            "motesguide: {}",
            Msg::InternalError.fill(lang, &[("what", &what)])
        );
    }));
}

/// The run's language once the arguments are read, for the panic message;
/// before that it is not known and the message is in English.
static RUN_LANG: OnceLock<Lang> = OnceLock::new();

/// Prints an error as one paragraph on stderr and picks its exit code.
pub fn report_error(e: &anyhow::Error) -> ExitCode {
    // `diff` found differences: said on standard output, exit 1 as diff(1).
    if e.downcast_ref::<diff::Differs>().is_some() {
        return ExitCode::from(1);
    }
    if let Some(Quiet(code)) = e.downcast_ref::<Quiet>() {
        return ExitCode::from(*code);
    }
    if let Some(bad) = e.downcast_ref::<BadInput>() {
        eprintln!("motesguide: {bad}");
        return ExitCode::from(2);
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>()
        && io.kind() == std::io::ErrorKind::BrokenPipe
    {
        // The reader went away (`| head`): nothing left to say.
        return ExitCode::SUCCESS;
    }
    eprintln!("motesguide: {e:#}");
    ExitCode::from(1)
}

fn run(args: Args) -> anyhow::Result<()> {
    let lang = parse_lang(args.lang.as_deref())?;
    let _ = RUN_LANG.set(lang);
    match args.command {
        Some(Command::Validate { ref format }) => {
            let json = text_or_json(format.as_deref(), "validate")?;
            validate::run(args.content.as_deref(), json)
        }
        Some(Command::Scenarios) => evaluate::list_scenarios(&args, lang),
        Some(Command::Diff {
            ref old,
            ref new,
            ref format,
        }) => {
            let json = text_or_json(format.as_deref(), "diff")?;
            diff::run(old, new, json, lang)
        }
        None if evaluate::prints(&args) => evaluate::run(&args, lang),
        // --print asks for the wizard with its result piped on: it draws on
        // the terminal even when standard output is not one.
        None if args.plain || (!args.print && crate::plain::wanted()) => {
            evaluate::run_plain(&args, lang)
        }
        None => {
            let options = crate::tui::Options {
                print: args.print,
                presentation: args.presentation,
                at_result: args.code.is_some(),
                scenario: args.scenario.clone(),
            };
            crate::tui::run(args.content.as_deref(), lang, options, |content| {
                evaluate::starting_answers(content, &args, lang)
            })
        }
    }
}

/// A subcommand's `--format`: text (false) or json (true).
fn text_or_json(format: Option<&str>, command: &str) -> Result<bool, BadInput> {
    match format {
        None | Some("text") => Ok(false),
        Some("json") => Ok(true),
        // Debug quoting escapes any control character typed.
        Some(other) => Err(BadInput(format!(
            "--format {other:?}: {command} writes text or json"
        ))),
    }
}

/// An exit code with nothing more to say (its output was printed).
#[derive(Debug)]
pub struct Quiet(pub u8);

impl std::fmt::Display for Quiet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

impl std::error::Error for Quiet {}

/// `--lang`: the language, or bad input naming the accepted ones. The
/// language asked for is not known, so the refusal is in both, Swedish
/// first.
pub fn parse_lang(code: Option<&str>) -> Result<Lang, BadInput> {
    match code {
        None => Ok(Lang::default()),
        Some(c) => Lang::from_code(c).ok_or_else(|| {
            let both: Vec<String> = Lang::ALL
                .into_iter()
                .map(|lang| Msg::UnknownLanguage.fill(lang, &[("code", c)]))
                .collect();
            BadInput(both.join("\n"))
        }),
    }
}

/// Writes `text` to stdout in one go.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut `main` takes without arguments gives what the parser
    /// would.
    #[test]
    fn no_arguments_parse_to_the_defaults() {
        let parsed = Args::try_parse_from(["motesguide"]).expect("no arguments parse");
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Args::default()));
    }
}
