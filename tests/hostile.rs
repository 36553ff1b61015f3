//! Hostile input (issue 10): answers and content files nested 100,000
//! levels deep, content folders with link loops, links to `/` and to
//! `/dev/zero`, FIFOs and thousands of copies of one rule, terminal escapes
//! and megabytes quoted back from files and arguments, and standard input
//! and output that are not what they should be. Each run has a generous
//! time limit, so what once hung or took minutes fails instead of waiting
//! forever; no test asserts a tight time.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Far more than any of these runs needs now; far less than they took.
const LIMIT: Duration = Duration::from_secs(60);

/// The most of each stream kept: enough to check, not 5 GB.
const KEEP: usize = 4 * 1024 * 1024;

/// A finished run: how it exited, what it wrote (at most [`KEEP`] bytes
/// of each stream) and how much it wrote in all.
struct Ran {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    stderr_bytes: usize,
}

impl Ran {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }
}

/// Reads `from` to its end on a thread, keeping the first [`KEEP`] bytes
/// and counting the rest.
fn drain(mut from: impl Read + Send + 'static) -> std::thread::JoinHandle<(Vec<u8>, usize)> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut total = 0;
        let mut buf = [0u8; 64 * 1024];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n;
            let room = KEEP.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        (kept, total)
    })
}

/// Runs `cmd` (its stdout and stderr piped here unless set) to its end,
/// or kills it and fails the test after [`LIMIT`].
fn finish(mut cmd: Command, what: &str) -> Ran {
    cmd.env("RUST_BACKTRACE", "1").stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd.spawn().expect("start the motesguide binary");
    let out = child.stdout.take().map(drain);
    let err = drain(child.stderr.take().expect("stderr is piped"));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for motesguide") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {LIMIT:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (stdout, _) = out.map_or((Vec::new(), 0), |h| h.join().expect("stdout read"));
    let (stderr, stderr_bytes) = err.join().expect("stderr read");
    Ran {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        stderr_bytes,
    }
}

/// Runs the binary with `args`, no standard input, within [`LIMIT`].
fn run_limited(args: &[&str]) -> Ran {
    let mut cmd = binary();
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped());
    finish(cmd, &format!("{args:?}"))
}

/// `--answers FILE --lang LANG`.
fn answers(file: &Path, lang: &str) -> Ran {
    run_limited(&["--answers", path_str(file), "--lang", lang])
}

/// Bad input: exit 2, nothing on stdout, one paragraph on stderr that
/// holds each of `mentions` and no control character but line ends.
fn refused(ran: &Ran, mentions: &[&str]) {
    assert_eq!(ran.code(), Some(2), "exit code; stderr: {}", ran.stderr);
    assert!(ran.stdout.is_empty(), "stdout: {}", ran.stdout);
    assert!(
        ran.stderr.starts_with("motesguide: "),
        "stderr: {}",
        ran.stderr
    );
    no_controls(&ran.stderr);
    for m in mentions {
        assert!(ran.stderr.contains(m), "`{m}` not in: {}", ran.stderr);
    }
}

