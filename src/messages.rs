//! What the tool says when something is refused or goes wrong, Swedish
//! first with a full English translation. Each message stands once, both
//! languages side by side, so a reviewer reads them together and no error
//! is left in one language only.
//!
//! Labels on screens live in [`crate::i18n`] and the faces' own string
//! tables. A `{name}` in a text is filled in with [`fill`].

use std::io;

use crate::text::Lang;

/// Builds [`Msg`] from `Name: "svenska", "English";` rows.
macro_rules! messages {
    ($($(#[doc = $doc:literal])* $name:ident: $sv:literal, $en:literal;)*) => {
        /// One message of the tool, in both languages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($(#[doc = $doc])* $name,)*
        }

        impl Msg {
            /// Every message, for the tests that check the table.
            pub const ALL: &[Msg] = &[$(Msg::$name),*];

            /// The text in `lang`, with its `{name}` slots unfilled.
            pub const fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Sv) => $sv, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    // ---- The answers file ----
    /// `{file}`, `{reason}`.
    AnswersUnreadable:
        "{file}: svarsfilen kan inte läsas ({reason}); ange sökvägen till en läsbar YAML-fil, eller - för standardinmatningen",
        "{file}: cannot read the answers file ({reason}); give the path of a readable YAML file, or - for standard input";
    /// `{file}`, `{kib}`.
    AnswersTooLarge:
        "{file}: svarsfilen är större än {kib} KiB; en svarsfil är en kort YAML-fil på ett tiotal rader, till exempel `secrecy: true`",
        "{file}: the answers file is larger than {kib} KiB; an answers file is a short YAML mapping of a dozen lines such as `secrecy: true`";
    /// `{file}`.
    AnswersNotText:
        "{file}: det här är ingen textfil (den innehåller NUL-tecken); en svarsfil är en textfil i YAML, till exempel `secrecy: true`",
        "{file}: this is not a text file (it holds NUL bytes); an answers file is a YAML text file such as `secrecy: true`";
    /// `{file}`, `{offset}`.
    AnswersNotUtf8:
        "{file}: texten är inte UTF-8 (ogiltig byte vid position {offset}); spara svarsfilen som YAML i UTF-8",
        "{file}: this is not UTF-8 text (invalid byte at offset {offset}); save the answers file as UTF-8 YAML";
    /// `{file}`, `{example}`.
    AnswersEmpty:
        "{file}: svarsfilen är tom; {example}",
        "{file}: the answers file is empty; {example}";
    /// What an answers file looks like, ending the messages about its form.
    AnswersExample:
        "en svarsfil är YAML med en nyckel och ett svar per rad, till exempel `secrecy: true` (se README, ”The answers file”)",
        "an answers file is a YAML mapping such as `secrecy: true` (see README, \"The answers file\")";
    /// `{file}`, `{at}`, `{detail}` (the YAML parser's own words),
    /// `{example}`.
    AnswersNotYaml:
        "{file}{at}: texten är inte giltig YAML (YAML-tolken: {detail}); {example}",
        "{file}{at}: this is not valid YAML ({detail}); {example}";
    /// `{file}`, `{found}`, `{example}`.
    AnswersNotMapping:
        "{file}: en svarsfil ska bestå av nycklar med svar, men den här innehåller {found}; {example}",
        "{file}: expected a mapping of keys to answers, found {found}; {example}";
    /// `{file}`, `{found}`, `{keys}`.
    AnswersKeyNotName:
        "{file}: en nyckel är {found} och inget namn; giltiga nycklar: {keys}",
        "{file}: a key is {found}, not a name; accepted keys: {keys}";
    /// `{file}`, `{at}`.
    AnswersScenarioNotMapping:
        "{file}{at}: `scenario` beskriver ett scenario i biblioteket och ska vara en mappning med title, story och source",
        "{file}{at}: `scenario` describes a library scenario and must be a mapping with title, story and source";
    /// `{file}`, `{at}`, `{value}`, `{accepted}`.
    AnswersUnknownProfile:
        "{file}{at}: okänd profil {value}; giltiga profiler: {accepted}",
        "{file}{at}: unknown profile {value}; accepted: {accepted}";
    /// `{file}`, `{at}`, `{key}` (in backticks, or [`Msg::KeyNotShown`]),
    /// `{keys}`.
    AnswersUnknownKey:
        "{file}{at}: okänd nyckel {key}; giltiga nycklar: {keys}",
        "{file}{at}: unknown key {key}; accepted keys: {keys}";
    /// A key that is not a name, and so is not shown: `{chars}`.
    KeyNotShown:
        "som inte är ett namn ({chars} tecken, visas inte)",
        "that is not a name ({chars} characters, not shown)";
    /// `{file}`, `{at}`, `{key}`, `{value}`, `{accepted}`.
    AnswersBadValue:
        "{file}{at}: {key} kan inte vara {value}; giltiga värden: {accepted}",
        "{file}{at}: {key} cannot be {value}; accepted: {accepted}";
    /// An item of a list (`{value}`): `{file}`, `{at}`, `{key}`,
    /// `{accepted}`.
    AnswersBadItem:
        "{file}{at}: {key} kan inte innehålla {value}; giltiga värden: {accepted}",
        "{file}{at}: {key} cannot contain {value}; accepted: {accepted}";
    /// `{file}`, `{at}`, `{key}`.
    AnswersDuplicateKey:
        "{file}{at}: nyckeln {key} anges två gånger; ange varje nyckel en gång",
        "{file}{at}: the key {key} is given twice; give each key once";
    /// `{file}`, `{at}`, `{limit}`, `{example}`.
    AnswersTooDeep:
        "{file}{at}: listor och mappningar är nästlade mer än {limit} nivåer djupt; {example}",
        "{file}{at}: lists and mappings are nested more than {limit} levels deep; {example}";
    /// What a multiple-choice key takes: `{ids}`.
    AcceptedList:
        "en lista med ett eller flera av {ids} (eller [] för inga)",
        "a list of any of: {ids} (or [] for none)";
    /// Where in a file: `{line}`.
    AtLine: ", rad {line}", ", line {line}";
    /// Where in a file: `{line}`, `{column}`.
    AtLineColumn: ", rad {line}, kolumn {column}", ", line {line}, column {column}";
    /// The file name of answers read from standard input.
    StandardInput: "standardinmatningen", "standard input";

    // ---- What a YAML value is, in "cannot be …" and "found …" ----
    KindNull: "ingenting (null)", "nothing (null)";
    KindBool: "ett ja/nej-värde", "a yes/no value";
    KindNumber: "ett tal", "a number";
    KindText: "en text", "a text";
    KindList: "en lista", "a list";
    KindMapping: "en mappning", "a mapping";
    KindTagged: "ett taggat värde", "a tagged value";

    // ---- Why a file could not be read or written ----
    NoSuchFile: "filen finns inte", "no such file";
    NoFolder: "mappen finns inte", "the folder does not exist";
    NoPermission: "behörighet saknas", "permission denied";
    IsFolder: "det är en mapp", "it is a folder";
    FileExists: "filen finns redan", "the file already exists";
    NameTooLong: "filnamnet är för långt", "the file name is too long";
    DiskFull: "det finns inget utrymme kvar på disken", "there is no space left on the disk";
    /// A link that leads, link by link, back to itself.
    LinkLoop: "länken pekar i en slinga och leder aldrig till en fil", "the link goes round in a loop and never reaches a file";
    /// Any other failure: `{detail}`, the system's own words.
    OtherIo: "oväntat fel från systemet: {detail}", "{detail}";

    // ---- The command line ----
    /// `{option}` (`--lang`), `{code}`. Given in both languages: the
    /// language itself is unknown.
    UnknownLanguage:
        "{option}: okänt språk `{code}`; välj sv (svenska, standard) eller en (engelska)",
        "{option}: unknown language `{code}`; accepted: sv (Swedish, default), en (English)";
    /// `{option}` (`--profile` or the variable), `{id}`, `{accepted}`.
    UnknownProfile:
        "{option}: okänd profil `{id}`; giltiga profiler: {accepted}",
        "{option}: unknown profile `{id}`; accepted: {accepted}";
    /// `{id}`, `{accepted}`.
    UnknownScenario:
        "--scenario: okänt scenario `{id}`; giltiga scenarier: {accepted} (kommandot motesguide scenarios visar dem)",
        "--scenario: unknown scenario `{id}`; accepted: {accepted} (motesguide scenarios lists them)";
    /// `{input}`, `{why}`, `{length}`, `{example}`.
    BadCode:
        "--code {input}: {why}; en kod har {length} tecken, till exempel {example} (koden visas på sidorna ”Kontrollera dina svar” och ”Resultat”)",
        "--code {input}: {why}; a code has {length} characters such as {example} (shown on the summary and result screens)";
    /// In the wizard's code dialog, where the code was just typed.
    CodeInDialog:
        "{why}; en svarskod har {length} tecken, till exempel {example}.",
        "{why}; an answer code has {length} characters, such as {example}.";
    CodeEmpty: "koden är tom", "the code is empty";
    CodeOneCharacter: "koden har 1 tecken", "the code has 1 character";
    /// `{found}`.
    CodeCharacters: "koden har {found} tecken", "the code has {found} characters";
    /// `{position}`, `{character}`.
    CodeBadCharacter:
        "tecken {position}, `{character}`, används inte i koder (de består av siffrorna 0–9 och bokstäverna A–Z utom U)",
        "character {position}, `{character}`, is not used in codes (they use the digits 0-9 and the letters A-Z except U)";
    CodeMistyped:
        "ett tecken är felskrivet – läs koden igen",
        "a character is mistyped – read the code again";
    CodeOutOfRange:
        "koden motsvarar inga svar – läs den igen; den kan också komma från en annan version av guiden",
        "the code stands for no set of answers – read it again, or it was made by another version of the guide";
    /// An environment variable as a refusal names it: `{name}`.
    Variable: "{name} (miljövariabel)", "{name} (environment variable)";
    /// `{variable}` (as [`Msg::Variable`] names it), `{dir}`.
    VariableNotFolder:
        "{variable}: `{dir}` är ingen mapp som kan läsas; ange sökvägen till en mapp med policyinnehåll, som för --content, eller ta bort variabeln",
        "{variable}: `{dir}` is not a folder that can be read; give the path of a policy content folder, as for --content, or unset the variable";
    /// A usage error (`{message}`) and where to read more.
    UsageSeeHelp: "{message}; se motesguide --help", "{message}; see motesguide --help";
    /// `{arg}`.
    UsageMissingValue:
        "{arg} behöver ett värde, men inget angavs",
        "{arg} needs a value, but none was given";
    /// `{args}`: the arguments not given, as `<NEW_DIR>`.
    UsageMissingArguments:
        "obligatoriska argument saknas: {args}",
        "required arguments are missing: {args}";
    /// `{arg}`, `{value}`, `{accepted}`.
    UsageBadValue:
        "{arg}: ogiltigt värde `{value}`; giltiga värden: {accepted}",
        "{arg}: invalid value `{value}`; accepted: {accepted}";
    /// `{arg}`, `{value}`.
    UsageBadValueAny: "{arg}: ogiltigt värde `{value}`", "{arg}: invalid value `{value}`";
    /// `{arg}`.
    UsageUnknownArgument: "okänt argument `{arg}`", "unknown argument `{arg}`";
    /// `{command}`.
    UsageUnknownCommand: "okänt kommando `{command}`", "unknown command `{command}`";
    /// Follows an unknown argument or command: `{suggestion}`.
    UsageDidYouMean: " (menade du `{suggestion}`?)", " (did you mean `{suggestion}`?)";
    /// `{arg}`, `{other}`.
    UsageConflict:
        "{arg} kan inte användas tillsammans med {other}",
        "{arg} cannot be used with {other}";
    /// `{arg}`.
    UsageRepeated: "{arg} får bara anges en gång", "{arg} can be given only once";
    /// `{arg}`, `{value}`.
    UsageNoValue:
        "{arg} tar inget värde, men fick `{value}`",
        "{arg} takes no value, but was given `{value}`";
    /// A panic: `{what}`.
    InternalError:
        "internt fel ({what}); rapportera det gärna tillsammans med svaren du gav",
        "internal error ({what}); please report it with the answers you gave";

    // ---- Standard input and output ----
    /// Standard input could not be read in plain mode: `{reason}`.
    StdinUnreadable:
        "standardinmatningen kan inte läsas ({reason}); svara från en terminal, eller skicka svaren med ett rör eller en fil (motesguide --plain < svar.txt), eller ange en svarsfil med --answers FIL",
        "standard input cannot be read ({reason}); answer from a terminal, pipe the answers in or redirect a file (motesguide --plain < answers.txt), or give an answers file with --answers FILE";
    StdoutClosed:
        "standardutmatningen är stängd, så resultatet kan inte skrivas ut; skicka det till en fil eller ett program, eller till /dev/null om det inte behövs",
        "standard output is closed, so the result cannot be written; send it to a file or a program, or to /dev/null if it is not wanted";
    StdoutGone:
        "standardutmatningen stängdes av den som läste den innan allt var skrivet",
        "standard output was closed by its reader before everything was written";

    // ---- The wizard ----
    /// `{hint}`.
    NoTerminalIn:
        "den interaktiva guiden behöver en terminal, men standardinmatningen är inte kopplad till någon; {hint}",
        "the interactive wizard needs a terminal, and standard input is not one; {hint}";
    /// `{hint}`.
    NoTerminalOut:
        "den interaktiva guiden behöver en terminal, men standardutmatningen är inte kopplad till någon; använd --print för att visa guiden i terminalen och skriva resultatet på standardutmatningen, eller {hint}",
        "the interactive wizard needs a terminal, and standard output is not one; use --print to draw on the terminal and print the result on standard output, or {hint}";
    /// How to get a result without a terminal.
    WithoutTerminal:
        "för att få ett resultat utan terminal, ange svaren i en fil: motesguide --answers FIL (se motesguide --help)",
        "to evaluate without a terminal, give the answers in a file: motesguide --answers FILE (see motesguide --help)";
    /// A build without the cargo feature `tui`, asked for the wizard.
    NoWizard:
        "den här versionen av motesguide är byggd utan den interaktiva guiden (cargo-funktionen tui); använd --plain för att besvara frågorna rad för rad, eller --answers FIL för att utvärdera en färdig svarsfil",
        "this build of motesguide has no interactive wizard (it was built without the cargo feature tui); use --plain to answer the questions line by line, or --answers FILE to evaluate a finished answers file";
    NothingToPrint:
        "inget resultat att skriva ut: guiden stängdes innan något resultat visades",
        "no result to print: the wizard closed before a result was shown";
}

impl Msg {
    /// The text in `lang` with each `{name}` filled in.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        fill(self.get(lang), values)
    }
}

/// Why an I/O operation failed, in `lang`: the common cases in words of
/// their own, anything else in the system's words (`detail`, see
/// [`io_detail`]).
pub fn io_reason(kind: io::ErrorKind, detail: &str, lang: Lang) -> String {
    let msg = match kind {
        io::ErrorKind::NotFound => Msg::NoSuchFile,
        io::ErrorKind::NotADirectory => Msg::NoFolder,
        io::ErrorKind::PermissionDenied => Msg::NoPermission,
        io::ErrorKind::IsADirectory => Msg::IsFolder,
        io::ErrorKind::AlreadyExists => Msg::FileExists,
        io::ErrorKind::InvalidFilename => Msg::NameTooLong,
        io::ErrorKind::StorageFull => Msg::DiskFull,
        _ => return Msg::OtherIo.fill(lang, &[("detail", detail)]),
    };
    msg.get(lang).to_owned()
}

/// The system's words for an I/O error, without the OS error number,
/// which says nothing to a person.
pub fn io_detail(e: &io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_owned()
}

/// `template` with each `{name}` replaced by its value, in one pass: a
/// value is never searched for names, so typed text is shown as typed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` slots of a text, sorted.
    fn slots(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_have_the_same_slots_and_real_text() {
        for &m in Msg::ALL {
            let (sv, en) = (m.get(Lang::Sv), m.get(Lang::En));
            assert_eq!(slots(sv), slots(en), "{m:?}");
            if m != Msg::OtherIo {
                assert_ne!(sv, en, "{m:?} is not translated");
            }
            assert!(!sv.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
        }
    }

    #[test]
    fn fill_replaces_known_slots_once_and_leaves_the_rest() {
        assert_eq!(
            fill("{a} och {b} {c}", &[("a", "{b}"), ("b", "två")]),
            "{b} och två {c}"
        );
        assert_eq!(fill("{", &[]), "{");
    }

    #[test]
    fn io_reasons_name_the_common_cases_in_the_language() {
        let sv = |kind| io_reason(kind, "?", Lang::Sv);
        assert_eq!(sv(io::ErrorKind::NotFound), "filen finns inte");
        assert_eq!(sv(io::ErrorKind::NotADirectory), "mappen finns inte");
        assert_eq!(sv(io::ErrorKind::InvalidFilename), "filnamnet är för långt");
        assert_eq!(
            io_reason(io::ErrorKind::InvalidFilename, "?", Lang::En),
            "the file name is too long"
        );
        let eio = io::Error::from_raw_os_error(5);
        let detail = io_detail(&eio);
        assert!(!detail.contains("os error"), "{detail}");
        let sv = io_reason(eio.kind(), &detail, Lang::Sv);
        assert_eq!(sv, format!("oväntat fel från systemet: {detail}"));
        assert_eq!(io_reason(eio.kind(), &detail, Lang::En), detail);
    }
}
