//! `--help` in the run's language. The `clap` definition of [`Args`] is
//! the one source of the options; here every text it shows (what the tool
//! is, each option and command, the examples, the exit codes and clap's
//! own headings) is put in Swedish or English, side by side. The language
//! is read before the arguments are parsed (`--lang`, else Swedish), so
//! `--help` speaks as every other message of the run does.

use clap::builder::StyledStr;
use clap::builder::styling::Style;
use clap::{Arg, Command, CommandFactory};

use super::Args;
use crate::text::Lang;

/// A text in both languages: (Swedish, English).
pub type Both = (&'static str, &'static str);

/// The text of `both` in `lang`.
pub fn pick(lang: Lang, (sv, en): Both) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// What the tool is, in one line: `-h` and the man page's name line.
pub const ABOUT: Both = (
    "Vilken plattform ett digitalt möte får använda, om det får spelas in och vilka checklistor som gäller, enligt riktlinjer för svensk offentlig sektor",
    "Which platform a digital meeting may use, whether it may be recorded and the checklists to follow, by Swedish public-sector policy",
);

/// What the tool is and how it starts: `--help` and the man page's
/// description.
pub fn long_about(lang: Lang) -> String {
    let what = pick(
        lang,
        (
            "motesguide säger vilken plattform ett digitalt möte får använda enligt riktlinjer för svensk offentlig sektor (informationsklass, känsliga personuppgifter, sekretess, säkerhetsskydd, deltagare), om mötet får spelas in och hur länge inspelningen sparas, och vilka checklistor organisatören och deltagarna ska följa, varje punkt med sin källa.",
            "motesguide says which platform a digital meeting may use under Swedish public-sector policy (information class, sensitive personal data, secrecy, protective security, participants), whether it may be recorded and how long the recording is kept, and the checklists the organiser and the participants follow, every item with its source.",
        ),
    );
    let start = if cfg!(feature = "tui") {
        (
            "Utan argument startar den interaktiva guiden i terminalen (--plain ställer frågorna rad för rad). Med --answers utvärderas en färdig svarsfil utan terminal.",
            "Without arguments it starts the interactive wizard in the terminal (--plain asks the questions line by line). With --answers it evaluates a finished answers file without a terminal.",
        )
    } else {
        (
            "Den här versionen är byggd utan den interaktiva guiden (cargo-funktionen tui): --plain ställer frågorna rad för rad, och med --answers utvärderas en färdig svarsfil utan terminal.",
            "This build has no interactive wizard (it was built without the cargo feature tui): --plain asks the questions line by line, and --answers evaluates a finished answers file without a terminal.",
        )
    };
    format!("{what}\n\n{}", pick(lang, start))
}

/// Examples: the command line and what it does.
pub const EXAMPLES: &[(Both, Both)] = &[
    (
        ("motesguide", "motesguide"),
        ("starta guiden", "start the wizard"),
    ),
    (
        ("motesguide --plain", "motesguide --plain"),
        (
            "guiden som numrerade frågor, rad för rad",
            "the wizard as numbered prompts, line by line",
        ),
    ),
    (
        (
            "motesguide --answers mote.yaml",
            "motesguide --answers meeting.yaml",
        ),
        (
            "rekommendationen för en färdig svarsfil, som text",
            "the recommendation for a finished answers file, as text",
        ),
    ),
    (
        (
            "motesguide --answers - --format json < mote.yaml",
            "motesguide --answers - --format json < meeting.yaml",
        ),
        (
            "samma sak som JSON för verktyg, svaren från standardinmatningen",
            "the same as JSON for tools, the answers from standard input",
        ),
    ),
    (
        (
            "motesguide --code 2SW-7R38 --format text",
            "motesguide --code 2SW-7R38 --format text",
        ),
        (
            "en uppringares svar, från svarskoden",
            "a caller's answers, from their answer code",
        ),
    ),
    (
        (
            "motesguide validate --content mitt-innehall",
            "motesguide validate --content my-content",
        ),
        ("kontrollera en innehållsmapp", "check a content folder"),
    ),
    (
        (
            "motesguide diff gammalt-innehall nytt-innehall",
            "motesguide diff old-content new-content",
        ),
        (
            "vad en ändring av innehållet ändrar i råden",
            "what a change of the content changes in the advice",
        ),
    ),
    (
        (
            "motesguide completions bash > ~/.local/share/bash-completion/completions/motesguide",
            "motesguide completions bash > ~/.local/share/bash-completion/completions/motesguide",
        ),
        (
            "installera kompletteringar för bash",
            "install the completions for bash",
        ),
    ),
    (
        (
            "motesguide man > ~/.local/share/man/man1/motesguide.1",
            "motesguide man > ~/.local/share/man/man1/motesguide.1",
        ),
        ("installera manualsidan", "install the man page"),
    ),
];

