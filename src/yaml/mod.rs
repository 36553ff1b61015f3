//! The one place that names the YAML crate.
//!
//! `serde_yaml` is archived upstream. The dependency keeps its key and this
//! code its name, as the product's owner asked, and is served by the YAML
//! organisation's maintained continuation, `yaml_serde`, through Cargo's
//! `package =` rename (Cargo.toml); every use stays behind this module.
//! Positions come from `libyaml-rs`, the parser `yaml_serde` is built on,
//! named directly (at the version `yaml_serde` uses) only in [`positions`].

mod positions;

use std::fmt;

pub use positions::{Path, Place, Positions, Step, place_of};
pub use serde_yaml::{Mapping, Value};

/// The largest YAML file read, an answers file or a content file: a real
/// answers file is a dozen lines, and the largest content file a few dozen
/// kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The deepest nesting of lists and mappings read. An answers file needs
/// two levels and a content file a handful; a text nested deeper is
/// refused before the YAML crate reads it, since that crate scans the whole
/// text first, in time that grows with the square of the depth (100,000
/// levels took minutes), and only then gives up at its recursion limit.
pub const MAX_DEPTH: usize = 64;

/// Why a text could not be read as YAML, with the line and column where
/// known.
#[derive(Debug)]
pub struct Error(Fault);

#[derive(Debug)]
enum Fault {
    /// The YAML crate's own error.
    Parse(serde_yaml::Error),
    /// Lists or mappings nested more than [`MAX_DEPTH`] levels deep: where
    /// the first one too deep starts.
    TooDeep(Place),
}

impl Error {
    /// Where the first list or mapping nested more than [`MAX_DEPTH`]
    /// levels deep starts, when that is why the text was refused.
    pub fn too_deep(&self) -> Option<Place> {
        match self.0 {
            Fault::TooDeep(at) => Some(at),
            Fault::Parse(_) => None,
        }
    }

    /// Whether a mapping holds a key twice: the error then points at the
    /// mapping, and [`Positions::repeated_key`] finds the second key.
    pub fn is_duplicate_key(&self) -> bool {
        let Fault::Parse(e) = &self.0 else {
            return false;
        };
        let message = e.to_string();
        // A `Value` words it "duplicate entry with key …", a struct
        // "duplicate field `…`".
        message.contains("duplicate entry") || message.contains("duplicate field")
    }
}

/// As the YAML crate words its errors: what is wrong, then " at line L
/// column C" where known.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Fault::Parse(e) => e.fmt(f),
            Fault::TooDeep(at) => write!(
                f,
                "lists and mappings are nested more than {MAX_DEPTH} levels deep at line {} column {}",
                at.line, at.column
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Parses `text` into `T`. Errors keep the crate's line and column. A text
/// nested more than [`MAX_DEPTH`] levels deep is refused first, in time
/// that grows with the depth allowed, not with the text.
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    if let Some(at) = positions::too_deep(text, MAX_DEPTH) {
        return Err(Error(Fault::TooDeep(at)));
    }
    serde_yaml::from_str(text).map_err(|e| Error(Fault::Parse(e)))
}

/// Converts an already parsed value into `T`.
pub fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_yaml::from_value(value).map_err(|e| Error(Fault::Parse(e)))
}

/// The 1-based line and column an error points at, when the parser knows it.
pub fn error_position(error: &Error) -> Option<Place> {
    match &error.0 {
        Fault::Parse(e) => e.location().map(|l| Place {
            line: l.line(),
            column: l.column(),
        }),
        Fault::TooDeep(at) => Some(*at),
    }
}

/// Renders a scalar the way a person wrote it (`2`, `true`, `health`), for
/// messages and for option ids that YAML would read as numbers or booleans.
pub fn scalar_to_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A short description of a value's type, for "expected X, found Y" messages.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a yes/no value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}
