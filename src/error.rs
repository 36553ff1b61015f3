//! The one error kind that maps to exit code 2: input the user can fix.

use std::fmt;

/// Bad input: an unreadable or invalid answers file, invalid content, an
/// unknown profile or language. The message is one paragraph that names the
/// file, the key or line, and what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

impl From<crate::content::ContentError> for BadInput {
    fn from(e: crate::content::ContentError) -> Self {
        BadInput(e.to_string().trim_end().to_owned())
    }
}
