//! A scrollable page of wrapped lines that knows where each selectable
//! entry starts, so the state can keep the highlight in view and a click can
//! be mapped back to the entry under it. Wrapping is done here rather than by
//! `Paragraph` so heights are known before drawing.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines already wrapped to one width, and the line ranges of entries.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub width: usize,
    pub lines: Vec<Line<'static>>,
    /// Entry `i` (an option, a row, a checklist item) covers these lines.
    pub anchors: Vec<Range<usize>>,
}

impl Doc {
    pub fn new(width: u16) -> Doc {
        Doc {
            width: usize::from(width).max(1),
            ..Doc::default()
        }
    }

    pub fn height(&self) -> usize {
        self.lines.len()
    }

    /// One line as given; the renderer cuts what does not fit.
    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A wrapped paragraph in one style.
    pub fn text(&mut self, text: &str, style: Style) {
        self.para(Vec::new(), text, style);
    }

    /// `prefix` and `text` on one line, the text cut with an ellipsis where
    /// it does not fit.
    pub fn clipped(&mut self, mut prefix: Vec<Span<'static>>, text: &str, style: Style) {
        let used: usize = prefix.iter().map(|s| s.content.width()).sum();
        prefix.push(Span::styled(
            truncate(text, self.width.saturating_sub(used)),
            style,
        ));
        self.line(Line::from(prefix));
    }

    /// A paragraph whose first line starts with `prefix` and whose later
    /// lines are indented by the prefix's width: a hanging indent.
    pub fn para(&mut self, prefix: Vec<Span<'static>>, text: &str, style: Style) {
        let indent: usize = prefix.iter().map(|s| s.content.width()).sum();
        self.flow(prefix, text, style, indent);
    }

    /// A paragraph whose first line starts with `first` and whose later
    /// lines are indented by `indent` columns.
    pub fn flow(&mut self, first: Vec<Span<'static>>, text: &str, style: Style, indent: usize) {
        let lead: usize = first.iter().map(|s| s.content.width()).sum();
        // A lead too wide for the line (a long list of names in a narrow
        // window) is wrapped on its own, in its last span's style, and the
        // text follows under it: nothing is cut off.
        if lead + 8 > self.width && !first.is_empty() {
            let lead_style = first.last().map_or(style, |s| s.style);
            let lead_text: String = first.iter().map(|s| s.content.as_ref()).collect();
            let indent = indent.min(self.width.saturating_sub(1));
            let rest = self.width - indent;
            for (i, row) in wrap_widths(lead_text.trim_end(), self.width, rest)
                .into_iter()
                .enumerate()
            {
                let pad = if i == 0 {
                    String::new()
                } else {
                    " ".repeat(indent)
                };
                self.lines.push(Line::from(vec![
                    Span::raw(pad),
                    Span::styled(row, lead_style),
                ]));
            }
            for row in wrap_widths(text, rest, rest) {
                self.lines.push(Line::from(vec![
                    Span::raw(" ".repeat(indent)),
                    Span::styled(row, style),
                ]));
            }
            return;
        }
        let last = self.width.saturating_sub(1);
        let (lead, indent) = (lead.min(last), indent.min(last));
        let rows = wrap_widths(text, self.width - lead, self.width - indent);
        let mut first = Some(first);
        for row in rows {
            let mut spans = first
                .take()
                .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
            spans.push(Span::styled(row, style));
            self.lines.push(Line::from(spans));
        }
    }

    /// A paragraph that opens with a few words in `lead_style`, wrapped as
    /// one text (no hanging indent).
    pub fn lead(&mut self, lead: &str, text: &str, lead_style: Style, style: Style) {
        self.flow(
            vec![Span::styled(format!("{lead} "), lead_style)],
            text,
            style,
            0,
        );
    }

    /// A heading: a blank line before it unless it opens the page.
    pub fn heading(&mut self, text: &str, style: Style) {
        if !self.lines.is_empty() {
            self.blank();
        }
        self.text(text, style);
    }

    /// Records the lines `add` writes as the next entry.
    pub fn anchor(&mut self, add: impl FnOnce(&mut Doc)) {
        let start = self.lines.len();
        add(self);
        self.anchors.push(start..self.lines.len());
    }

