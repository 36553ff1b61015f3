//! Problems found in a content folder, each with its place.

use std::fmt;

/// One thing wrong with the content, where it is and what would be right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The rule, invariant or entry the problem is about, where there is one.
    pub id: Option<String>,
    /// For a finding about the answer space: a combination that shows it.
    pub counterexample: Option<Counterexample>,
}

/// A combination of answers under a profile (indices into the content).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counterexample {
    pub profile: usize,
    pub values: Vec<crate::content::Answer>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found while loading or checking a content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Where the content came from: a folder path or "built-in content".
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the policy content in {} has {} problem{}:",
            self.origin,
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}
