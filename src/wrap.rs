//! Printed text wrapped at word boundaries: `--format text`, `--print`
//! (and `p` in the wizard), the plain mode. A terminal breaks long lines
//! wherever the edge falls, inside words, and a pipe keeps them whole, so
//! printed lines are cut here instead: at spaces, to the terminal's width
//! or to 80 columns when piped, with list items hanging under their text.

use unicode_width::UnicodeWidthStr;

/// The width of printed text when standard output is not a terminal (a
/// pipe, a file) or its size is unknown.
pub const PIPED_WIDTH: usize = 80;

/// The width to wrap standard output to: the terminal's columns when it is
/// one, [`PIPED_WIDTH`] otherwise. (`terminal_size`, which clap's help
/// wrapping uses too, rather than the wizard's crossterm: printing needs
/// no terminal library, and a build without the wizard has none.)
pub fn stdout_width() -> usize {
    match terminal_size::terminal_size_of(std::io::stdout()) {
        Some((terminal_size::Width(cols), _)) if cols > 0 => usize::from(cols),
        _ => PIPED_WIDTH,
    }
}

/// `text` with every line longer than `width` columns broken at spaces.
///
/// A line that fits is kept as it is. A longer one keeps its indentation
/// and list marker (`-`, `!`, `✓`, `✗`, `•`, `1.`, `[ ]`, …) on its first
/// row; later rows are indented to the text after the marker (a hanging
/// indent, at most half the width). A word is never broken: one wider than
/// a row stands alone on it. A dash between words stays with the word
/// before it, so no row opens with one. Columns are counted as a terminal
/// shows them (å, ä, ö, ✓ and ✗ take one).
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(line, width, &mut out);
    }
    out
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    if line.width() <= width {
        out.push_str(line);
        return;
    }
    let (lead, body) = line.split_at(lead_len(line));
    let hang = lead.width().min(width / 2);
    out.push_str(lead);
    let mut column = lead.width();
    let mut row_empty = true;
    for unit in units(body) {
        let w = unit.width();
        if !row_empty && column + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(hang));
            column = hang;
            row_empty = true;
        }
        if !row_empty {
            out.push(' ');
            column += 1;
        }
        out.push_str(&unit);
        column += w;
        row_empty = false;
    }
}

/// The words of `body`, a dash between words joined to the word before
/// it: the pieces a row is filled with, never broken.
pub(crate) fn units(body: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        match units.last_mut() {
            Some(last) if matches!(word, "–" | "—") => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
    }
    units
}

/// Bytes of `line` that open it and stay on its first row: the
/// indentation, and a list marker with the spaces after it.
pub(crate) fn lead_len(line: &str) -> usize {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    const CHECKBOXES: [&str; 4] = ["- [ ] ", "- [x] ", "[ ] ", "[x] "];
    let marker = if let Some(c) = CHECKBOXES.iter().find(|c| body.starts_with(*c)) {
        c.len()
    } else {
        match body.split_once(' ') {
            Some((token, _)) if is_marker(token) => token.len() + 1,
            _ => 0,
        }
    };
    let after = &body[marker..];
    let spaces = if marker > 0 {
        after.len() - after.trim_start_matches(' ').len()
    } else {
        0
    };
    indent + marker + spaces
}