/// The exit codes (CONTRACT.md) and what each means.
pub const EXIT_CODES: &[(&str, Both)] = &[
    (
        "0",
        (
            "klart (diff: samma råd överallt)",
            "success (diff: the same advice everywhere)",
        ),
    ),
    (
        "1",
        (
            "annat fel (diff: råden skiljer sig)",
            "any other failure (diff: the advice differs)",
        ),
    ),
    (
        "2",
        (
            "felaktig indata: en svarsfil som inte kan läsas eller är ogiltig, ogiltigt innehåll, en okänd profil, ett okänt språk eller scenario, ett felskrivet argument; ett stycke på standardfelet säger vad som är fel och vad som godtas",
            "bad input: an unreadable or invalid answers file, invalid content, an unknown profile, language or scenario, a mistyped argument; one paragraph on standard error says what is wrong and what is accepted",
        ),
    ),
];

/// The environment variables (CONTRACT.md) and what each sets.
pub const ENVIRONMENT: &[(&str, Both)] = &[
    (
        super::env::CONTENT,
        (
            "mappen med policyinnehåll, som --content",
            "the policy content folder, as --content",
        ),
    ),
    (
        super::env::PROFILE,
        ("profilen, som --profile", "the profile, as --profile"),
    ),
    (
        super::env::LANG,
        (
            "språket, sv eller en, som --lang",
            "the language, sv or en, as --lang",
        ),
    ),
];
const ENVIRONMENT_NOTE: Both = (
    "En flagga går före sin variabel, och en tom variabel räknas som ej satt.",
    "A flag wins over its variable, and an empty variable counts as unset.",
);

/// The headings of the sections after the options.
const EXAMPLES_HEADING: Both = ("Exempel", "Examples");
const ENVIRONMENT_HEADING: Both = ("Miljövariabler", "Environment");
const EXIT_CODES_HEADING: Both = ("Slutstatus", "Exit codes");

/// clap's own words, where it has them.
const USAGE_HEADING: Both = ("Användning", "Usage");
pub const COMMANDS_HEADING: Both = ("Kommandon", "Commands");
const ARGUMENTS_HEADING: Both = ("Argument", "Arguments");
const OPTIONS_HEADING: Both = ("Flaggor", "Options");

/// Each command's one line, by name ("" is the tool itself).
const COMMANDS: &[(&str, Both)] = &[
    (
        "validate",
        (
            "Kontrollera en innehållsmapp och rapportera varje problem med fil, rad och kolumn; slutstatus 0 när innehållet håller",
            "Check a content folder and report every problem with file, line and column; exit 0 when it is sound",
        ),
    ),
    (
        "scenarios",
        (
            "Lista scenariobiblioteket: id, titel och berättelse",
            "List the scenario library: id, title and story",
        ),
    ),
    (
        "diff",
        (
            "Varje ändring av råden mellan två innehållsmappar, över hela svarsrymden i varje profil som båda har; slutstatus 0 när råden är desamma, 1 när de skiljer sig, 2 när en mapp är ogiltig",
            "Every change of advice between two content folders, over the whole answer space of every profile both define; exit 0 when the advice is the same, 1 when it differs, 2 when a folder is invalid",
        ),
    ),
    (
        "completions",
        (
            "Skriv ut ett skript som kompletterar kommandon och flaggor i skalet",
            "Print a script that completes commands and options in the shell",
        ),
    ),
    (
        "man",
        (
            "Skriv ut manualsidan (roff) på körningens språk",
            "Print the manual page (roff) in the run's language",
        ),
    ),
    (
        "help",
        (
            "Visa den här hjälpen eller ett kommandos hjälp",
            "Print this message or the help of the given subcommand(s)",
        ),
    ),
];

/// An argument's value name and help, by the command it belongs to ("*":
/// any, for the global and built-in ones) and its id.
struct ArgText {
    command: &'static str,
    id: &'static str,
    value_name: Option<Both>,
    help: Both,
}

const fn arg(
    command: &'static str,
    id: &'static str,
    value_name: Option<Both>,
    help: Both,
) -> ArgText {
    ArgText {
        command,
        id,
        value_name,
        help,
    }
}

