//! Problems found in a content folder, each with its place.

use std::fmt;

use crate::quote::{quote_path, quote_within};

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

impl Problem {
    /// `file:line:column: message` with the file as found from `folder`
    /// (as the user gave it), so an editor can jump to the place.
    pub fn in_folder(&self, folder: &str) -> String {
        if self.file == folder {
            return self.to_string();
        }
        let file = std::path::Path::new(folder).join(&self.file);
        format!(
            "{}: {}",
            self.place(&file.display().to_string()),
            self.shown_message()
        )
    }

    /// `file`, `file:line` or `file:line:column`, as much as is known,
    /// the file as a message may show it.
    fn place(&self, file: &str) -> String {
        let file = quote_path(file);
        match (self.line, self.column) {
            (Some(line), Some(col)) => format!("{file}:{line}:{col}"),
            (Some(line), None) => format!("{file}:{line}"),
            _ => file,
        }
    }

    /// The message as a terminal may show it: ids and values quoted from
    /// the content are escaped and cut (see [`quote_within`]).
    pub fn shown_message(&self) -> String {
        quote_within(&self.message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(&self.file), self.shown_message())
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
            quote_path(&self.origin),
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )?;
        // Files of a folder from the disk as found from where the user
        // stands; the built-in content's as named inside it.
        for p in &self.problems {
            if self.origin == super::BUILT_IN {
                writeln!(f, "  {p}")?;
            } else {
                writeln!(f, "  {}", p.in_folder(&self.origin))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(message: &str) -> Problem {
        Problem {
            file: "rules/a.yaml".into(),
            line: Some(3),
            column: Some(7),
            message: message.into(),
            ..Default::default()
        }
    }

    #[test]
    fn quoted_ids_and_file_names_are_escaped() {
        let mut p = problem("rule `\u{1b}[2J` has no effect");
        p.file = "rules/\u{1b}]0;x\u{7}.yaml".into();
        let text = p.in_folder("content");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("rule `\\u{1b}[2J`"), "{text}");
    }
}