/// A bullet, a mark or a number that opens a list item.
fn is_marker(token: &str) -> bool {
    let numbered = token
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    numbered || matches!(token, "-" | "*" | "+" | "•" | "!" | "✓" | "✗" | "–")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_line_that_fits_is_kept_as_it_is() {
        let text = "Svar:\n  - Mötestyp:   Nämndsmöte  \n\n";
        assert_eq!(wrap(text, 80), text);
    }

    #[test]
    fn breaks_at_spaces_and_never_inside_a_word() {
        assert_eq!(
            wrap("Sekretessbelagda uppgifter får inte spridas", 20),
            "Sekretessbelagda\nuppgifter får inte\nspridas"
        );
        // A word wider than the row stands alone on it, whole.
        assert_eq!(
            wrap("en säkerhetsskyddsklassificerad uppgift", 10),
            "en\nsäkerhetsskyddsklassificerad\nuppgift"
        );
    }

    #[test]
    fn list_items_hang_under_their_text() {
        assert_eq!(
            wrap("  1. Dela aldrig dokument med känslig information", 24),
            "  1. Dela aldrig\n     dokument med\n     känslig information"
        );
        assert_eq!(
            wrap("  - Alla som deltar bör hålla sig till agendan.", 24),
            "  - Alla som deltar bör\n    hålla sig till\n    agendan."
        );
        assert_eq!(
            wrap("✗ Inte tillåtna: Microsoft Teams, Zoom", 20),
            "✗ Inte tillåtna:\n  Microsoft Teams,\n  Zoom"
        );
        assert_eq!(
            wrap("- [x] Säkerställ att endast behöriga deltar", 22),
            "- [x] Säkerställ att\n      endast behöriga\n      deltar"
        );
        assert_eq!(
            wrap("  10. Förtroendevald på distans: lämna inte mötet", 24),
            "  10. Förtroendevald på\n      distans: lämna\n      inte mötet"
        );
        // Indentation alone hangs too; a label is no marker.
        assert_eq!(
            wrap("     (Bilaga 6 – Digitala möte, avsnitt ”Tips”)", 26),
            "     (Bilaga 6 – Digitala\n     möte, avsnitt ”Tips”)"
        );
        assert_eq!(
            wrap("Källa: Seko: Policy för inspelning", 20),
            "Källa: Seko: Policy\nför inspelning"
        );
    }

    #[test]
    fn letters_and_marks_count_one_column_each() {
        // 10 columns each: "åäöåäöåäöå" and "✓✗•✓✗•✓✗•✓".
        let line = "åäöåäöåäöå ✓✗•✓✗•✓✗•✓";
        assert_eq!(line.width(), 21);
        assert_eq!(wrap(line, 21), line);
        assert_eq!(wrap(line, 20), "åäöåäöåäöå\n✓✗•✓✗•✓✗•✓");
    }

    #[test]
    fn a_dash_stays_with_the_word_before_it() {
        assert_eq!(
            wrap("Informationsklass 3 – säker plattform", 20),
            "Informationsklass\n3 – säker plattform"
        );
        assert_eq!(wrap("ett två – tre", 9), "ett två –\ntre");
    }

    #[test]
    fn the_hanging_indent_is_at_most_half_the_width() {
        assert_eq!(
            wrap("            - ett två tre", 10),
            "            - ett\n     två\n     tre"
        );
    }

    /// Lines from words, markers and indentation, as the reports write
    /// them.
    fn text() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "a",
            "och",
            "å",
            "ärende",
            "sekretessbelagda",
            "✓",
            "✗",
            "•",
            "–",
            "(Motala",
            "”Sekretess”)",
            "informationsklassningsriktlinjerna",
        ]);
        let lead = prop::sample::select(vec![
            "", "  ", "  - ", "  1. ", "  12. ", "✗ ", "! ", "     ", "- [ ] ",
        ]);
        let line = (lead, prop::collection::vec(word, 0..30))
            .prop_map(|(lead, words)| format!("{lead}{}", words.join(" ")));
        prop::collection::vec(line, 0..6).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn rows_fit_unless_one_word_and_the_words_stay(text in text(), width in 1usize..90) {
            let wrapped = wrap(&text, width);
            // Only line breaks and indentation are added: the same words,
            // in the same order.
            prop_assert!(wrapped.split_whitespace().eq(text.split_whitespace()));
            prop_assert!(wrapped.lines().count() >= text.lines().count());
            // A row wider than the width holds a single piece after its
            // indentation and marker.
            for row in wrapped.split('\n') {
                if row.width() > width {
                    let body = &row[lead_len(row)..];
                    prop_assert!(units(body).len() <= 1, "{:?} at {}", row, width);
                }
            }
            // Wrapping again changes nothing.
            prop_assert_eq!(wrap(&wrapped, width), wrapped.clone());
        }
    }
}