const ARGS: &[ArgText] = &[
    arg(
        "",
        "answers",
        Some(("FIL", "FILE")),
        (
            "Utvärdera en färdig svarsfil (YAML; - för standardinmatningen) och skriv ut rekommendationen, utan terminal",
            "Evaluate a finished answers file (YAML; - for standard input) and print the recommendation, without a terminal",
        ),
    ),
    arg(
        "",
        "format",
        None,
        (
            "Utdataformat: text (standard), markdown eller json. Med --scenario eller --code skrivs resultatet ut i stället för att guiden öppnas",
            "Output format: text (default), markdown or json. With --scenario or --code it prints instead of opening the wizard",
        ),
    ),
    arg(
        "",
        "scenario",
        None,
        (
            "Börja från ett scenario i biblioteket (motesguide scenarios listar dem)",
            "Start from a scenario of the library (motesguide scenarios lists them)",
        ),
    ),
    arg(
        "",
        "code",
        Some(("KOD", "CODE")),
        (
            "Börja från en svarskod (visas på sidorna ”Kontrollera dina svar” och ”Resultat”); skriver ut med --format, --compare eller --what-if, öppnar annars guiden vid resultatet",
            "Start from an answer code (shown on the summary and result screens); prints with --format, --compare or --what-if, otherwise opens the wizard at the result",
        ),
    ),
    arg(
        "",
        "plain",
        None,
        (
            "Ställ frågorna som numrerade rader på standardinmatningen och standardutmatningen: för skärmläsare, seriella konsoler och rör. Väljs av sig själv när det inte finns någon terminal eller TERM är dumb",
            "Ask the questions as plain numbered prompts on standard input and output: for screen readers, serial consoles and pipes. Chosen by itself when there is no terminal or TERM is dumb",
        ),
    ),
    arg(
        "",
        "compare",
        None,
        (
            "Visa också samma svar under varje profil, sida vid sida",
            "Also show the same answers under every profile, side by side",
        ),
    ),
    arg(
        "",
        "what_if",
        None,
        (
            "Visa också vilket enskilt ändrat svar som skulle ändra plattformen eller inspelningsbeslutet, och till vad",
            "Also show which single changed answer would change the platform or the recording verdict, and to what",
        ),
    ),
    arg(
        "",
        "profile",
        None,
        (
            "Profilen att utvärdera under, till exempel standard eller bilaga-6 (går före svarsfilens profile); utan flaggan gäller MOTESGUIDE_PROFILE",
            "Profile to evaluate under, such as standard or bilaga-6 (overrides the answers file's profile); without the flag, MOTESGUIDE_PROFILE",
        ),
    ),
    arg(
        "*",
        "lang",
        None,
        (
            "Språk: sv (svenska, standard) eller en (engelska); utan flaggan gäller MOTESGUIDE_LANG",
            "Language: sv (Swedish, the default) or en (English); without the flag, MOTESGUIDE_LANG",
        ),
    ),
    arg(
        "",
        "print",
        None,
        (
            "Guiden: skriv resultatet som text på standardutmatningen när guiden stängs, så att det kan skickas vidare eller klistras in",
            "Wizard: print the result as text on standard output when the wizard closes, so it can be piped or pasted",
        ),
    ),
    arg(
        "",
        "presentation",
        None,
        (
            "Guiden: stor text och hög kontrast, för visning med projektor (v eller F2 växlar i guiden)",
            "Wizard: large type and high contrast, for showing on a projector (v or F2 switches it in the wizard)",
        ),
    ),
    arg(
        "*",
        "content",
        Some(("MAPP", "DIR")),
        (
            "Använd policyinnehållet i MAPP i stället för det inbyggda; utan flaggan gäller MOTESGUIDE_CONTENT",
            "Use the policy content in DIR instead of the built-in content; without the flag, MOTESGUIDE_CONTENT",
        ),
    ),
    arg(
        "validate",
        "format",
        None,
        (
            "text (standard), eller json: {sound, combinations, problems} för verktyg (CONTRACT.md 0.2)",
            "text (default), or json: {sound, combinations, problems} for tools (CONTRACT.md 0.2)",
        ),
    ),
    arg(
        "diff",
        "old",
        Some(("GAMMAL_MAPP", "OLD_DIR")),
        (
            "Innehållsmappen före ändringen",
            "The content folder before the change",
        ),
    ),
    arg(
        "diff",
        "new",
        Some(("NY_MAPP", "NEW_DIR")),
        (
            "Innehållsmappen efter ändringen",
            "The content folder after the change",
        ),
    ),
    arg(
        "diff",
        "format",
        None,
        (
            "text (standard) för en granskare, json för CI",
            "text (default) for a reviewer, json for CI",
        ),
    ),
    arg(
        "completions",
        "shell",
        Some(("SKAL", "SHELL")),
        (
            "Skalet: bash, zsh, fish, elvish eller powershell",
            "The shell: bash, zsh, fish, elvish or powershell",
        ),
    ),
    arg(
        "help",
        "subcommand",
        Some(("KOMMANDO", "COMMAND")),
        (
            "Kommandot vars hjälp ska visas",
            "Print help for the subcommand(s)",
        ),
    ),
    arg("*", "version", None, ("Visa versionen", "Print version")),
];

