//! How many colours the terminal reads, and a writer that speaks to one
//! with sixteen.
//!
//! crossterm writes every colour, the sixteen named ones included, as a
//! 256-colour index (`38;5;n`, `48;5;n`), which an 8/16-colour terminal
//! (`TERM=xterm`, `linux`, `screen`) may misread or ignore. The theme uses
//! named colours only, and index `n` < 16 is by definition the terminal's
//! own colour `n`, so rewriting those codes to the basic ones (`30+n`,
//! `90+n−8` and for backgrounds `40+n`, `100+n−8`) gives the same colour
//! exactly. The rewrite works on the bytes, after crossterm, because
//! ratatui has no colour that crossterm writes with a basic code.

use std::io::{self, Write};

/// What the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// 8 or 16 colours: only the basic SGR colour codes.
    Basic,
    /// 256 colours or more: crossterm's output as it is.
    Extended,
}

/// `TERM` values of terminals with 256 colours or more whose names do not
/// say so.
const EXTENDED_TERMS: [&str; 7] = [
    "alacritty",
    "contour",
    "foot",
    "foot-extra",
    "wezterm",
    "xterm-ghostty",
    "xterm-kitty",
];

impl Palette {
    /// The palette the environment describes, from the values of `TERM`
    /// and `COLORTERM`. Anything not known to have 256 colours counts as
    /// basic: the basic codes read right on every colour terminal, so
    /// guessing low costs nothing.
    pub fn detect(term: Option<&str>, colorterm: Option<&str>) -> Palette {
        let colorterm = colorterm.unwrap_or_default().to_ascii_lowercase();
        let term = term.unwrap_or_default().to_ascii_lowercase();
        let extended = matches!(colorterm.as_str(), "truecolor" | "24bit")
            || ["256color", "direct", "truecolor"]
                .iter()
                .any(|s| term.contains(s))
            || EXTENDED_TERMS.contains(&term.as_str());
        if extended {
            Palette::Extended
        } else {
            Palette::Basic
        }
    }

    /// [`Palette::detect`] on this process's environment.
    pub fn from_env() -> Palette {
        let var = |name| std::env::var(name).ok();
        Palette::detect(var("TERM").as_deref(), var("COLORTERM").as_deref())
    }

    /// `out`, rewritten for this palette where it needs to be.
    pub fn writer<W: Write + Send + 'static>(self, out: W) -> Box<dyn Write + Send> {
        match self {
            Palette::Basic => Box::new(BasicColours::new(out)),
            Palette::Extended => Box::new(out),
        }
    }
}

/// The longest escape sequence held back to be read whole; a longer one is
/// not one crossterm writes and passes through unread.
const MAX_SEQUENCE: usize = 64;

/// A writer that turns the SGR colour codes crossterm writes into the
/// basic ones, holding back an escape sequence split across writes until
/// it is whole. Everything else passes through unchanged.
#[derive(Debug)]
pub struct BasicColours<W: Write> {
    out: W,
    /// An escape sequence begun but not yet ended.
    pending: Vec<u8>,
}

impl<W: Write> BasicColours<W> {
    pub fn new(out: W) -> Self {
        BasicColours {
            out,
            pending: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Adds one byte to the output, or to the sequence being read.
    fn take(&mut self, byte: u8, done: &mut Vec<u8>) {
        const ESC: u8 = 0x1b;
        if self.pending.is_empty() {
            if byte == ESC {
                self.pending.push(byte);
            } else {
                done.push(byte);
            }
            return;
        }
        if self.pending.len() == 1 {
            if byte == b'[' {
                self.pending.push(byte);
            } else {
                // Not a control sequence: let it pass.
                done.append(&mut self.pending);
                self.take(byte, done);
            }
            return;
        }
        match byte {
            // Parameter and intermediate bytes.
            0x20..=0x3f if self.pending.len() < MAX_SEQUENCE => self.pending.push(byte),
            // The final byte: a select-graphic-rendition is rewritten.
            0x40..=0x7e => {
                let params = &self.pending[2..];
                if byte == b'm' && params.iter().all(|b| b.is_ascii_digit() || *b == b';') {
                    let params = String::from_utf8_lossy(params);
                    if let Some(basic) = basic_sgr(&params) {
                        done.extend_from_slice(format!("\x1b[{basic}m").as_bytes());
                    }
                    self.pending.clear();
                } else {
                    done.append(&mut self.pending);
                    done.push(byte);
                }
            }
            _ => {
                done.append(&mut self.pending);
                self.take(byte, done);
            }
        }
    }
}

impl<W: Write> Write for BasicColours<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut done = Vec::with_capacity(buf.len() + 8);
        for &byte in buf {
            self.take(byte, &mut done);
        }
        self.out.write_all(&done)?;
        Ok(buf.len())
    }

