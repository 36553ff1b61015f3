//! The command line: arguments, dispatch and exit codes (CONTRACT.md).

mod diff;
pub mod env;
mod evaluate;
pub mod help;
mod man;

/// An answers mapping for a `diff` example (the answers-file format).
pub use diff::example as diff_example;
mod usage;
mod validate;

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueHint};

use crate::content::{Content, ContentError};
use crate::error::BadInput;
use crate::messages::Msg;
use crate::quote::{for_terminal, quote};
use crate::report::Format;
use crate::text::Lang;

/// Which platform a digital meeting may use, whether it may be recorded,
/// and the checklists to follow. Without arguments it starts the wizard.
///
/// The texts `--help` shows, in Swedish and English, are in [`help`].
#[derive(Debug, Default, Parser)]
#[command(name = "motesguide", version)]
pub struct Args {
    /// Evaluate a finished answers file (YAML; - for standard input) and
    /// print the recommendation, without a terminal.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub answers: Option<PathBuf>,

    /// Output format (default text). With --scenario or --code it prints
    /// instead of opening the wizard.
    #[arg(
        long,
        value_enum,
        value_name = "text|markdown|json",
        hide_possible_values = true
    )]
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
    #[arg(
        long,
        value_enum,
        value_name = "sv|en",
        hide_possible_values = true,
        global = true
    )]
    pub lang: Option<Lang>,

    /// Wizard: print the result as text on standard output when the wizard
    /// closes, so it can be piped or pasted.
    #[arg(long, conflicts_with = "answers")]
    pub print: bool,

    /// Wizard: large type and high contrast, for showing on a projector
    /// (v or F2 switches it in the wizard).
    #[arg(long)]
    pub presentation: bool,

    /// Use the policy content in DIR instead of the built-in content.
    #[arg(long, value_name = "DIR", global = true, value_hint = ValueHint::DirPath)]
    pub content: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// `content` came from `MOTESGUIDE_CONTENT`, not `--content`.
    #[arg(skip)]
    pub content_from_env: bool,

    /// `profile` came from `MOTESGUIDE_PROFILE`, not `--profile`.
    #[arg(skip)]
    pub profile_from_env: bool,
}

impl Args {
    /// Takes `--content` and `--profile` from the environment where the
    /// command uses them and no flag gives them (CONTRACT.md: the
    /// variables set the flags' defaults).
    fn read_env(&mut self, lang: Lang) -> Result<(), BadInput> {
        let uses_content = matches!(
            self.command,
            None | Some(Command::Validate { .. } | Command::Scenarios)
        );
        if uses_content && self.content.is_none() {
            self.content = env::content(lang)?;
            self.content_from_env = self.content.is_some();
        }
        if self.command.is_none() && self.profile.is_none() {
            self.profile = env::profile();
            self.profile_from_env = self.profile.is_some();
        }
        Ok(())
    }

    /// `--profile` as a refusal names it: the flag, or the variable that
    /// gave it.
    pub fn profile_option(&self, lang: Lang) -> String {
        if self.profile_from_env {
            env::named(env::PROFILE, lang)
        } else {
            "--profile".to_owned()
        }
    }

    /// The content the run uses: `--content`, `MOTESGUIDE_CONTENT` or the
    /// built-in content.
    pub fn load_content(&self, lang: Lang) -> Result<Content, BadInput> {
        crate::analysis::load(self.content.as_deref()).map_err(|e| self.content_refusal(e, lang))
    }

    /// Content that does not load, as bad input; content from the
    /// environment names its variable first, so the reader knows where the
    /// folder came from (the problems are for content authors, in English).
    pub fn content_refusal(&self, e: ContentError, lang: Lang) -> BadInput {
        let bad = BadInput::from(e);
        if !self.content_from_env {
            return bad;
        }
        BadInput(format!("{}: {}", env::named(env::CONTENT, lang), bad.0))
    }
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
        #[arg(value_name = "OLD_DIR", value_hint = ValueHint::DirPath)]
        old: PathBuf,
        /// The content folder after the change.
        #[arg(value_name = "NEW_DIR", value_hint = ValueHint::DirPath)]
        new: PathBuf,
        /// text (default) for a reviewer, json for CI.
        #[arg(long, value_name = "text|json")]
        format: Option<String>,
    },
    /// Print a completion script for a shell, made from these arguments.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        #[arg(value_enum, value_name = "SHELL", hide_possible_values = true)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), made from these arguments.
    Man,
}

