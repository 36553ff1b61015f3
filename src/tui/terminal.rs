//! Entering and leaving full-screen mode. Whatever is turned on is turned
//! off again by [`Guard`]'s `Drop` (normal exit, error, `?`) and by the panic
//! hook, so the person's terminal is never left raw, mouse-captured, in the
//! alternate screen or without a cursor.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::error::BadInput;
use crate::messages::Msg;
use crate::text::Lang;
use crate::tui::palette::Palette;

/// Where the wizard draws: standard output, or the terminal itself when
/// standard output is piped (`motesguide --print | …`).
#[derive(Debug)]
pub enum Output {
    Stdout,
    Tty(File),
}

impl Output {
    fn writer(&self) -> io::Result<Box<dyn Write + Send>> {
        Ok(match self {
            Output::Stdout => Box::new(io::stdout()),
            Output::Tty(f) => Box::new(f.try_clone()?),
        })
    }
}

/// Whether drawing goes to /dev/tty, for the panic hook.
static DRAWS_ON_TTY: OnceLock<bool> = OnceLock::new();

/// Picks where to draw, or says why the wizard cannot run here, in
/// `lang`. Checked before anything touches the terminal: without one,
/// entering raw mode would fail halfway.
pub fn output(print: bool, lang: Lang) -> Result<Output, BadInput> {
    let hint = [("hint", Msg::WithoutTerminal.get(lang))];
    if !io::stdin().is_terminal() {
        return Err(BadInput(Msg::NoTerminalIn.fill(lang, &hint)));
    }
    if io::stdout().is_terminal() {
        return Ok(Output::Stdout);
    }
    if print && let Ok(tty) = OpenOptions::new().read(true).write(true).open("/dev/tty") {
        return Ok(Output::Tty(tty));
    }
    Err(BadInput(Msg::NoTerminalOut.fill(lang, &hint)))
}

pub type Term = Terminal<CrosstermBackend<Box<dyn Write + Send>>>;

/// Bytes held before a write: more than a full frame at 80x24 takes.
const FRAME_BUFFER: usize = 16 * 1024;

/// Undoes, on drop, every terminal mode it turned on.
pub struct Guard {
    out: Output,
    raw: bool,
    alternate: bool,
    mouse: bool,
}

impl Guard {
    /// Raw mode, the alternate screen and mouse reports, in that order; a
    /// step that fails leaves the earlier ones to `Drop`. Drawing speaks in
    /// the colours `palette` says the terminal reads.
    pub fn enter(out: Output, palette: Palette) -> io::Result<(Guard, Term)> {
        let _ = DRAWS_ON_TTY.set(matches!(out, Output::Tty(_)));
        install_panic_hook();
        let mut guard = Guard {
            out,
            raw: false,
            alternate: false,
            mouse: false,
        };
        enable_raw_mode()?;
        guard.raw = true;
        let mut w = guard.out.writer()?;
        execute!(w, EnterAlternateScreen)?;
        guard.alternate = true;
        // Pasted text arrives whole, as text, not as keys to act on.
        execute!(w, EnableMouseCapture, EnableBracketedPaste)?;
        guard.mouse = true;
        // A frame leaves in one write, not in crossterm's many small ones.
        let draw = palette.writer(BufWriter::with_capacity(FRAME_BUFFER, guard.out.writer()?));
        let terminal = Terminal::new(CrosstermBackend::new(draw))?;
        Ok((guard, terminal))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(mut w) = self.out.writer() {
            if self.mouse {
                let _ = execute!(w, DisableBracketedPaste, DisableMouseCapture);
            }
            if self.alternate {
                let _ = execute!(w, LeaveAlternateScreen);
            }
            let _ = execute!(w, Show);
        }
        if self.raw {
            let _ = disable_raw_mode();
        }
    }
}

/// Restores the terminal before the panic message is printed, so it can be
/// read; the default hook then runs as usual.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_anyway();
            previous(info);
        }));
    });
}

fn restore_anyway() {
    let out = if DRAWS_ON_TTY.get() == Some(&true) {
        OpenOptions::new()
            .write(true)
            .open("/dev/tty")
            .map(Output::Tty)
            .unwrap_or(Output::Stdout)
    } else {
        Output::Stdout
    };
    if let Ok(mut w) = out.writer() {
        let _ = execute!(
            w,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
    }
    let _ = disable_raw_mode();
}
