//! The one place that names the YAML crate.
//!
//! `serde_yaml` is archived upstream. The dependency keeps its key and this
//! code its name, as the product's owner asked, and is served by the YAML
//! organisation's maintained continuation, `yaml_serde`, through Cargo's
//! `package =` rename (Cargo.toml); every use stays behind this module.
//! Positions come from `libyaml-rs`, the parser `yaml_serde` is built on,
//! named directly (at the version `yaml_serde` uses) only in [`positions`].

mod positions;

pub use positions::{Path, Place, Positions, Step};
pub use serde_yaml::{Error, Mapping, Value};

/// Parses `text` into `T`. Errors keep the crate's line and column.
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    serde_yaml::from_str(text)
}

/// Converts an already parsed value into `T`.
pub fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_yaml::from_value(value)
}

/// The 1-based line and column an error points at, when the parser knows it.
pub fn error_position(error: &Error) -> Option<Place> {
    error.location().map(|l| Place {
        line: l.line(),
        column: l.column(),
    })
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
