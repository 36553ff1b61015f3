//! The wizard started in a pseudo-terminal at 80x24, exactly as a person
//! would start it, and timed to its first frame. Shared by the start-up
//! and scale benchmarks.

use std::io::{Read, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// The start page's title: the first frame has been drawn once it arrives.
#[allow(dead_code)]
const FIRST_FRAME: &str = "Styrdokument";

/// The last words the start page draws (the footer's quit key): the whole
/// first frame has arrived once they have.
#[allow(dead_code)]
pub const WHOLE_FIRST_FRAME: &str = "Avsluta";

/// A wizard that has drawn its first frame.
pub struct Wizard {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// For reading /proc; not every benchmark does.
    #[allow(dead_code)]
    pub pid: u32,
    /// From spawning the process to the first frame's arrival.
    pub first_frame: Duration,
}

/// How a start ended.
pub enum Started {
    Frame(Wizard),
    /// The program exited before a first frame, with this exit code and
    /// what it wrote to the terminal.
    Exited {
        code: u32,
        screen: String,
    },
    /// No first frame within the time allowed; the program was killed.
    TimedOut {
        screen: String,
    },
}

/// Starts `bin` with `args` in an 80x24 pseudo-terminal and waits up to
/// `limit` for its first frame.
#[allow(dead_code)]
pub fn start(bin: &str, args: &[&str], limit: Duration) -> Started {
    start_until(bin, args, &[], FIRST_FRAME, limit)
}

/// Starts `bin` with `args` and the variables `env` besides the inherited
/// ones in an 80x24 pseudo-terminal, and waits up to `limit` for `marker`
/// in what it writes: any full-screen program, timed the same way.
pub fn start_until(
    bin: &str,
    args: &[&str],
    env: &[(&str, &str)],
    marker: &str,
    limit: Duration,
) -> Started {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("the wizard starts");
    drop(pair.slave);
    let pid = child.process_id().expect("a process id");
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let writer = pair.master.take_writer().expect("a writer");
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    loop {
        let left = limit.saturating_sub(start.elapsed());
        match rx.recv_timeout(left) {
            Ok(chunk) => {
                seen.extend(chunk);
                if String::from_utf8_lossy(&seen).contains(marker) {
                    return Started::Frame(Wizard {
                        child,
                        writer,
                        pid,
                        first_frame: start.elapsed(),
                    });
                }
            }
            // The terminal closed: the program has exited.
            Err(RecvTimeoutError::Disconnected) => {
                let code = child.wait().map_or(u32::MAX, |s| s.exit_code());
                return Started::Exited {
                    code,
                    screen: screen(&seen),
                };
            }
            Err(RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                return Started::TimedOut {
                    screen: screen(&seen),
                };
            }
        }
    }
}

impl Wizard {
    /// Quits with `q` and waits for the process to end.
    pub fn quit(mut self) {
        self.writer.write_all(b"q").expect("send q");
        self.writer.flush().expect("flush");
        let _ = self.child.wait();
    }

    /// Ends the program without asking (for one that does not quit on `q`).
    #[allow(dead_code)]
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the terminal shows after `bytes`, as text.
fn screen(bytes: &[u8]) -> String {
    let size = |n| std::num::NonZeroU16::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    parser.process(bytes);
    parser.screen().contents().trim().to_owned()
}
