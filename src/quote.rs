//! Input shown back in a message. Whatever a person or a file gave (an
//! answers key or value, a file name, `--code`, a content id, a parser's
//! words that quote the text) passes through here before it reaches a
//! terminal: control characters cannot move the cursor, retitle the window
//! or clear the screen, bidirectional overrides cannot reorder what is
//! read, and a megabyte of input is not echoed whole.

/// The most characters of one value a message shows; longer ones end in
/// "…".
pub const MAX_SHOWN: usize = 60;

/// The most characters of a path a message shows: a path is the person's
/// own (typed, or listed from their folder), a file name alone may have
/// 255 bytes and the whole path 4,096, so far more is kept than of a
/// value, and the end (the file's own name) rather than the start.
pub const MAX_PATH: usize = 1024;

/// The most characters of a whole message that quotes input somewhere
/// inside ([`quote_within`]).
pub const MAX_MESSAGE: usize = 4000;

/// One value as a message shows it: every control character escaped
/// (see [`escape`]) and at most [`MAX_SHOWN`] characters, the rest cut
/// off with "…".
pub fn quote(value: &str) -> String {
    shorten(&escape(value, false), MAX_SHOWN)
}

/// A path as a message shows it: escaped as [`quote`] does, and at most
/// [`MAX_PATH`] characters, the start cut off with "…".
pub fn quote_path(path: &str) -> String {
    let escaped = escape(path, false);
    let count = escaped.chars().count();
    if count <= MAX_PATH {
        return escaped;
    }
    let tail: String = escaped.chars().skip(count - (MAX_PATH - 1)).collect();
    format!("…{tail}")
}

/// A message that quotes input where it cannot be told apart (a parser's
/// or a loader's words): controls escaped, newlines too, every span
/// between backticks or double quotes cut to [`MAX_SHOWN`] characters, and
/// the whole to [`MAX_MESSAGE`].
pub fn quote_within(message: &str) -> String {
    let escaped = escape(message, false);
    let mut out = String::with_capacity(escaped.len().min(MAX_MESSAGE * 4));
    let mut rest = escaped.as_str();
    while let Some(open) = rest.find(['`', '"']) {
        let mark = rest[open..].chars().next().unwrap_or('`');
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        match after.find(mark) {
            Some(close) => {
                out.push_str(&shorten(&after[..close], MAX_SHOWN));
                out.push(mark);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&shorten(after, MAX_SHOWN));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    shorten(&out, MAX_MESSAGE)
}

/// A finished message for the terminal: controls escaped as [`quote`]
/// does, line breaks kept (a list of problems is one a line). Nothing is
/// cut: the values inside were cut where they were quoted.
pub fn for_terminal(message: &str) -> String {
    escape(message, true)
}

/// Whether `c` must not reach a terminal as it is: C0 controls, DEL, C1
/// controls, and the bidirectional marks, embeddings, overrides and
/// isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as an escape: `\t`, `\n`,
/// `\r` by name, the others as `\u{1b}`. With `keep_newlines`, a line
/// break stays one.
fn escape(text: &str, keep_newlines: bool) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to `max` characters, the last of them "…". An escape is not
/// cut in half: it goes whole or not at all.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut kept = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // An escape written above: `\u{…}` or `\n`, `\t`, `\r`.
        let piece = if c == '\\' && text[i..].starts_with("\\u{") {
            let end = text[i..].find('}').map_or(text.len(), |e| i + e + 1);
            &text[i..end]
        } else if c == '\\' && text[i + 1..].starts_with(['n', 't', 'r']) {
            &text[i..i + 2]
        } else {
            &text[i..i + c.len_utf8()]
        };
        let width = piece.chars().count();
        if kept + width > max - 1 {
            break;
        }
        out.push_str(piece);
        kept += width;
        while chars.peek().is_some_and(|(j, _)| *j < i + piece.len()) {
            chars.next();
        }
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        let key = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";
        assert_eq!(quote(key), "\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J");
        assert_eq!(quote("a\u{9b}b\u{7f}"), "a\\u{9b}b\\u{7f}");
        assert_eq!(quote("x\u{202e}y\u{2066}z"), "x\\u{202e}y\\u{2066}z");
        assert_eq!(quote("tab\there\nnext\r"), "tab\\there\\nnext\\r");
        assert_eq!(quote("åäö – ok"), "åäö – ok");
        assert!(!quote(key).chars().any(is_unsafe));
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis_and_escapes_stay_whole() {
        let long = "x".repeat(1_000_000);
        let shown = quote(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN);
        assert!(shown.ends_with("x…"), "{shown}");
        let escapes = "\u{1b}".repeat(30);
        let shown = quote(&escapes);
        assert!(shown.ends_with("\\u{1b}…"), "{shown}");
        assert!(shown.chars().count() <= MAX_SHOWN);
        assert_eq!(quote(&"y".repeat(MAX_SHOWN)), "y".repeat(MAX_SHOWN));
    }

    #[test]
    fn paths_keep_their_end() {
        let path = format!("/{}/answers.yaml", "d".repeat(5000));
        let shown = quote_path(&path);
        assert!(shown.starts_with('…') && shown.ends_with("/answers.yaml"));
        assert_eq!(shown.chars().count(), MAX_PATH);
        assert_eq!(quote_path("/tmp/a\u{1b}.yaml"), "/tmp/a\\u{1b}.yaml");
    }

    #[test]
    fn quoted_spans_inside_a_message_are_cut_one_by_one() {
        let long = "k".repeat(500);
        let message = format!("duplicate entry with key \"{long}\" and `{long}`, then more");
        let shown = quote_within(&message);
        assert!(
            shown.starts_with("duplicate entry with key \"kkk"),
            "{shown}"
        );
        assert!(shown.ends_with("k…`, then more"), "{shown}");
        assert!(shown.len() < 200, "{shown}");
        assert_eq!(
            quote_within("line\nbreak `\u{1b}`"),
            "line\\nbreak `\\u{1b}`"
        );
        assert_eq!(quote_within("unclosed `abc").as_str(), "unclosed `abc");
    }

    #[test]
    fn a_message_for_the_terminal_keeps_its_lines() {
        assert_eq!(for_terminal("a\nb\u{1b}c"), "a\nb\\u{1b}c");
    }
}