/// `--lang` takes a language by its code, as clap's other value lists do.
impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()))
    }
}

/// Runs the program and turns its outcome into an exit code: 0 success,
/// 2 bad input, 1 anything else.
pub fn main() -> ExitCode {
    install_panic_hook();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // No arguments, the wizard as most start it: nothing to parse, so the
    // parser is not built (a tenth of a millisecond before the first frame).
    let parsed = if argv.len() <= 1 {
        Ok(Args::default())
    } else {
        Args::command()
            .try_get_matches_from(&argv)
            .and_then(|mut m| Args::from_arg_matches_mut(&mut m))
    };
    let args = match parsed {
        Ok(a) => a,
        Err(e) => {
            // Help, version and usage errors are the only outcomes that
            // show clap's texts: the command in the language the arguments
            // ask for (read before they are parsed) is built for them
            // alone, as it takes ten times as long as the parse.
            let lang = usage::lang_of(argv.iter().cloned());
            let e = help::command(lang)
                .try_get_matches_from(usage::for_help(&argv))
                .err()
                .unwrap_or(e);
            // Help and version go to stdout (exit 0) as clap prints them; a
            // usage error is bad input: one paragraph on stderr, exit 2.
            let code = e.exit_code();
            if code == 0 {
                let _ = e.print();
            } else if let Some(code) = unknown_lang_value(&e) {
                eprintln!("motesguide: {}", unknown_language("--lang", &code));
            } else {
                eprintln!("motesguide: {}", for_terminal(&usage::message(&e, lang)));
            }
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    // A panic has been said by the hook (and the terminal restored by the
    // wizard's own hook); what is left is the exit code, 1 as for any other
    // failure, not Rust's 101.
    match std::panic::catch_unwind(AssertUnwindSafe(|| run(args))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => report_error(&e),
        Err(_) => ExitCode::from(1),
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
            for_terminal(&Msg::InternalError.fill(lang, &[("what", &what)]))
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
    // Every message passes here: whatever input it quotes, no control
    // character reaches the terminal.
    if let Some(bad) = e.downcast_ref::<BadInput>() {
        eprintln!("motesguide: {}", for_terminal(&bad.0));
        return ExitCode::from(2);
    }
    let lang = RUN_LANG.get().copied().unwrap_or_default();
    if e.downcast_ref::<StdoutClosed>().is_some() {
        eprintln!("motesguide: {}", Msg::StdoutClosed.get(lang));
        return ExitCode::from(1);
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>()
        && io.kind() == std::io::ErrorKind::BrokenPipe
    {
        // The reader went away before all was written (`| true`, or
        // `| head` on a long text): the output is not whole, which is a
        // failure (CONTRACT.md: 0 is success), said in one line.
        eprintln!("motesguide: {}", Msg::StdoutGone.get(lang));
        return ExitCode::from(1);
    }
    eprintln!("motesguide: {}", for_terminal(&format!("{e:#}")));
    ExitCode::from(1)
}

/// Standard output was closed when the program started (`>&-`): what
/// would be printed would vanish, so nothing is done.
#[derive(Debug)]
pub struct StdoutClosed;

impl std::fmt::Display for StdoutClosed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Msg::StdoutClosed.get(Lang::En))
    }
}

impl std::error::Error for StdoutClosed {}

/// Whether standard output was closed when the program started (`>&-`).
///
/// Writing to a closed standard output is no error in Rust: the runtime
/// puts `/dev/null` in its place before `main`, and a write that finds it
/// closed anyway counts as done. So the descriptor is looked at before
/// the runtime starts (see [`at_start`]), where the C library runs a
/// program's initialisers. Elsewhere, `/dev/null` open for reading and
/// writing, as the runtime opens it, is taken for a closed output.
pub fn stdout_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        at_start::STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(not(target_os = "linux"))]
    {
        null_read_write()
    }
}

/// Linux runs the functions listed in a program's `.init_array` before
/// `main`, and so before Rust's runtime replaces closed standard
/// descriptors: what is seen here is what the program was given. A
/// `/dev/null` opened for reading and writing by the caller (Python's
/// `subprocess.DEVNULL`, systemd's `StandardOutput=null`) is an open
/// output, as it should be.
#[cfg(target_os = "linux")]
mod at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    pub static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

    extern "C" fn look() {
        // SAFETY: `fcntl(F_GETFD)` only asks whether descriptor 1 is open.
        if unsafe { libc::fcntl(1, libc::F_GETFD) } == -1 {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
    }

    // SAFETY: a plain function with the signature the C library calls
    // initialisers with (it ignores the arguments it may pass); it touches
    // nothing the runtime sets up later.
    #[used]
    #[unsafe(link_section = ".init_array")]
    static LOOK: extern "C" fn() = look;
}

