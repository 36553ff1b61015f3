//! Languages and bilingual text.

use serde::{Deserialize, Serialize};

/// A language the tool speaks. Swedish is the default. Its codes are the
/// values of `--lang` (and `MOTESGUIDE_LANG`); the CLI makes it a clap
/// value from them, so this module (which build.rs compiles too) needs no
/// clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The other language, for a toggle key.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }
}

/// A text in both languages. Both are required: content that lacks one does
/// not load.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// A text that reads the same in both languages (ids, names).
    pub fn same(s: &str) -> Text {
        Text {
            sv: s.to_owned(),
            en: s.to_owned(),
        }
    }
}
