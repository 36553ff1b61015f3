//! A program started in a pseudo-terminal at 80x24, exactly as a person
//! would start it from a shell (its own session, the terminal as its
//! controlling terminal and standard input, output and error), and timed
//! to its first frame. Shared by the start-up and scale benchmarks.
//!
//! Written on the C library rather than portable-pty (which the tests use)
//! because what is timed here is every program's own start, and the
//! harness' share of each figure is what no program can win back: glibc's
//! `posix_spawn` starts the child without copying this process (portable-pty
//! forks, then closes descriptors one by one in the child), and the
//! terminal is read on this thread, without a hand-over to another. Echo,
//! the wizard and whiptail are all started this way; the start-up
//! benchmark reports what starting `echo` costs beside them.

use std::ffi::{CStr, CString};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::time::{Duration, Instant};

/// The start page's title: the first frame has been drawn once it arrives.
#[allow(dead_code)]
const FIRST_FRAME: &str = "Styrdokument";

/// The last words the start page draws (the footer's quit key): the whole
/// first frame has arrived once they have.
#[allow(dead_code)]
pub const WHOLE_FIRST_FRAME: &str = "Avsluta";

/// A program that has drawn its first frame. Dropped without
/// [`Wizard::quit`] or [`Wizard::kill`] (a panic), it is killed and
/// reaped.
pub struct Wizard {
    master: OwnedFd,
    /// Whether the process has been waited for.
    reaped: bool,
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
/// ones (and `TERM=xterm-256color`) in an 80x24 pseudo-terminal, and waits
/// up to `limit` for `marker` in what it writes: any full-screen program,
/// timed the same way.
pub fn start_until(
    bin: &str,
    args: &[&str],
    env: &[(&str, &str)],
    marker: &str,
    limit: Duration,
) -> Started {
    let (master, slave_path) = open_terminal();
    let argv = c_strings(
        std::iter::once(bin)
            .chain(args.iter().copied())
            .map(str::to_owned),
    );
    let envp = c_strings(environment(env));
    let spawn = Spawn::new(&slave_path);

    let start = Instant::now();
    let pid = spawn.run(&argv, &envp);
    let mut seen = Vec::new();
    loop {
        let left = limit.saturating_sub(start.elapsed());
        match read_some(&master, left) {
            Read::Bytes(chunk) => {
                // Only the new bytes, and the marker's length before them,
                // can complete it.
                let from = seen.len().saturating_sub(marker.len());
                seen.extend_from_slice(&chunk);
                if contains(&seen[from..], marker.as_bytes()) {
                    return Started::Frame(Wizard {
                        master,
                        reaped: false,
                        pid: pid as u32,
                        first_frame: start.elapsed(),
                    });
                }
            }
            // The terminal closed: the program has exited.
            Read::Closed => {
                return Started::Exited {
                    code: wait(pid),
                    screen: screen(&seen),
                };
            }
            Read::TimedOut => {
                // SAFETY: a plain system call on the child's process id.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                wait(pid);
                return Started::TimedOut {
                    screen: screen(&seen),
                };
            }
        }
    }
}

impl Wizard {
    /// Quits with `q` and waits for the process to end; one that has not
    /// ended 10 s later is killed (and the benchmark says so).
    pub fn quit(mut self) {
        // SAFETY: writes one byte from a live buffer to an open descriptor.
        let sent = unsafe { libc::write(self.master.as_raw_fd(), b"q".as_ptr().cast(), 1) };
        assert_eq!(sent, 1, "send q");
        // Read what it writes on its way out, so that it never waits for
        // room in a full terminal, until the terminal closes.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match read_some(
                &self.master,
                deadline.saturating_duration_since(Instant::now()),
            ) {
                Read::Bytes(_) => continue,
                Read::Closed => break,
                Read::TimedOut => {
                    self.end();
                    panic!("the program did not quit on q within 10 s");
                }
            }
        }
        wait(self.pid as i32);
        self.reaped = true;
    }

    /// Ends the program without asking (for one that does not quit on `q`).
    #[allow(dead_code)]
    pub fn kill(mut self) {
        self.end();
    }

    fn end(&mut self) {
        if !self.reaped {
            // SAFETY: a plain system call on the child's own process id,
            // not yet reaped, so not reused.
            unsafe { libc::kill(self.pid as i32, libc::SIGKILL) };
            wait(self.pid as i32);
            self.reaped = true;
        }
    }
}

impl Drop for Wizard {
    fn drop(&mut self) {
        self.end();
    }
}

/// A new pseudo-terminal of 80x24: its master side, and the path of its
/// other side for the child to open.
fn open_terminal() -> (OwnedFd, CString) {
    // SAFETY: the usual sequence of C calls on a descriptor this function
    // owns; every result is checked.
    unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(fd >= 0, "a pseudo-terminal");
        let master = OwnedFd::from_raw_fd(fd);
        assert_eq!(libc::grantpt(fd), 0, "grantpt");
        assert_eq!(libc::unlockpt(fd), 0, "unlockpt");
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        assert_eq!(libc::ioctl(fd, libc::TIOCSWINSZ, &size), 0, "set the size");
        (master, CStr::from_ptr(name.as_ptr()).to_owned())
    }
}

/// How the child is started, prepared before the clock starts.
struct Spawn {
    attr: libc::posix_spawnattr_t,
    actions: libc::posix_spawn_file_actions_t,
    _slave_path: CString,
}