    /// crossterm flushes between whole commands, so nothing is held back
    /// here; should a sequence be half written, it goes out as it is
    /// rather than be lost.
    fn flush(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.out.write_all(&pending)?;
        self.out.flush()
    }
}

/// The parameters of an SGR sequence with its colours in basic codes:
/// a 256-colour index below 16 as the same colour's basic code, any other
/// index or RGB colour as the terminal's default colour, and underline
/// colours (which such terminals lack) left out. `None` when nothing is
/// left: an empty SGR would reset every attribute.
pub fn basic_sgr(params: &str) -> Option<String> {
    let params: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(params.len());
    let mut dropped = false;
    let mut i = 0;
    while i < params.len() {
        let kind = params[i];
        let extended = matches!(kind, "38" | "48" | "58");
        let (colour, used) = match params.get(i + 1).copied() {
            Some("5") if extended => (params.get(i + 2).and_then(|n| n.parse::<u8>().ok()), 3),
            Some("2") if extended => (None, 5),
            _ => {
                if kind == "59" {
                    // Resets the underline colour, which is never set.
                    dropped = true;
                } else {
                    out.push(kind.to_owned());
                }
                i += 1;
                continue;
            }
        };
        i += used;
        let (base, bright, default) = match kind {
            "38" => (30, 90, 39),
            "48" => (40, 100, 49),
            _ => {
                dropped = true;
                continue;
            }
        };
        out.push(
            match colour {
                Some(n @ 0..=7) => base + u16::from(n),
                Some(n @ 8..=15) => bright + u16::from(n - 8),
                _ => default,
            }
            .to_string(),
        );
    }
    (!(dropped && out.is_empty())).then(|| out.join(";"))
}

#[cfg(test)]
mod tests {
    use ratatui::backend::IntoCrossterm;
    use ratatui::crossterm::queue;
    use ratatui::crossterm::style::{Colored, Colors, SetColors};
    use ratatui::style::{Color, Style};

    use super::*;
    use crate::tui::theme::Theme;

