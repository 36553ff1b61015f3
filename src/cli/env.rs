//! CONTRACT.md's environment: `MOTESGUIDE_CONTENT`, `MOTESGUIDE_PROFILE`
//! and `MOTESGUIDE_LANG` set the defaults of `--content`, `--profile` and
//! `--lang`.
//!
//! A flag wins, and its variable is then not read at all. An empty
//! variable counts as unset, as most Unix tools read theirs (`NO_COLOR`,
//! `EDITOR`), so `MOTESGUIDE_LANG= motesguide …` leaves one out for a run.
//! A value that cannot be used is bad input that names the variable and
//! what is accepted. The variables are read here rather than by clap's
//! `env` feature: clap would refuse a bad value as the flag's (without
//! naming the variable) and an empty one as a missing value, and the
//! language is needed before clap parses, for `--help`.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::error::BadInput;
use crate::messages::Msg;
use crate::text::Lang;

pub const CONTENT: &str = "MOTESGUIDE_CONTENT";
pub const PROFILE: &str = "MOTESGUIDE_PROFILE";
pub const LANG: &str = "MOTESGUIDE_LANG";

/// A variable's value; `None` when it is unset or empty.
fn value(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// A variable's value as text for a message, control characters escaped
/// so the message stays one paragraph.
fn shown(v: &OsString) -> String {
    v.to_string_lossy().escape_debug().to_string()
}

/// The variable `name` as a refusal names it, in `lang`:
/// "MOTESGUIDE_LANG (miljövariabel)".
pub fn named(name: &str, lang: Lang) -> String {
    Msg::Variable.fill(lang, &[("name", name)])
}

/// `MOTESGUIDE_LANG`: the language, `None` when unset. An unknown one is
/// refused in both languages, as `--lang` refuses it.
pub fn lang() -> Result<Option<Lang>, BadInput> {
    let Some(v) = value(LANG) else {
        return Ok(None);
    };
    let code = v.to_string_lossy();
    match Lang::from_code(&code) {
        Some(lang) => Ok(Some(lang)),
        None => {
            let both: Vec<String> = Lang::ALL
                .into_iter()
                .map(|lang| {
                    Msg::UnknownLanguage.fill(
                        lang,
                        &[("option", &named(LANG, lang)), ("code", &shown(&v))],
                    )
                })
                .collect();
            Err(BadInput(both.join("\n")))
        }
    }
}

/// `MOTESGUIDE_PROFILE`: the profile id, `None` when unset. Whether the
/// content has it is checked where the profile is resolved.
pub fn profile() -> Option<String> {
    value(PROFILE).map(|v| v.to_string_lossy().into_owned())
}

/// `MOTESGUIDE_CONTENT`: the content folder, `None` when unset; a path
/// that is not a folder is refused here, naming the variable. Problems in
/// the folder's files are reported where it is loaded.
pub fn content(lang: Lang) -> Result<Option<PathBuf>, BadInput> {
    let Some(v) = value(CONTENT) else {
        return Ok(None);
    };
    let dir = PathBuf::from(&v);
    if dir.is_dir() {
        Ok(Some(dir))
    } else {
        Err(BadInput(Msg::VariableNotFolder.fill(
            lang,
            &[("variable", &named(CONTENT, lang)), ("dir", &shown(&v))],
        )))
    }
}
