//! Problems found in a content folder, each with its place.

use std::collections::HashMap;
use std::fmt;

use crate::quote::{quote_path, quote_within};

/// The most problems of one kind listed; the rest are counted in one line.
pub const MAX_OF_A_KIND: usize = 20;

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

    /// What kind of problem this is, for counting repeats: the message
    /// without what it quotes (between backticks or in parentheses) and
    /// without numbers, so that "rule `a` duplicates rule `b` (x:3)" and
    /// "rule `c` duplicates rule `d` (y:9)" are one kind.
    pub fn kind(&self) -> String {
        let mut kind = String::new();
        let mut quoted = false;
        let mut parens = 0usize;
        for c in self.message.chars() {
            match c {
                '`' => quoted = !quoted,
                '(' if !quoted => parens += 1,
                ')' if !quoted => parens = parens.saturating_sub(1),
                _ if quoted || parens > 0 || c.is_ascii_digit() => {}
                c => kind.push(c),
            }
        }
        kind
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
            thousands(self.problems.len()),
            if self.problems.len() == 1 { "" } else { "s" }
        )?;
        // Of each kind the first few, the last of them followed by how
        // many more there are: 5,000 copies of one rule are not 5,000
        // lines to read.
        let mut of_kind: HashMap<String, usize> = HashMap::new();
        for p in &self.problems {
            *of_kind.entry(p.kind()).or_default() += 1;
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for p in &self.problems {
            let kind = p.kind();
            let n = seen.entry(kind.clone()).or_default();
            *n += 1;
            if *n > MAX_OF_A_KIND {
                continue;
            }
            // Files of a folder from the disk as found from where the user
            // stands; the built-in content's as named inside it.
            if self.origin == super::BUILT_IN {
                writeln!(f, "  {p}")?;
            } else {
                writeln!(f, "  {}", p.in_folder(&self.origin))?;
            }
            let more = of_kind[&kind] - *n;
            if *n == MAX_OF_A_KIND && more > 0 {
                writeln!(f, "  … and {} more like the one above", thousands(more))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

/// `n` with a comma between thousands: 12,499,990.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(12_499_990), "12,499,990");
    }

    #[test]
    fn problems_of_one_kind_are_counted_after_the_first_few() {
        let mut problems: Vec<Problem> = (0..25)
            .map(|i| {
                problem(&format!(
                    "rule `r{i}` duplicates rule `r` (rules/a.yaml:{i})"
                ))
            })
            .collect();
        problems.insert(3, problem("rule `x` has no effect"));
        let text = ContentError {
            origin: "c".into(),
            problems,
        }
        .to_string();
        assert!(text.starts_with("the policy content in c has 26 problems:\n"));
        assert_eq!(text.matches("duplicates rule").count(), MAX_OF_A_KIND);
        assert!(text.contains("`x` has no effect"), "{text}");
        assert!(
            text.ends_with("rules/a.yaml:19)\n  … and 5 more like the one above\n"),
            "{text}"
        );
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
