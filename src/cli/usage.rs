//! A usage error (a mistyped option or value) as one paragraph in the
//! language asked for. clap words these in English before `--lang` is
//! read; the common kinds are said here from the parts clap names (the
//! option, the value, what is accepted), and the rare ones keep clap's
//! English.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::messages::Msg;
use crate::quote::{quote, quote_within};
use crate::text::Lang;

/// The language of the run, read before the arguments are parsed (help
/// and usage errors speak it): `--lang`, else `MOTESGUIDE_LANG`, else
/// Swedish, the default. An unknown value counts as not given here; it is
/// refused once the arguments are read.
pub fn lang_of(args: impl IntoIterator<Item = OsString>) -> Lang {
    flag_lang(args)
        .or_else(|| super::env::lang().ok().flatten())
        .unwrap_or_default()
}

/// `argv` for clap's `help` command: it reads every word after `help` as
/// the name of a command, so `help validate --lang en` would ask for a
/// command `--lang`. The language is read by [`lang_of`] already, so
/// `--lang` and its value are left out after `help`.
pub fn for_help(argv: &[OsString]) -> Vec<OsString> {
    let Some(at) = argv.iter().skip(1).position(|a| a == "help") else {
        return argv.to_vec();
    };
    let (before, after) = argv.split_at(at + 2);
    let mut out = before.to_vec();
    let mut rest = after.iter();
    while let Some(arg) = rest.next() {
        if arg == "--lang" {
            rest.next();
        } else if !arg.to_string_lossy().starts_with("--lang=") {
            out.push(arg.clone());
        }
    }
    out
}

/// The language `--lang en` or `--lang=en` asks for, the last one given.
fn flag_lang(args: impl IntoIterator<Item = OsString>) -> Option<Lang> {
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    let mut lang = None;
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(l) = value.as_deref().and_then(Lang::from_code) {
            lang = Some(l);
        }
    }
    lang
}

/// clap's usage error in `lang`, ending with where to read more.
pub fn message(e: &clap::Error, lang: Lang) -> String {
    let text = said(e, lang).unwrap_or_else(|| quote_within(&clap_paragraph(&e.to_string())));
    Msg::UsageSeeHelp.fill(lang, &[("message", &text)])
}

/// The error in `lang`, for the kinds said here.
fn said(e: &clap::Error, lang: Lang) -> Option<String> {
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    // "--format <FORMAT>" is named by its option alone.
    let arg = string(ContextKind::InvalidArg).map(|a| option(&a));
    let text = match e.kind() {
        ErrorKind::InvalidValue => {
            let arg = arg?;
            match string(ContextKind::InvalidValue).filter(|v| !v.is_empty()) {
                None => Msg::UsageMissingValue.fill(lang, &[("arg", &arg)]),
                Some(value) => match e.get(ContextKind::ValidValue) {
                    Some(ContextValue::Strings(valid)) => Msg::UsageBadValue.fill(
                        lang,
                        &[
                            ("arg", &arg),
                            ("value", &quote(&value)),
                            ("accepted", &valid.join(", ")),
                        ],
                    ),
                    _ => Msg::UsageBadValueAny
                        .fill(lang, &[("arg", &arg), ("value", &quote(&value))]),
                },
            }
        }
        ErrorKind::UnknownArgument => {
            let text = Msg::UsageUnknownArgument.fill(lang, &[("arg", &quote(&arg?))]);
            text + &suggestion(e, ContextKind::SuggestedArg, lang)
        }
        ErrorKind::InvalidSubcommand => {
            let command = string(ContextKind::InvalidSubcommand)?;
            let text = Msg::UsageUnknownCommand.fill(lang, &[("command", &quote(&command))]);
            text + &suggestion(e, ContextKind::SuggestedSubcommand, lang)
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match string(ContextKind::PriorArg).map(|p| option(&p)) {
                Some(other) if other != arg => {
                    Msg::UsageConflict.fill(lang, &[("arg", &arg), ("other", &other)])
                }
                Some(_) => Msg::UsageRepeated.fill(lang, &[("arg", &arg)]),
                None => return None,
            }
        }
        ErrorKind::MissingRequiredArgument => match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(args)) => {
                Msg::UsageMissingArguments.fill(lang, &[("args", &args.join(" "))])
            }
            _ => return None,
        },
        ErrorKind::TooManyValues => {
            let value = string(ContextKind::InvalidValue)?;
            Msg::UsageNoValue.fill(lang, &[("arg", &arg?), ("value", &quote(&value))])
        }
        _ => return None,
    };
    Some(text)
}

/// " (did you mean `--answers`?)" where clap has a suggestion.
fn suggestion(e: &clap::Error, kind: ContextKind, lang: Lang) -> String {
    let first = match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => s.first().cloned(),
        _ => None,
    };
    first.map_or_else(String::new, |s| {
        Msg::UsageDidYouMean.fill(lang, &[("suggestion", &quote(&s))])
    })
}

/// An option as written in a message: `--format`, without its value name.
fn option(arg: &str) -> String {
    arg.split_whitespace().next().unwrap_or(arg).to_owned()
}

/// clap's own rendering as one paragraph: its first block (what is wrong
/// and the accepted values) on one line.
fn clap_paragraph(rendered: &str) -> String {
    let first = rendered.split("\n\n").next().unwrap_or(rendered);
    let text = first
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    text.strip_prefix("error: ").unwrap_or(&text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<OsString> {
        s.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        assert_eq!(flag_lang(args("motesguide --format pdf")), None);
        let en = Some(Lang::En);
        assert_eq!(flag_lang(args("motesguide --lang en --format pdf")), en);
        assert_eq!(flag_lang(args("motesguide --format pdf --lang=en")), en);
        assert_eq!(flag_lang(args("motesguide --lang de --bogus")), None);
        assert_eq!(flag_lang(args("motesguide --lang")), None);
    }

    #[test]
    fn an_option_is_named_without_its_value_name() {
        assert_eq!(option("--format <FORMAT>"), "--format");
        assert_eq!(option("--plain"), "--plain");
    }
}
