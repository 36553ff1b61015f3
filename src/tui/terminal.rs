//! Entering and leaving full-screen mode. Whatever is turned on is turned
//! off again by one function, called by [`Guard`]'s `Drop` (normal exit,
//! error, `?`), by the panic hook and on a signal that ends the program
//! (`kill`, a hang-up), so the person's terminal is never left raw,
//! mouse-captured, pasting in brackets, in the alternate screen or without
//! a cursor.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{Frame, Terminal};

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

/// The modes turned on, and the output they were turned on in: what
/// [`restore`] has left to undo.
struct Modes {
    out: Option<Output>,
    raw: bool,
    alternate: bool,
    mouse: bool,
}

static MODES: Mutex<Modes> = Mutex::new(Modes {
    out: None,
    raw: false,
    alternate: false,
    mouse: false,
});

/// Held while a frame is written, so that the terminal is never restored
/// in the middle of one (an escape sequence cut in two would swallow the
/// sequences that restore it).
static FRAME: Mutex<()> = Mutex::new(());

/// The lock whoever held it last: a panic while holding it changes
/// nothing about what it guards.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Undoes, on drop, every terminal mode it turned on.
pub struct Guard {
    _private: (),
}

impl Guard {
    /// Raw mode, the alternate screen and mouse reports, in that order; a
    /// step that fails leaves the earlier ones to `Drop`. Drawing speaks in
    /// the colours `palette` says the terminal reads. From here on a panic
    /// or a signal that ends the program restores the terminal too.
    pub fn enter(out: Output, palette: Palette) -> io::Result<(Guard, Term)> {
        install_panic_hook();
        #[cfg(unix)]
        signals::catch()?;
        // A frame leaves in one write, not in crossterm's many small ones.
        let draw = palette.writer(BufWriter::with_capacity(FRAME_BUFFER, out.writer()?));
        let guard = Guard { _private: () };
        turn_on(out)?;
        let terminal = Terminal::new(CrosstermBackend::new(draw))?;
        Ok((guard, terminal))
    }

    /// Draws one frame, whole: a signal that arrives meanwhile restores
    /// the terminal once the frame is written. The first frame also starts
    /// the watch for signals, which would only have delayed it.
    pub fn draw(&self, term: &mut Term, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        {
            let _frame = lock(&FRAME);
            term.draw(render)?;
        }
        #[cfg(unix)]
        signals::watch()?;
        Ok(())
    }
}

/// Turns the modes on one by one, each recorded as soon as it is on.
fn turn_on(out: Output) -> io::Result<()> {
    let mut modes = lock(&MODES);
    let mut w = out.writer()?;
    modes.out = Some(out);
    enable_raw_mode()?;
    modes.raw = true;
    execute!(w, EnterAlternateScreen)?;
    modes.alternate = true;
    // Pasted text arrives whole, as text, not as keys to act on.
    execute!(w, EnableMouseCapture, EnableBracketedPaste)?;
    modes.mouse = true;
    Ok(())
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// The one way back: turns off, in reverse order, every mode that is on
/// and shows the cursor. What it has undone is forgotten, so a second call
/// (the guard dropped after the panic hook ran) writes nothing.
fn restore() {
    let mut modes = lock(&MODES);
    if let Some(out) = modes.out.take()
        && let Ok(mut w) = out.writer()
    {
        if modes.mouse {
            let _ = execute!(w, DisableBracketedPaste, DisableMouseCapture);
        }
        if modes.alternate {
            let _ = execute!(w, LeaveAlternateScreen);
        }
        let _ = execute!(w, Show);
    }
    if modes.raw {
        let _ = disable_raw_mode();
    }
    modes.raw = false;
    modes.alternate = false;
    modes.mouse = false;
}

/// Restores the terminal before the panic message is printed, so it can be
/// read; the default hook then runs as usual.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// `kill` and hang-ups: SIGHUP, SIGINT, SIGQUIT and SIGTERM restore the
/// terminal and end the program with the status a shell gives a process
/// the signal ended, 128 + its number. (Ctrl-C in the wizard is a key,
/// not SIGINT: raw mode turns the terminal's signals off.)
#[cfg(unix)]
mod signals {
    use std::io;
    use std::sync::{Mutex, Once, TryLockError};
    use std::time::{Duration, Instant};

    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;

    /// How long a signal waits for the frame being written before it
    /// restores the terminal anyway (a terminal that stopped reading, say).
    const FRAME_WAIT: Duration = Duration::from_secs(1);

    /// The signals caught but not yet acted on: from [`catch`] until
    /// [`watch`] hands them to the thread that acts.
    static CAUGHT: Mutex<Option<Signals>> = Mutex::new(None);

    /// Catches the signals, once, before the terminal changes: from here
    /// on one that arrives is kept, not acted on by the default (which
    /// would end the program with the terminal raw).
    pub fn catch() -> io::Result<()> {
        static ONCE: Once = Once::new();
        let mut caught = Ok(());
        ONCE.call_once(|| {
            caught = Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])
                .map(|signals| *super::lock(&CAUGHT) = Some(signals));
        });
        caught
    }

    /// Starts, once, a thread that sleeps until one of the caught signals
    /// comes (a blocking read, no polling), restores the terminal and
    /// exits. Called after the first frame, which it would only delay: a
    /// signal caught before then is acted on as soon as the thread runs.
    pub fn watch() -> io::Result<()> {
        let Some(mut signals) = super::lock(&CAUGHT).take() else {
            return Ok(());
        };
        std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held until the exit: no frame is drawn after this.
                    let _frame = frame_written();
                    super::restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(())
    }

    /// The frame lock once the frame being written is whole, or nothing
    /// when that takes longer than [`FRAME_WAIT`].
    fn frame_written() -> Option<std::sync::MutexGuard<'static, ()>> {
        let deadline = Instant::now() + FRAME_WAIT;
        loop {
            match super::FRAME.try_lock() {
                Ok(frame) => return Some(frame),
                Err(TryLockError::Poisoned(e)) => return Some(e.into_inner()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => return None,
            }
        }
    }
}