/// The built-in `-h, --help` flag: its short and long help where the
/// command has more to say with `--help`, else one line.
const HELP_FLAG: Both = ("Visa hjälpen", "Print help");
const HELP_FLAG_SHORT: Both = (
    "Visa hjälpen (mer med --help)",
    "Print help (see more with '--help')",
);
const HELP_FLAG_LONG: Both = (
    "Visa hjälpen (kortare med -h)",
    "Print help (see a summary with '-h')",
);

/// The command line in `lang`: every help text, heading and value name,
/// ready to parse with and to render help, a man page or completions.
pub fn command(lang: Lang) -> Command {
    let mut cmd = localize(Args::command(), "", lang)
        .about(pick(lang, ABOUT))
        .long_about(long_about(lang))
        .after_help(after_help(lang));
    // clap adds `--help`, `--version` and `help` when it builds the
    // command, and copies the global options into each subcommand: they
    // are put in the language once they exist.
    cmd.build();
    localize_usage(localize(cmd, "", lang), lang)
}

/// `cmd` (at `path`, "" for the tool) and its subcommands with their texts
/// in `lang`.
fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some((_, about)) = COMMANDS.iter().find(|(name, _)| *name == path) {
        cmd = cmd.about(pick(lang, *about));
    }
    cmd = cmd.mut_args(|a| localize_arg(a, path, lang));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &name, lang));
    }
    let styles = cmd.get_styles();
    let usage = styles.get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        pick(lang, USAGE_HEADING)
    );
    cmd.help_template(template)
        .subcommand_help_heading(pick(lang, COMMANDS_HEADING))
}

fn localize_arg(mut a: Arg, path: &str, lang: Lang) -> Arg {
    let id = a.get_id().as_str().to_owned();
    if a.is_positional() {
        // Under a heading of their own clap sorts arguments by their
        // order and then by id: the order keeps them as they are given.
        let index = a.get_index().unwrap_or(0);
        a = a
            .help_heading(pick(lang, ARGUMENTS_HEADING))
            .display_order(index);
    } else {
        a = a.help_heading(pick(lang, OPTIONS_HEADING));
    }
    if id == "help" {
        return if a.get_long_help().is_some() {
            a.help(pick(lang, HELP_FLAG_SHORT))
                .long_help(pick(lang, HELP_FLAG_LONG))
        } else {
            a.help(pick(lang, HELP_FLAG))
        };
    }
    let text = ARGS
        .iter()
        .find(|t| t.command == path && t.id == id)
        .or_else(|| ARGS.iter().find(|t| t.command == "*" && t.id == id));
    if let Some(t) = text {
        a = a.help(pick(lang, t.help));
        if let Some(name) = t.value_name {
            a = a.value_name(pick(lang, name));
        }
    }
    a
}

/// clap's usage lines with its placeholders ([OPTIONS], [COMMAND]) in
/// `lang`, for the tool and each subcommand; set in either language, so
/// the man page's synopsis reads them alike.
fn localize_usage(mut cmd: Command, lang: Lang) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| localize_usage(s, lang));
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    let usage = usage
        .replace("[OPTIONS]", pick(lang, ("[FLAGGOR]", "[OPTIONS]")))
        .replace("[COMMAND]", pick(lang, ("[KOMMANDO]", "[COMMAND]")))
        .replace("<COMMAND>", pick(lang, ("<KOMMANDO>", "<COMMAND>")));
    cmd.override_usage(usage)
}

/// A section after the options, and in the man page: a heading, rows of a
/// term and what it means, and a closing note.
pub struct Section<'a> {
    pub heading: &'a str,
    pub rows: Vec<(&'a str, &'a str)>,
    pub note: Option<&'a str>,
}