    /// The same page with a blank line before every entry that does not
    /// already follow one: more air between choices.
    pub fn spaced(self) -> Doc {
        let mut out = Doc {
            width: self.width,
            lines: Vec::with_capacity(self.lines.len() + self.anchors.len()),
            anchors: Vec::with_capacity(self.anchors.len()),
        };
        let mut starts = self.anchors.iter().map(|r| r.start).peekable();
        let mut shift = 0;
        let mut shifts = Vec::with_capacity(self.lines.len() + 1);
        for (i, line) in self.lines.into_iter().enumerate() {
            while starts.peek().is_some_and(|&s| s < i) {
                starts.next();
            }
            if starts.peek() == Some(&i) && i > 0 && !is_blank(out.lines.last()) {
                out.lines.push(Line::default());
                shift += 1;
            }
            shifts.push(shift);
            out.lines.push(line);
        }
        shifts.push(shift);
        out.anchors = self
            .anchors
            .into_iter()
            .map(|r| {
                r.start + shifts[r.start]..r.end + shifts[r.end.saturating_sub(1).max(r.start)]
            })
            .collect();
        out
    }

    /// The entry drawn on line `line`, if any.
    pub fn anchor_at(&self, line: usize) -> Option<usize> {
        self.anchors.iter().position(|r| r.contains(&line))
    }
}

fn is_blank(line: Option<&Line>) -> bool {
    line.is_none_or(|l| l.spans.iter().all(|s| s.content.trim().is_empty()))
}

/// Word-wraps `text` to rows of at most `width` columns. Explicit line
/// breaks are kept; a word longer than a row is cut where it must be.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_widths(text, width, width)
}

/// As [`wrap`], with a first row of `first` columns and later rows of
/// `rest`.
pub fn wrap_widths(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let room = |rows: &Vec<String>| if rows.is_empty() { first } else { rest }.max(1);
    for para in text.split('\n') {
        let mut row = String::new();
        let mut row_width = 0;
        for word in para.split_whitespace() {
            let w = word.width();
            if row_width > 0 && row_width + 1 + w <= room(&rows) {
                row.push(' ');
                row.push_str(word);
                row_width += 1 + w;
                continue;
            }
            if row_width > 0 {
                rows.push(std::mem::take(&mut row));
                row_width = 0;
            }
            if w <= room(&rows) {
                row.push_str(word);
                row_width = w;
                continue;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if row_width + cw > room(&rows) && row_width > 0 {
                    rows.push(std::mem::take(&mut row));
                    row_width = 0;
                }
                row.push(c);
                row_width += cw;
            }
        }
        rows.push(row);
    }
    rows
}

/// `text` cut to `width` columns, with an ellipsis when it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lead wider than the line loses nothing: every character of lead
    /// and text comes back, in order, within the width.
    #[test]
    fn a_lead_wider_than_the_line_is_wrapped_not_cut() {
        let lead = "✗ Microsoft Teams, Zoom, Sefos, ProRenata – ";
        let text = "Säkerhetsskyddsklassificerad information får inte hanteras.";
        for width in [10u16, 20, 36, 40, 50] {
            let mut d = Doc::new(width);
            d.flow(vec![Span::raw(lead)], text, Style::new(), 2);
            let lines: Vec<String> = d.lines.iter().map(|l| l.to_string()).collect();
            assert!(
                lines.iter().all(|l| l.width() <= usize::from(width)),
                "{lines:?}"
            );
            let got: String = lines.concat().split_whitespace().collect();
            let want: String = format!("{lead}{text}").split_whitespace().collect();
            assert_eq!(got, want, "at {width}");
        }
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("ett två tre fyra", 8), ["ett två", "tre fyra"]);
    }

    #[test]
    fn cuts_words_longer_than_a_row() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn first_row_may_be_narrower() {
        assert_eq!(wrap_widths("aa bb cc dd", 2, 5), ["aa", "bb cc", "dd"]);
    }

    #[test]
    fn keeps_explicit_breaks_and_empty_text() {
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Känsliga personuppgifter", 10), "Känsliga …");
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(truncate("kort", 0), "");
    }

    #[test]
    fn hanging_indent_and_anchors() {
        let mut doc = Doc::new(10);
        doc.anchor(|d| d.para(vec![Span::raw("1 ")], "abc def ghi", Style::new()));
        assert_eq!(doc.height(), 2);
        assert_eq!(doc.lines[1].to_string(), "  ghi");
        assert_eq!(doc.anchor_at(1), Some(0));
        assert_eq!(doc.anchor_at(2), None);
    }
}
