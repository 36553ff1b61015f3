//! The benchmark at scale (issue 9): whole commands of the release binary
//! on content folders far larger than the built-in one, generated from the
//! real content plus generated questions and rules (tests/common/large.rs).
//!
//! For each folder (14, 25, 28 and 35 questions): `validate --content`,
//! start-up with `--content` to the first frame in an 80x24
//! pseudo-terminal, and `--content … --answers … --format json` with up to
//! 20 generated yes/no questions answered "vet ej". The issue asks for
//! under 1 s for the first two and under 50 ms for the last on the
//! 35-question folder (about 10^14 combinations).
//!
//! Today `--content` refuses a folder beyond 20 million combinations, so a
//! last part times the same answers in-process (parse, evaluate, JSON
//! report; no whole-space check) with 0 to 20 "vet ej", to show how the
//! evaluation grows with them.
//!
//! Run with `cargo bench --bench scale`. It reports and never fails on a
//! number; a command that exits non-zero, or runs longer than
//! `SCALE_LIMIT_SECS` (default 60), is reported with what it printed.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/figures.rs"]
mod figures;
#[path = "support/pty.rs"]
mod pty;

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::TempDir;
use common::large::{self, FULL, Large};
use figures::{ms, peak_kib, spread};
use motesguide::content;
use motesguide::engine::{self, parse_answers};
use motesguide::report::{self, Report};
use motesguide::text::Lang;
use pty::Started;

/// Generated questions of each folder: 14, 25, 28 and 35 questions in all.
const VARIANTS: [usize; 4] = [3, 14, 17, FULL];
/// "Vet ej" answers in the answers file, where there are enough generated
/// yes/no questions.
const UNKNOWN: usize = 20;
const RUNS: usize = 5;
/// A measurement stops repeating once its runs have taken this long.
const BUDGET: Duration = Duration::from_secs(20);

/// One run's time, or what went wrong.
type Run = Result<Duration, String>;