/// The sections after the options, in `lang`: the examples, the
/// environment and the exit codes.
pub fn sections(lang: Lang) -> Vec<Section<'static>> {
    let rows = |table: &[(&'static str, Both)]| {
        table
            .iter()
            .map(|(term, what)| (*term, pick(lang, *what)))
            .collect()
    };
    vec![
        Section {
            heading: pick(lang, EXAMPLES_HEADING),
            rows: EXAMPLES
                .iter()
                .map(|(cmd, what)| (pick(lang, *cmd), pick(lang, *what)))
                .collect(),
            note: None,
        },
        Section {
            heading: pick(lang, ENVIRONMENT_HEADING),
            rows: rows(ENVIRONMENT),
            note: Some(pick(lang, ENVIRONMENT_NOTE)),
        },
        Section {
            heading: pick(lang, EXIT_CODES_HEADING),
            rows: rows(EXIT_CODES),
            note: None,
        },
    ]
}

/// The sections after the options, as `--help` shows them.
fn after_help(lang: Lang) -> StyledStr {
    let header = clap::builder::Styles::default().get_header().to_owned();
    let mut out = String::new();
    for section in sections(lang) {
        if !out.is_empty() {
            out.push('\n');
        }
        write_section(&mut out, header, &section);
    }
    StyledStr::from(out.trim_end().to_owned())
}

/// The widest a line of the sections after the options grows.
const WIDTH: usize = 80;
/// How far the rows of a section stand in.
const INDENT: usize = 2;

/// A section: its heading, then each term with its description in a
/// column (a term too wide for it has its description on the next line),
/// then its note.
fn write_section(out: &mut String, header: Style, section: &Section<'_>) {
    const WIDEST_TERM: usize = 36;
    out.push_str(&format!("{header}{}:{header:#}\n", section.heading));
    let column = section
        .rows
        .iter()
        .map(|(term, _)| term.chars().count())
        .filter(|&w| w <= WIDEST_TERM)
        .max()
        .unwrap_or(0)
        + INDENT
        + 2;
    for (term, what) in &section.rows {
        let term = format!("{:INDENT$}{term}", "");
        if term.chars().count() + 2 > column {
            out.push_str(&term);
            out.push('\n');
            wrap_at(out, "", what, column);
        } else {
            wrap_at(out, &term, what, column);
        }
    }
    if let Some(note) = section.note {
        wrap_at(out, "", note, INDENT);
    }
}

/// `text` wrapped to [`WIDTH`] in a column from `column`, its first line
/// opened by `lead` (narrower than the column).
fn wrap_at(out: &mut String, lead: &str, text: &str, column: usize) {
    let mut line = lead.to_owned();
    let mut width = lead.chars().count();
    let mut empty = true;
    for word in text.split(' ') {
        let w = word.chars().count();
        if !empty && width + 1 + w > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line.clear();
            width = 0;
            empty = true;
        }
        if empty {
            line.push_str(&" ".repeat(column - width));
            width = column;
        } else {
            line.push(' ');
            width += 1;
        }
        line.push_str(word);
        width += w;
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument and command, in `cmd` and below, with its path.
    fn walk<'a>(cmd: &'a Command, path: &str, out: &mut Vec<(String, &'a Command)>) {
        out.push((path.to_owned(), cmd));
        for s in cmd.get_subcommands() {
            walk(s, s.get_name(), out);
        }
    }

    #[test]
    fn every_text_is_in_both_languages() {
        let (sv, en) = (command(Lang::Sv), command(Lang::En));
        let (mut sv_all, mut en_all) = (Vec::new(), Vec::new());
        walk(&sv, "", &mut sv_all);
        walk(&en, "", &mut en_all);
        assert_eq!(sv_all.len(), en_all.len());
        for ((path, s), (_, e)) in sv_all.iter().zip(&en_all) {
            let (sa, ea) = (s.get_about().unwrap(), e.get_about().unwrap());
            assert_ne!(sa.to_string(), ea.to_string(), "`{path}` about");
            for (a, b) in s.get_arguments().zip(e.get_arguments()) {
                let (ha, hb) = (a.get_help().unwrap(), b.get_help().unwrap());
                assert_ne!(
                    ha.to_string(),
                    hb.to_string(),
                    "`{path}` {} has no Swedish help",
                    a.get_id()
                );
            }
        }
    }

    #[test]
    fn long_descriptions_wrap_under_their_column() {
        let mut out = String::new();
        let long = "word ".repeat(30);
        let wide = "x".repeat(40);
        let section = Section {
            heading: "H",
            rows: vec![("a", long.trim_end()), (&wide, "y")],
            note: Some("a note"),
        };
        write_section(&mut out, Style::new(), &section);
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(out.starts_with("H:\n  a  word word"), "{out}");
        assert!(out.contains("\n     word"), "{out}");
        assert!(out.contains(&format!("\n  {wide}\n     y\n")), "{out}");
        assert!(out.ends_with("\n  a note\n"), "{out}");
    }
}