/// No character that a terminal would act on, but the line ends.
fn no_controls(text: &str) {
    let bad = text.chars().find(|&c| {
        c != '\n'
            && (c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    });
    assert!(bad.is_none(), "{bad:?} reaches the terminal in: {text:?}");
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// A copy of the built-in content to break.
fn content_copy(label: &str) -> TempDir {
    let dir = TempDir::new(label);
    copy_dir(&content_dir(), dir.path());
    dir
}

fn validate(dir: &Path) -> Ran {
    run_limited(&["validate", "--content", path_str(dir)])
}

// ---- Nesting ----

#[test]
fn answers_nested_a_hundred_thousand_levels_deep_are_refused_at_once() {
    let n = 100_000;
    let dir = TempDir::new("deep-answers");
    let lists = dir.write(
        "lists.yaml",
        format!("{}{}\n", "[".repeat(n), "]".repeat(n)),
    );
    let mappings = dir.write(
        "mappings.yaml",
        format!("{}{}\n", "{a: ".repeat(n), "}".repeat(n)),
    );
    // The 65th list opens at column 65, the 65th mapping at 1 + 4 * 64.
    refused(
        &answers(&lists, "en"),
        &[
            "lists.yaml, line 1, column 65",
            "nested more than 64 levels deep",
        ],
    );
    refused(
        &answers(&mappings, "en"),
        &[
            "mappings.yaml, line 1, column 257",
            "nested more than 64 levels deep",
        ],
    );
    refused(
        &answers(&mappings, "sv"),
        &["mappings.yaml, rad 1, kolumn 257", "mer än 64 nivåer"],
    );
}

#[test]
fn content_files_nested_a_hundred_thousand_levels_deep_are_refused_at_their_place() {
    let n = 100_000;
    let dir = content_copy("deep-content");
    let deep = format!("{}{}", "{any: [".repeat(n), "]}".repeat(n));
    dir.write(
        "rules/99-deep.yaml",
        format!("- id: deep\n  when: {deep}\n  class_at_least: 3\n"),
    );
    dir.write(
        "scenarios/deep.yaml",
        format!("scenario: {}{}\n", "[".repeat(n), "]".repeat(n)),
    );
    // The rule list and its entry are 2 levels; `when` (at column 9) opens
    // two a `{any: [` of 7 characters, so the 65th is its 32nd `{`. The
    // scenario's 65th is its 64th `[`, after `scenario: `.
    let ran = validate(dir.path());
    refused(
        &ran,
        &[
            "rules/99-deep.yaml:2:226: lists and mappings are nested more than 64 levels deep",
            "scenarios/deep.yaml:1:74: lists and mappings are nested more than 64 levels deep",
        ],
    );
}

// ---- Reading a content folder ----

#[test]
fn a_folder_link_loop_in_the_content_folder_is_read_once() {
    let dir = content_copy("link-loop");
    std::os::unix::fs::symlink("..", dir.path().join("rules/loop")).expect("a link");
    std::os::unix::fs::symlink(".", dir.path().join("scenarios/self")).expect("a link");
    let ran = validate(dir.path());
    assert_eq!(ran.code(), Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("sound"), "{}", ran.stdout);
}

#[test]
fn a_link_to_a_folder_outside_the_content_folder_is_refused() {
    let dir = content_copy("link-root");
    std::os::unix::fs::symlink("/", dir.path().join("scenarios/root")).expect("a link");
    refused(
        &validate(dir.path()),
        &["scenarios/root: a link to a folder outside the content folder"],
    );
}

#[test]
fn a_content_file_that_is_a_device_or_a_fifo_is_refused_unread() {
    let dir = content_copy("special");
    let zero = dir.path().join("rules/zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("a link");
    refused(
        &validate(dir.path()),
        &["rules/zero.yaml: not a regular file"],
    );
    std::fs::remove_file(&zero).expect("remove the link");
    let fifo = dir.path().join("scenarios/fifo.yaml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    refused(
        &validate(dir.path()),
        &["scenarios/fifo.yaml: not a regular file"],
    );
}

#[test]
fn a_content_file_over_a_mebibyte_is_refused() {
    let dir = content_copy("large-file");
    let line = "# a content file is a few dozen kilobytes, not megabytes of them\n";
    dir.write(
        "rules/99-large.yaml",
        line.repeat(2 * 1024 * 1024 / line.len()),
    );
    refused(
        &validate(dir.path()),
        &["rules/99-large.yaml: larger than 1024 KiB"],
    );
}

/// However many files a folder holds, it is not read through: past
/// 50 000 entries, or 64 MiB of YAML read in all, it is refused.
#[test]
fn a_content_folder_of_too_many_files_or_bytes_is_refused() {
    let dir = content_copy("many-files");
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).expect("a folder");
    for i in 0..50_000 {
        std::fs::File::create(notes.join(i.to_string())).expect("a file");
    }
    refused(
        &validate(dir.path()),
        &["more than 50000 files and folders"],
    );
    let dir = content_copy("many-bytes");
    // Sparse: no disk is used, and each file is under the 1 MiB limit.
    for i in 0..70 {
        let file = std::fs::File::create(dir.path().join(format!("rules/big-{i:02}.yaml")))
            .expect("a file");
        file.set_len(1000 * 1024).expect("a size");
    }
    refused(&validate(dir.path()), &["more than 64 MiB of YAML in all"]);
    // What is read counts, not what `stat` says: a file under /proc says
    // it holds nothing and holds tens of kilobytes.
    let dir = content_copy("proc-links");
    let links = dir.path().join("rules/proc");
    std::fs::create_dir(&links).expect("a folder");
    for i in 0..4_000 {
        std::os::unix::fs::symlink("/proc/self/smaps", links.join(format!("s{i}.yaml")))
            .expect("a link");
    }
    refused(&validate(dir.path()), &["more than 64 MiB of YAML in all"]);
    // A hidden folder (a checkout's .git) is not read, however full.
    let dir = content_copy("hidden");
    let git = dir.path().join(".git/objects");
    std::fs::create_dir_all(&git).expect("a folder");
    for i in 0..50_001 {
        std::fs::File::create(git.join(i.to_string())).expect("a file");
    }
    let ran = validate(dir.path());
    assert_eq!(ran.code(), Some(0), "{}", ran.stderr);
}

#[test]
fn many_copies_of_a_rule_are_each_reported_once_and_counted_after_twenty() {
    let copies = 5_000;
    let dir = content_copy("copies");
    let mut rules = String::new();
    for i in 0..copies {
        rules.push_str(&format!(
            "- id: copy-{i}\n  when: {{ secrecy: true, screen_sharing: true }}\n  class_at_least: 3\n  explain: {{ sv: Kopia {i}., en: Copy {i}. }}\n  source: motala-2024#sekretess\n"
        ));
    }
    dir.write("rules/99-copies.yaml", rules);
    let ran = validate(dir.path());
    refused(&ran, &[]);
    // Each copy once, against the first: 4,999 problems, not 12.5 million;
    // and at once (the shadowing check took 40 s over so many rules).
    let listed = ran
        .stderr
        .matches("duplicates rule `copy-0` (rules/99-copies.yaml:1:7)")
        .count();
    assert_eq!(listed, 20, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("  … and 4,979 more like the one above\n"),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr_bytes < 20_000, "{} bytes", ran.stderr_bytes);
    let json = run_limited(&[
        "validate",
        "--content",
        path_str(dir.path()),
        "--format",
        "json",
    ]);
    assert_eq!(json.code(), Some(2), "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("one JSON object");
    let duplicates = value["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| {
            p["message"]
                .as_str()
                .is_some_and(|m| m.contains("duplicates rule"))
        })
        .count();
    assert_eq!(duplicates, copies - 1);
}

// ---- Terminal escapes and megabytes quoted back ----

const PWNED: &str = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";

#[test]
fn control_characters_in_an_answers_file_never_reach_the_terminal() {
    let dir = TempDir::new("escapes");
    let key = dir.write("key.yaml", "\"\\e]0;PWNED\\a\\e[2J\": 1\n");
    refused(
        &answers(&key, "en"),
        &["key.yaml, line 1, column 1: unknown key", "accepted keys"],
    );
    let value = dir.write("value.yaml", "meeting_type: \"\\e]0;PWNED\\a\\e[2J\"\n");
    refused(
        &answers(&value, "en"),
        &["`\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J`", "accepted: ordinary"],
    );
    let twice = dir.write("twice.yaml", "\"\\e[2J\": 1\n\"\\e[2J\": 2\n");
    refused(
        &answers(&twice, "en"),
        &["twice.yaml, line 2, column 1", "given twice"],
    );
    // The file's own name.
    let named = dir.write(&format!("{PWNED}.yaml"), "secrecy: maybe\n");
    refused(
        &answers(&named, "en"),
        &["\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J.yaml, line 1"],
    );
    // Bidirectional overrides reorder what is read.
    let bidi = dir.write("bidi.yaml", "meeting_type: \"a\u{202e}b\u{2066}c\"\n");
    refused(&answers(&bidi, "en"), &["`a\\u{202e}b\\u{2066}c`"]);
}

#[test]
fn a_megabyte_value_is_not_echoed_whole() {
    let dir = TempDir::new("megabyte");
    let value = "x".repeat(1_000_000);
    let path = dir.write("big.yaml", format!("meeting_type: {value}\n"));
    let ran = answers(&path, "en");
    refused(
        &ran,
        &["big.yaml, line 1, column 15", "xxx…`", "accepted: ordinary"],
    );
    assert!(ran.stderr_bytes < 1000, "{} bytes", ran.stderr_bytes);
    // A key a megabyte long, and a list item.
    // An explicit key: an implicit one ends at 1024 characters.
    let path = dir.write("key.yaml", format!("? {value}\n: 1\n"));
    let ran = answers(&path, "en");
    refused(&ran, &["line 1, column 3: unknown key `xxx"]);
    assert!(ran.stderr_bytes < 1000, "{} bytes", ran.stderr_bytes);
    let path = dir.write("item.yaml", format!("sensitive_data: [{value}]\n"));
    let ran = answers(&path, "en");
    refused(&ran, &["cannot contain `xxx"]);
    assert!(ran.stderr_bytes < 1000, "{} bytes", ran.stderr_bytes);
}

#[test]
fn a_file_that_is_no_answers_file_is_not_quoted() {
    let dir = TempDir::new("not-answers");
    let secret = "root:$6$Kq3pXz9a$Wm0vLx2QhS7bN4tY8uR1eI5oP6aD3fG:19000:0:99999:7:::";
    let shadow = dir.write("shadow", format!("{secret}\ndaemon:*:19000:0:99999:7:::\n"));
    let ran = answers(&shadow, "en");
    refused(&ran, &["shadow, line 1, column 1", "not shown"]);
    assert!(!ran.stderr.contains("$6$"), "{}", ran.stderr);
    // Controls that are not YAML: the parser's words are quoted safely.
    let mut binary: Vec<u8> = (1u8..32).filter(|b| *b != b'\n').collect();
    binary.extend_from_slice(b"\x1b[2J\x7f: x\n");
    let path = dir.write("binary.dat", binary);
    refused(&answers(&path, "en"), &["binary.dat"]);
}

#[test]
fn arguments_are_quoted_escaped_and_cut() {
    let long = format!("{PWNED}{}", "y".repeat(100_000));
    let dir = TempDir::new("arguments");
    let answers = dir.write("answers.yaml", "secrecy: true\n");
    let file = path_str(&answers);
    // A path keeps its end, where the file's name is.
    let path = format!("{long}/{PWNED}.yaml");
    for (args, says) in [
        (
            vec!["--answers", file, "--profile", &long, "--lang", "en"],
            "--profile: unknown profile `\\u{1b}]0;PWNED\\u{7}\\u{1b}[2Jyyy",
        ),
        (
            vec!["--answers", file, "--lang", &long],
            "--lang: unknown language `\\u{1b}]0;PWNED",
        ),
        (
            vec!["--code", &long, "--format", "json", "--lang", "en"],
            "--code \\u{1b}]0;PWNED",
        ),
        (
            vec!["--scenario", &long, "--format", "json", "--lang", "en"],
            "--scenario: unknown scenario `\\u{1b}]0;PWNED",
        ),
        (
            vec!["--answers", file, "--format", &long, "--lang", "en"],
            "--format: invalid value `\\u{1b}]0;PWNED",
        ),
        (
            vec!["validate", "--format", &long, "--lang", "en"],
            "--format `\\u{1b}]0;PWNED",
        ),
        (vec![&long, "--lang", "en"], "`\\u{1b}]0;PWNED"),
        (
            vec!["--answers", &path, "--lang", "en"],
            "yyy/\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J.yaml: cannot read",
        ),
    ] {
        let ran = run_limited(&args);
        refused(&ran, &[says]);
        assert!(
            ran.stderr_bytes < 2000,
            "{} bytes: {says}",
            ran.stderr_bytes
        );
    }
}

#[test]
fn content_ids_and_file_names_are_escaped_in_validate() {
    let dir = content_copy("escaped-content");
    let long = "z".repeat(100_000);
    dir.write(
        "rules/99-hostile.yaml",
        format!(
            "- id: \"{}\"\n  when: {{ secrecy: true }}\n  class_at_least: 3\n  explain: {{ sv: x, en: x }}\n  source: \"nowhere{long}\"\n",
            "\\e]0;PWNED\\a\\e[2J"
        ),
    );
    dir.write(&format!("rules/{PWNED}.yml"), "[]\n");
    let ran = validate(dir.path());
    refused(
        &ran,
        &[
            "`\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J`: unknown source `nowherezz",
            "rules/\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J.yml: unexpected file",
        ],
    );
    assert!(ran.stderr_bytes < 10_000, "{} bytes", ran.stderr_bytes);
}

/// A content text can no more drive the reader's terminal than an answers
/// file can: a control or bidirectional character anywhere in a content
/// file, escaped in YAML or written raw, is refused at its place.
#[test]
fn control_characters_in_content_texts_are_refused_at_their_place() {
    // What the title becomes, the character, and what is said of it.
    for (label, title, c, says) in [
        (
            "escape",
            "\"Gemensamma \\e]0;PWNED\\a\\e[2J anvisningar\"",
            '\u{1b}',
            "a control character (U+001B) in a text",
        ),
        (
            "override",
            "\"Gemensamma abc\u{202e}cba anvisningar\"",
            '\u{202e}',
            "a bidirectional formatting character (U+202E) in a text",
        ),
        (
            "tab-escape",
            "\"Gemensamma a\\tb anvisningar\"",
            '\t',
            "a tab (U+0009) in a text; content is plain text: write spaces instead",
        ),
        (
            "tab-in-a-block",
            "|\n    Gemensamma\n    anvisningar\tsäkra digitala möten",
            '\t',
            "a tab (U+0009) in a text",
        ),
    ] {
        let dir = content_copy(&format!("control-{label}"));
        let file = dir.path().join("documents.yaml");
        let text = std::fs::read_to_string(&file).expect("documents.yaml");
        let old = "title: Gemensamma anvisningar säkra digitala möten";
        let edited = text.replacen(old, &format!("title: {title}"), 1);
        assert_ne!(edited, text);
        // Written as it is, the character's own place; as an escape, the
        // start of the text.
        let start = edited.find("title: ").unwrap() + "title: ".len();
        let at = edited[start..].find(c).map_or(start, |i| start + i);
        let line = 1 + edited[..at].matches('\n').count();
        let column = 1 + edited[edited[..at].rfind('\n').unwrap() + 1..at]
            .chars()
            .count();
        std::fs::write(&file, edited).expect("write documents.yaml");
        refused(
            &validate(dir.path()),
            &[&format!("documents.yaml:{line}:{column}: {says}")],
        );
    }
    // Line breaks are text, in either convention.
    let dir = content_copy("control-crlf");
    let file = dir.path().join("warnings.yaml");
    let text = std::fs::read_to_string(&file).expect("warnings.yaml");
    std::fs::write(&file, text.replace('\n', "\r\n")).expect("write warnings.yaml");
    let ran = validate(dir.path());
    assert_eq!(ran.code(), Some(0), "{}", ran.stderr);
}

#[test]
fn plain_mode_echoes_typed_controls_escaped_and_long_lines_cut() {
    let input = format!("{PWNED}{}\nq\n", "w".repeat(3000));
    let dir = TempDir::new("plain-input");
    let file = dir.write("input.txt", input);
    let mut cmd = binary();
    cmd.args(["--plain", "--lang", "en"])
        .stdin(std::fs::File::open(&file).expect("the input file"))
        .stdout(Stdio::piped());
    let ran = finish(cmd, "--plain");
    no_controls(&ran.stdout);
    assert!(ran.stdout.contains("\\u{1b}]0;PWNED"), "{}", ran.stdout);
    let longest = ran.stdout.lines().map(|l| l.chars().count()).max();
    assert!(longest.is_some_and(|n| n <= 200), "a line of {longest:?}");
}

// ---- What the messages say ----

#[test]
fn an_unknown_item_of_a_list_is_named_with_the_accepted_ones() {
    let dir = TempDir::new("list-item");
    let path = dir.write("answers.yaml", "sensitive_data: [health, bogus]\n");
    refused(
        &answers(&path, "en"),
        &[
            "answers.yaml, line 1, column 26: `sensitive_data` cannot contain `bogus`",
            "health, sex_life",
        ],
    );
    refused(
        &answers(&path, "sv"),
        &["rad 1, kolumn 26: `sensitive_data` kan inte innehålla `bogus`"],
    );
    let path = dir.write(
        "nested.yaml",
        "sensitive_data:\n  - health\n  - [trade_union]\n",
    );
    refused(
        &answers(&path, "en"),
        &["line 3, column 5: `sensitive_data` cannot contain a list"],
    );
}

#[test]
fn a_key_given_twice_is_pointed_at_its_second_occurrence() {
    let dir = TempDir::new("twice");
    let path = dir.write(
        "answers.yaml",
        "secrecy: true\nrecording: none\n  \nsecrecy: false\n",
    );
    refused(
        &answers(&path, "en"),
        &["answers.yaml, line 4, column 1: the key `secrecy` is given twice"],
    );
    refused(
        &answers(&path, "sv"),
        &["rad 4, kolumn 1: nyckeln `secrecy` anges två gånger"],
    );
}

#[test]
fn a_folder_as_standard_input_is_bad_input_that_names_it() {
    let dir = TempDir::new("stdin-folder");
    for (lang, says) in [
        ("en", "standard input cannot be read (it is a folder)"),
        ("sv", "standardinmatningen kan inte läsas (det är en mapp)"),
    ] {
        let mut cmd = binary();
        cmd.args(["--plain", "--lang", lang])
            .stdin(std::fs::File::open(dir.path()).expect("open the folder"))
            .stdout(Stdio::piped());
        refused(&finish(cmd, "--plain < folder"), &[says]);
    }
}

#[test]
fn a_closed_standard_output_is_a_failure_said_on_stderr() {
    let dir = TempDir::new("closed-stdout");
    let answers = dir.write("answers.yaml", "secrecy: true\n");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "exec \"$0\" \"$@\" >&-"])
        .arg(env!("CARGO_BIN_EXE_motesguide"))
        .args([
            "--answers",
            path_str(&answers),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .stdin(Stdio::null());
    let ran = finish(cmd, ">&-");
    assert_eq!(ran.code(), Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("standard output is closed"),
        "{}",
        ran.stderr
    );
    // /dev/null is no closed output, opened for writing as a shell's
    // `> /dev/null` does, nor for reading and writing as Python's
    // `subprocess.DEVNULL` and systemd's `StandardOutput=null` do.
    for (redirect, read_too) in [("> /dev/null", false), ("<> /dev/null", true)] {
        let null = std::fs::OpenOptions::new()
            .read(read_too)
            .write(true)
            .open("/dev/null")
            .expect("/dev/null");
        let mut cmd = binary();
        cmd.args(["--answers", path_str(&answers), "--format", "json"])
            .stdin(Stdio::null())
            .stdout(null);
        let ran = finish(cmd, redirect);
        assert_eq!(ran.code(), Some(0), "{redirect}: {}", ran.stderr);
        assert!(ran.stderr.is_empty(), "{redirect}: {}", ran.stderr);
    }
}

#[test]
fn a_reader_gone_before_the_output_is_a_failure_said_in_one_line() {
    let dir = TempDir::new("gone-reader");
    let answers = dir.write("answers.yaml", "secrecy: true\n");
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut cmd = binary();
    cmd.args(["--answers", path_str(&answers), "--lang", "en"])
        .stdin(Stdio::null())
        .stdout(writer);
    let ran = finish(cmd, "| (closed)");
    assert_eq!(ran.code(), Some(1), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "motesguide: standard output was closed by its reader before everything was written\n"
    );
}