fn main() {
    let bin = env!("CARGO_BIN_EXE_motesguide");
    let limit = Duration::from_secs(
        std::env::var("SCALE_LIMIT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60),
    );
    let work = TempDir::new("scale");
    let mut full = None;
    for extra in VARIANTS {
        let dir = work.path().join(format!("content-{extra}"));
        let large = large::write(&dir, extra);
        let unknown = large.yes_no.len().min(UNKNOWN);
        let answers = work.write(&format!("answers-{extra}.yaml"), large.answers(unknown));
        let (d, a) = (utf8(&dir), utf8(&answers));
        println!(
            "\n{} questions ({extra} generated, {} of them yes/no): {} combinations",
            large.questions,
            large.yes_no.len(),
            combinations(bin, d, limit)
        );
        report(
            "validate --content",
            measure(|| command(bin, &["validate", "--content", d], limit)),
        );
        report(
            "start-up to first frame, 80x24",
            measure(|| start_up(bin, d, limit)),
        );
        report(
            &format!("--answers ({unknown} vet ej) --format json"),
            measure(|| {
                command(
                    bin,
                    &["--content", d, "--answers", a, "--format", "json"],
                    limit,
                )
            }),
        );
        if extra == FULL {
            full = Some((dir, large));
        }
    }
    if let Some((dir, large)) = full {
        in_process(&dir, &large, limit);
    }
}

/// Runs `once` up to [`RUNS`] times (fewer once [`BUDGET`] is spent); the
/// first failure ends it.
fn measure(mut once: impl FnMut() -> Run) -> Result<Vec<Duration>, String> {
    let started = Instant::now();
    let mut runs = Vec::new();
    while runs.len() < RUNS && (runs.is_empty() || started.elapsed() < BUDGET) {
        runs.push(once()?);
    }
    Ok(runs)
}

fn report(what: &str, measured: Result<Vec<Duration>, String>) {
    match measured {
        Ok(mut runs) => println!("  {what:<36} {}", spread(&mut runs)),
        Err(why) => println!("  {what:<36} FAILED: {}", indent(&why)),
    }
}

/// Runs the binary to its end, or kills it after `limit`.
fn run(bin: &str, args: &[&str], limit: Duration) -> Result<(Duration, Output), String> {
    let child = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {bin}: {e}"))?;
    let pid = child.id();
    let start = Instant::now();
    let (tx, rx) = mpsc::channel();
    let waiter = thread::spawn(move || {
        let out = child.wait_with_output();
        let _ = tx.send((start.elapsed(), out));
    });
    match rx.recv_timeout(limit) {
        Ok((took, out)) => {
            let _ = waiter.join();
            let out = out.map_err(|e| format!("waiting for {bin}: {e}"))?;
            Ok((took, out))
        }
        Err(_) => {
            // The process this benchmark started, by its id.
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            let _ = waiter.join();
            Err(format!("no answer within {} s; killed", limit.as_secs()))
        }
    }
}

/// One timed run of a command that must exit 0.
fn command(bin: &str, args: &[&str], limit: Duration) -> Run {
    let (took, out) = run(bin, args, limit)?;
    if out.status.success() {
        Ok(took)
    } else {
        Err(format!(
            "exit {} after {:.1} ms; stderr:\n{}",
            out.status
                .code()
                .map_or_else(|| "by a signal".to_owned(), |c| c.to_string()),
            ms(took),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The wizard on the folder, timed to its first frame.
fn start_up(bin: &str, dir: &str, limit: Duration) -> Run {
    match pty::start(bin, &["--content", dir], limit) {
        Started::Frame(wizard) => {
            let took = wizard.first_frame;
            wizard.quit();
            Ok(took)
        }
        Started::Exited { code, screen } => Err(format!(
            "exit {code} before a first frame; it showed:\n{screen}"
        )),
        Started::TimedOut { screen } => Err(format!(
            "no first frame within {} s; it showed:\n{screen}",
            limit.as_secs()
        )),
    }
}

/// How many combinations `validate --format json` says the folder has.
fn combinations(bin: &str, dir: &str, limit: Duration) -> String {
    let counted = run(
        bin,
        &["validate", "--content", dir, "--format", "json"],
        limit,
    )
    .ok()
    .and_then(|(_, out)| serde_json::from_slice::<serde_json::Value>(&out.stdout).ok())
    .and_then(|v| v["combinations"].as_u64());
    match counted {
        Some(n) => format!("{n} ({:.1e})", n as f64),
        None => "(validate --format json did not say)".to_owned(),
    }
}

/// Parse, evaluate and JSON report of the largest folder's answers with
/// more and more "vet ej", in this process: the engine without the
/// whole-space check that `--content` runs first. Stops before a step
/// that would, at the growth seen, run past `limit`.
fn in_process(dir: &Path, large: &Large, limit: Duration) {
    println!(
        "\nin-process, {} questions, no whole-space check (parse, evaluate, JSON report):",
        large.questions
    );
    let content = match content::load_unchecked(dir) {
        Ok(c) => c,
        Err(e) => {
            println!("  FAILED to load: {}", indent(&e.to_string()));
            return;
        }
    };
    let steps: Vec<usize> = (0..=large.yes_no.len().min(UNKNOWN)).step_by(4).collect();
    let mut previous: Option<Duration> = None;
    for (i, &unknown) in steps.iter().enumerate() {
        let text = large.answers(unknown);
        let start = Instant::now();
        let answers = match parse_answers(&content, "answers", &text) {
            Ok(a) => a,
            Err(e) => {
                println!("  {unknown:>2} vet ej: FAILED: {e}");
                return;
            }
        };
        let profile = answers.profile_or_default(&content);
        let rec = engine::evaluate(&content, profile, &answers);
        let r = Report::new(&content, &answers, &rec, Lang::Sv);
        black_box(report::json_string(&report::to_json_value(&r)));
        let took = start.elapsed();
        println!("  {unknown:>2} vet ej: {:>10.1} ms", ms(took));
        // The growth from the step before, applied once more.
        let next = previous.map_or(took * 16, |p| {
            took.mul_f64(took.as_secs_f64() / p.as_secs_f64().max(1e-6))
        });
        previous = Some(took);
        if let Some(&after) = steps.get(i + 1)
            && next > limit
        {
            println!(
                "  {after:>2} vet ej: not run; at this growth about {:.0} s, over the {} s limit",
                next.as_secs_f64(),
                limit.as_secs()
            );
            break;
        }
    }
    println!(
        "  peak memory of this process: {} MiB",
        peak_kib("self") / 1024
    );
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// Continuation lines indented under the figure they explain.
fn indent(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\n      ")
}