impl Spawn {
    /// A new session whose controlling terminal is the one at
    /// `slave_path`, opened as standard input, output and error; default
    /// handling of the signals this process may ignore, none blocked.
    fn new(slave_path: &CString) -> Spawn {
        let slave_path = slave_path.clone();
        // SAFETY: initialising and filling two C structures this value
        // owns; every result is checked.
        unsafe {
            let mut attr = std::mem::zeroed();
            let mut actions = std::mem::zeroed();
            assert_eq!(libc::posix_spawnattr_init(&mut attr), 0);
            assert_eq!(libc::posix_spawn_file_actions_init(&mut actions), 0);
            let mut defaults = std::mem::zeroed();
            libc::sigemptyset(&mut defaults);
            for signal in [
                libc::SIGPIPE,
                libc::SIGCHLD,
                libc::SIGHUP,
                libc::SIGINT,
                libc::SIGQUIT,
                libc::SIGTERM,
            ] {
                libc::sigaddset(&mut defaults, signal);
            }
            let mut none = std::mem::zeroed();
            libc::sigemptyset(&mut none);
            assert_eq!(libc::posix_spawnattr_setsigdefault(&mut attr, &defaults), 0);
            assert_eq!(libc::posix_spawnattr_setsigmask(&mut attr, &none), 0);
            let flags = libc::POSIX_SPAWN_SETSID
                | libc::POSIX_SPAWN_SETSIGDEF as libc::c_short
                | libc::POSIX_SPAWN_SETSIGMASK as libc::c_short;
            assert_eq!(libc::posix_spawnattr_setflags(&mut attr, flags), 0);
            // A session leader that opens a terminal without O_NOCTTY makes
            // it its controlling terminal, as a login shell's is.
            assert_eq!(
                libc::posix_spawn_file_actions_addopen(
                    &mut actions,
                    0,
                    slave_path.as_ptr(),
                    libc::O_RDWR,
                    0
                ),
                0
            );
            for fd in [1, 2] {
                assert_eq!(
                    libc::posix_spawn_file_actions_adddup2(&mut actions, 0, fd),
                    0
                );
            }
            Spawn {
                attr,
                actions,
                _slave_path: slave_path,
            }
        }
    }

    /// Starts the program and returns its process id once it runs.
    fn run(&self, argv: &[CString], envp: &[CString]) -> libc::pid_t {
        let argv_ptrs = pointers(argv);
        let envp_ptrs = pointers(envp);
        let mut pid = 0;
        // SAFETY: every pointer is to a live, NUL-terminated C string or a
        // null-terminated array of them; the structures were initialised.
        let failed = unsafe {
            libc::posix_spawn(
                &mut pid,
                argv[0].as_ptr(),
                &self.actions,
                &self.attr,
                argv_ptrs.as_ptr(),
                envp_ptrs.as_ptr(),
            )
        };
        assert_eq!(
            failed,
            0,
            "cannot start {:?}: {}",
            argv[0],
            std::io::Error::from_raw_os_error(failed)
        );
        pid
    }
}

impl Drop for Spawn {
    fn drop(&mut self) {
        // SAFETY: both were initialised in `new`.
        unsafe {
            libc::posix_spawnattr_destroy(&mut self.attr);
            libc::posix_spawn_file_actions_destroy(&mut self.actions);
        }
    }
}

/// The environment of this process with `TERM` and `extra` set, and
/// without the tool's own variables (a tester's defaults would change
/// what is timed).
fn environment(extra: &[(&str, &str)]) -> impl Iterator<Item = String> {
    let mut vars: Vec<(String, String)> = std::env::vars_os()
        .filter(|(k, _)| !k.as_bytes().starts_with(b"MOTESGUIDE_"))
        .map(|(k, v)| {
            (
                String::from_utf8_lossy(k.as_bytes()).into_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    for (name, value) in std::iter::once(&("TERM", "xterm-256color")).chain(extra) {
        vars.retain(|(k, _)| k != name);
        vars.push(((*name).to_owned(), (*value).to_owned()));
    }
    vars.into_iter().map(|(k, v)| format!("{k}={v}"))
}

fn c_strings(items: impl Iterator<Item = String>) -> Vec<CString> {
    items
        .map(|s| CString::new(s).expect("no NUL inside"))
        .collect()
}

/// A null-terminated array of pointers to `strings`, for exec.
fn pointers(strings: &[CString]) -> Vec<*mut libc::c_char> {
    strings
        .iter()
        .map(|s| s.as_ptr().cast_mut())
        .chain(std::iter::once(std::ptr::null_mut()))
        .collect()
}

enum Read {
    Bytes(Vec<u8>),
    Closed,
    TimedOut,
}

/// What the program writes next, waiting at most `left`.
fn read_some(master: &OwnedFd, left: Duration) -> Read {
    let mut poll = libc::pollfd {
        fd: master.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = left.as_millis().min(i32::MAX as u128) as i32;
    let ready = loop {
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut poll, 1, millis) };
        if ready >= 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break ready;
        }
    };
    if ready == 0 {
        return Read::TimedOut;
    }
    let mut buf = [0u8; 16 * 1024];
    // SAFETY: reads into a live buffer of the length given.
    let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
    // On Linux the master reads EIO once the last holder of the other side
    // has closed it.
    if n <= 0 {
        Read::Closed
    } else {
        Read::Bytes(buf[..n as usize].to_vec())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Waits for the child and returns its exit code (128+n for a signal).
fn wait(pid: libc::pid_t) -> u32 {
    let mut status = 0;
    loop {
        // SAFETY: waits for this process' own child.
        if unsafe { libc::waitpid(pid, &mut status, 0) } == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        assert_eq!(e.kind(), std::io::ErrorKind::Interrupted, "waitpid: {e}");
    }
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status) as u32
    } else {
        128 + libc::WTERMSIG(status) as u32
    }
}

/// What the terminal shows after `bytes`, as text.
fn screen(bytes: &[u8]) -> String {
    let size = |n| std::num::NonZeroU16::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    parser.process(bytes);
    parser.screen().contents().trim().to_owned()
}
