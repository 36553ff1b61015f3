//! Helpers shared by the integration tests: the built-in content, answers
//! by id, the answer space with positions, decisions in words, temporary
//! folders and the built binary.

// Each test crate uses its own part of these helpers.
#![allow(dead_code)]

pub mod large;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use motesguide::content::{self, Answer, Content, QuestionKind};
use motesguide::engine::space::Space;
use motesguide::engine::{Answers, Summary};

/// The content built into the binary, loaded once per test crate.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| content::built_in().expect("the built-in content loads"))
}

/// The index of question `id`.
pub fn question(c: &Content, id: &str) -> usize {
    c.question(id)
        .unwrap_or_else(|| panic!("no question `{id}` in the content"))
}

/// The index of option `option` of question `q`.
pub fn option(c: &Content, q: usize, option: &str) -> usize {
    c.questions[q]
        .option_index(option)
        .unwrap_or_else(|| panic!("question `{}` has no option `{option}`", c.questions[q].id))
}

/// The choice answer `option` to question `id`.
pub fn choice(c: &Content, id: &str, option_id: &str) -> Answer {
    let q = question(c, id);
    Answer::Choice(option(c, q, option_id))
}

pub fn profile(c: &Content, id: &str) -> usize {
    c.profile(id)
        .unwrap_or_else(|| panic!("no profile `{id}` in the content"))
}

pub fn platform(c: &Content, id: &str) -> usize {
    c.platform(id)
        .unwrap_or_else(|| panic!("no platform `{id}` in the content"))
}

pub fn platform_ids(c: &Content, platforms: &[usize]) -> Vec<String> {
    platforms
        .iter()
        .map(|&p| c.platforms[p].id.clone())
        .collect()
}

/// Parses the text of an answers file, panicking with the engine's message.
pub fn answers(c: &Content, text: &str) -> Answers {
    motesguide::engine::parse_answers(c, "test answers", text).unwrap_or_else(|e| panic!("{e}"))
}

/// The lowest clearance among `platforms` under `profile`: how weak the
/// weakest permitted platform is. No platform at all is the strictest
/// outcome there is, so it counts as above every class.
pub fn min_clearance(c: &Content, profile: usize, platforms: &[usize]) -> u16 {
    platforms
        .iter()
        .map(|&p| c.profiles[profile].clearance(p).map_or(0, u16::from))
        .min()
        .unwrap_or(u16::MAX)
}

/// A recording verdict in short: `rec -` (none planned), `rec yes`, `rec no`.
pub fn recording_word(allowed: Option<bool>) -> &'static str {
    match allowed {
        None => "rec -",
        Some(true) => "rec yes",
        Some(false) => "rec no",
    }
}

/// A decision in one short line: `class 3 | sefos,prorenata | rec -`.
pub fn summary_line(c: &Content, s: &Summary) -> String {
    let platforms = if s.digital_allowed {
        platform_ids(c, &s.platforms).join(",")
    } else {
        "no digital".to_owned()
    };
    format!(
        "class {} | {platforms} | {}",
        s.class,
        recording_word(s.recording_allowed)
    )
}

/// Answers in short, for failure messages: every answer not at its default.
pub fn describe(c: &Content, profile: usize, values: &[Answer]) -> String {
    let mut parts = vec![format!("profile: {}", c.profiles[profile].id)];
    for (q, a) in c.questions.iter().zip(values) {
        if *a != q.default {
            parts.push(format!("{}: {}", q.id, q.answer_id(*a)));
        }
    }
    parts.join(", ")
}

/// The answer space with each combination's position, so a test can find
/// the combination that differs from another in one answer.
pub struct Indexed {
    pub space: Space,
    /// How far apart in the enumeration two neighbouring values of each
    /// question are (the last question varies fastest).
    pub strides: Vec<usize>,
    pub len: usize,
}

impl Indexed {
    pub fn of(c: &Content) -> Indexed {
        let space = Space::of(c);
        let mut strides = vec![1; space.values.len()];
        for q in (0..space.values.len().saturating_sub(1)).rev() {
            strides[q] = strides[q + 1] * space.values[q + 1].len();
        }
        let len = usize::try_from(space.len()).expect("the space fits in memory");
        Indexed {
            space,
            strides,
            len,
        }
    }

    /// Where value `a` of question `q` stands among the space's values.
    pub fn position(&self, q: usize, a: Answer) -> Option<usize> {
        self.space.values[q].iter().position(|v| *v == a)
    }