    /// The sixteen named colours in ANSI order: black … white.
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];

    /// What the wizard's backend writes to set `fg` and `bg`, through the
    /// basic writer.
    fn written(fg: Color, bg: Color) -> String {
        // crossterm reads NO_COLOR itself and would write no colour at
        // all; these tests are about the rewriting.
        Colored::set_ansi_color_disabled(false);
        let mut w = BasicColours::new(Vec::new());
        queue!(
            w,
            SetColors(Colors::new(fg.into_crossterm(), bg.into_crossterm()))
        )
        .unwrap();
        w.flush().unwrap();
        String::from_utf8(w.get_ref().clone()).unwrap()
    }

    fn through(bytes: &[u8]) -> Vec<u8> {
        let mut w = BasicColours::new(Vec::new());
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
        w.get_ref().clone()
    }

    #[test]
    fn every_named_colour_gets_its_basic_code() {
        for (n, colour) in NAMED.into_iter().enumerate() {
            let (fg, bg) = if n < 8 {
                (30 + n, 40 + n)
            } else {
                (90 + n - 8, 100 + n - 8)
            };
            assert_eq!(
                written(colour, colour),
                format!("\x1b[{fg};{bg}m"),
                "{colour:?}"
            );
        }
        assert_eq!(written(Color::Reset, Color::Reset), "\x1b[39;49m");
    }

    #[test]
    fn every_theme_colour_is_named_and_written_with_a_basic_code() {
        for colour in [true, false] {
            for presentation in [true, false] {
                let Theme {
                    title,
                    heading,
                    strong,
                    selected,
                    key,
                    permitted,
                    forbidden,
                    warning,
                    border,
                    error,
                } = Theme::new(colour, presentation);
                let styles = [
                    title, heading, strong, selected, key, permitted, forbidden, warning, border,
                    error,
                ];
                for Style {
                    fg,
                    bg,
                    underline_color,
                    ..
                } in styles
                {
                    assert_eq!(underline_color, None);
                    let (fg, bg) = (fg.unwrap_or(Color::Reset), bg.unwrap_or(Color::Reset));
                    for c in [fg, bg] {
                        assert!(c == Color::Reset || NAMED.contains(&c), "{c:?}");
                    }
                    let out = written(fg, bg);
                    assert!(!out.contains(";5;") && !out.contains("[5;"), "{out:?}");
                    assert!(out.starts_with("\x1b[") && out.ends_with('m'), "{out:?}");
                }
            }
        }
    }

    #[test]
    fn other_colours_fall_back_to_the_default_and_underline_colours_go() {
        assert_eq!(basic_sgr("38;5;196").as_deref(), Some("39"));
        assert_eq!(basic_sgr("48;2;10;20;30").as_deref(), Some("49"));
        assert_eq!(basic_sgr("1;58;5;3;7").as_deref(), Some("1;7"));
        assert_eq!(basic_sgr("58;5;3"), None);
        assert_eq!(basic_sgr("59"), None);
        // An empty SGR is a reset, and stays one.
        assert_eq!(basic_sgr("").as_deref(), Some(""));
        assert_eq!(basic_sgr("0;1;22;27").as_deref(), Some("0;1;22;27"));
        assert_eq!(through(b"\x1b[58;5;3m"), b"");
    }

    #[test]
    fn a_sequence_split_across_writes_is_rewritten_whole() {
        let mut w = BasicColours::new(Vec::new());
        for byte in b"a\x1b[38;5;2;48;5;9mb" {
            w.write_all(&[*byte]).unwrap();
        }
        assert_eq!(w.get_ref(), b"a\x1b[32;101mb");
    }

    #[test]
    fn text_and_other_sequences_pass_unchanged() {
        for bytes in [
            &b"38;5;1 as text, \xc3\xa5 \xe2\x9c\x93"[..],
            b"\x1b[5;10H",
            b"\x1b[?1049h",
            b"\x1b7\x1b[1m",
            b"\x1b\x1b[31m",
        ] {
            assert_eq!(through(bytes), bytes, "{bytes:?}");
        }
    }

    #[test]
    fn only_terminals_known_to_have_256_colours_get_them() {
        for term in [
            "xterm",
            "linux",
            "vt100",
            "screen",
            "tmux",
            "rxvt-unicode",
            "ansi",
            "",
        ] {
            assert_eq!(Palette::detect(Some(term), None), Palette::Basic, "{term}");
        }
        assert_eq!(Palette::detect(None, None), Palette::Basic);
        assert_eq!(
            Palette::detect(Some("xterm"), Some("gnome-terminal")),
            Palette::Basic
        );
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "xterm-direct",
            "alacritty",
            "xterm-kitty",
            "XTERM-256COLOR",
        ] {
            assert_eq!(
                Palette::detect(Some(term), None),
                Palette::Extended,
                "{term}"
            );
        }
        for colorterm in ["truecolor", "24bit", "TrueColor"] {
            assert_eq!(
                Palette::detect(Some("xterm"), Some(colorterm)),
                Palette::Extended
            );
        }
    }
}