#[cfg(not(target_os = "linux"))]
fn null_read_write() -> bool {
    use std::os::fd::AsRawFd;

    let fd = std::io::stdout().as_raw_fd();
    // SAFETY: `fcntl(F_GETFL)` and `fstat` only read the state of a
    // descriptor number, valid or not, into memory owned here.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags == -1 {
            return true;
        }
        if flags & libc::O_ACCMODE != libc::O_RDWR {
            return false;
        }
        let mut out: libc::stat = std::mem::zeroed();
        let mut null: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut out) != 0 {
            return true;
        }
        if libc::stat(c"/dev/null".as_ptr(), &mut null) != 0 {
            return false;
        }
        out.st_mode & libc::S_IFMT == libc::S_IFCHR && out.st_rdev == null.st_rdev
    }
}

fn run(mut args: Args) -> anyhow::Result<()> {
    let lang = match args.lang {
        Some(lang) => lang,
        None => env::lang()?.unwrap_or_default(),
    };
    let _ = RUN_LANG.set(lang);
    args.read_env(lang)?;
    if stdout_closed() {
        return Err(StdoutClosed.into());
    }
    match args.command {
        Some(Command::Validate { ref format }) => {
            let json = text_or_json(format.as_deref(), "validate")?;
            validate::run(&args, json, lang)
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
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            let mut cmd = help::command(lang);
            clap_complete::generate(shell, &mut cmd, "motesguide", &mut script);
            print(&String::from_utf8_lossy(&script))?;
            Ok(())
        }
        Some(Command::Man) => {
            print(&man::page(lang)?)?;
            Ok(())
        }
        None if evaluate::prints(&args) => evaluate::run(&args, lang),
        // --print asks for the wizard with its result piped on: it draws on
        // the terminal even when standard output is not one.
        None if args.plain || (!args.print && crate::plain::wanted()) => {
            evaluate::run_plain(&args, lang)
        }
        None => wizard(&args, lang),
    }
}

/// The interactive wizard.
#[cfg(feature = "tui")]
fn wizard(args: &Args, lang: Lang) -> anyhow::Result<()> {
    let options = crate::tui::Options {
        print: args.print,
        presentation: args.presentation,
        at_result: args.code.is_some(),
        scenario: args.scenario.clone(),
    };
    crate::tui::run(
        || args.load_content(lang),
        lang,
        options,
        |content| evaluate::starting_answers(content, args, lang),
    )
}

/// A build without the cargo feature `tui` has no wizard: it says so and
/// names what it can do instead.
#[cfg(not(feature = "tui"))]
fn wizard(_args: &Args, lang: Lang) -> anyhow::Result<()> {
    Err(BadInput(Msg::NoWizard.get(lang).to_owned()).into())
}

/// A subcommand's `--format`: text (false) or json (true).
fn text_or_json(format: Option<&str>, command: &str) -> Result<bool, BadInput> {
    match format {
        None | Some("text") => Ok(false),
        Some("json") => Ok(true),
        Some(other) => Err(BadInput(format!(
            "--format `{}`: {command} writes text or json",
            quote(other)
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

/// The value of `--lang` that clap refused, where it is one.
fn unknown_lang_value(e: &clap::Error) -> Option<String> {
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(a)) => a,
        _ => return None,
    };
    match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v))
            if e.kind() == ErrorKind::InvalidValue
                && arg.starts_with("--lang")
                && !v.is_empty() =>
        {
            Some(v.clone())
        }
        _ => None,
    }
}

/// An unknown language given by `option`, refused with the accepted ones.
/// The language asked for is not known, so the refusal is in both,
/// Swedish first.
pub fn unknown_language(option: &str, code: &str) -> BadInput {
    let both: Vec<String> = Lang::ALL
        .into_iter()
        .map(|lang| Msg::UnknownLanguage.fill(lang, &[("option", option), ("code", &quote(code))]))
        .collect();
    BadInput(both.join("\n"))
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