    /// Calls `f` with every combination's index, value positions and
    /// values, in the order of [`Space::for_each`].
    pub fn for_each(&self, mut f: impl FnMut(usize, &[usize], &[Answer])) {
        let mut digits = vec![0usize; self.space.values.len()];
        let mut index = 0;
        self.space.for_each(|values| {
            f(index, &digits, values);
            index += 1;
            for q in (0..digits.len()).rev() {
                digits[q] += 1;
                if digits[q] < self.space.values[q].len() {
                    break;
                }
                digits[q] = 0;
            }
        });
        assert_eq!(
            index, self.len,
            "Space::for_each visits every combination once"
        );
    }
}

/// Every non-empty subset of `bits`.
pub fn nonempty_subsets(bits: u64) -> Vec<u64> {
    let mut out = Vec::new();
    // Walks the subsets of `bits` downwards: s = (s - 1) & bits.
    let mut s = bits;
    while s != 0 {
        out.push(s);
        s = (s - 1) & bits;
    }
    out
}

/// The multi-choice questions and, for each, the option bits no condition
/// names on its own: the options the space collapses to one representative.
pub fn collapsed_options(c: &Content) -> Vec<(usize, u64)> {
    let named = motesguide::engine::space::named_options(c);
    c.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuestionKind::Multi)
        .map(|(i, q)| {
            let all = (1u64 << q.options.len()) - 1;
            (i, all & !named[i])
        })
        .collect()
}

/// A fresh, empty folder under the system's temporary folder, removed when
/// the guard is dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "motesguide-test-{label}-{}-{n}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).expect("create a temporary folder");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a folder");
        }
        std::fs::write(&path, bytes).expect("write a temporary file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The repository's `content/` folder.
pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy's folder");
    for entry in std::fs::read_dir(from).expect("read the folder to copy") {
        let entry = entry.expect("read a folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// A copy of the built-in content in a fresh temporary folder, with
/// `edit` applied to the text of `file`; the edit must change something.
/// The folder stays until the caller removes it (a test may hand it to the
/// binary and read it again).
pub fn edited_content(label: &str, file: &str, edit: impl FnOnce(String) -> String) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "motesguide-edited-{label}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&content_dir(), &dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read the file to edit");
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit changed nothing");
    std::fs::write(&path, changed).expect("write the edited file");
    dir
}

/// Runs the built binary with `args` and, if given, `stdin`. A panic
/// would print a backtrace with RUST_BACKTRACE set, so it is set: no
/// backtrace may reach the user either way.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_env(args, &[], stdin)
}

/// The tool's environment variables, which a test sets only on purpose.
pub const MOTESGUIDE_VARIABLES: [&str; 3] = [
    "MOTESGUIDE_CONTENT",
    "MOTESGUIDE_PROFILE",
    "MOTESGUIDE_LANG",
];

/// The built binary as a command without the tool's own environment
/// variables, so the tester's do not leak in.
pub fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_motesguide"));
    for name in MOTESGUIDE_VARIABLES {
        cmd.env_remove(name);
    }
    cmd
}

/// [`run`] with environment variables `vars` set; the tool's own
/// variables are otherwise removed.
pub fn run_env(args: &[&str], vars: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    let mut cmd = binary();
    cmd.envs(vars.iter().copied())
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start the motesguide binary");
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // The program may stop reading early (a file too large): a broken
        // pipe here is its answer, not a test failure.
        let _ = pipe.write_all(bytes);
    }
    child.wait_with_output().expect("wait for motesguide")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A successful run: exit 0, nothing on stderr.
pub fn ok(args: &[&str], stdin: Option<&[u8]>) -> String {
    let o = run(args, stdin);
    assert_eq!(o.status.code(), Some(0), "{args:?} failed: {}", stderr(&o));
    assert!(
        o.stderr.is_empty(),
        "{args:?} wrote to stderr: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// Bad input: exit 2, nothing on stdout, and on stderr one paragraph with
/// no panic or backtrace that holds every one of `mentions`.
pub fn bad_input(o: &Output, mentions: &[&str]) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(
        o.stdout.is_empty(),
        "stdout must stay empty, got: {}",
        stdout(o)
    );
    let text = err.trim_end();
    assert!(
        text.starts_with("motesguide: "),
        "the message says who speaks: {err}"
    );
    assert!(!text.contains("\n\n"), "one paragraph, got: {err}");
    for word in [
        "panicked",
        "RUST_BACKTRACE",
        "stack backtrace",
        "internal error",
    ] {
        assert!(!err.contains(word), "`{word}` in: {err}");
    }
    for m in mentions {
        assert!(err.contains(m), "the message lacks `{m}`: {err}");
    }
    err
}
