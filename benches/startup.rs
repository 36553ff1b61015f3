//! Start-up to first frame, peak memory and idle CPU of the wizard, run in a
//! pseudo-terminal at 80x24 exactly as a person would start it; where
//! `whiptail` is installed, a similar whiptail menu started the same way in
//! the same run, in turn, and the ratio of the two; and one
//! `--answers … --format json` run end to end. The wizard is timed both as
//! installed (a copy of the binary) and as the linker left it in target/.
//!
//! Run with `cargo bench --bench startup` (Linux: reads /proc for memory,
//! CPU time and load). Reports figures for the README; never fails on a
//! number. `STARTUP_CANDIDATE=/path/to/motesguide` times another build of
//! the wizard (a different profile, say) in the same rounds.

#[path = "support/figures.rs"]
mod figures;
#[path = "support/pty.rs"]
mod pty;

use std::path::PathBuf;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use figures::{ms, peak_kib, spread};
use pty::{Started, WHOLE_FIRST_FRAME};

/// Starts of each program timed to the first frame, turn about.
const FRAME_RUNS: usize = 40;
/// Starts that wait a second for a key.
const RUNS: usize = 20;
const ANSWERS_RUNS: usize = 30;

/// A realistic answers file: a scenario of the built-in library.
const ANSWERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/content/scenarios/namndsmote-sekretess.yaml"
);

fn main() {
    let built = env!("CARGO_BIN_EXE_motesguide");
    // The binary as `cargo install` or a package puts it: a plain copy.
    // The file the linker wrote starts measurably slower on this machine
    // (about ten more page faults per start, 0.1 to 0.3 ms to the first
    // frame), a property of how that file sits in the page cache, not of
    // the program; whiptail is timed as its package installed it.
    let dir = std::env::temp_dir().join(format!("motesguide-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let installed = dir.join("motesguide");
    std::fs::copy(built, &installed).expect("copy the binary");
    let installed = installed.to_str().expect("a UTF-8 temporary path");
    let whiptail = on_path("whiptail");
    let echo = on_path("echo");
    println!("load average before: {}", load_average());

    // First frames, in turn, each start right after the one before, so all
    // see the same state of a shared machine; one round to warm up.
    let candidate = std::env::var("STARTUP_CANDIDATE").ok();
    let mut candidate_frames = Vec::new();
    let mut frames = [Vec::new(), Vec::new()];
    let mut whiptail_frames = Vec::new();
    let mut echo_frames = Vec::new();
    for run in 0..=FRAME_RUNS {
        let times = [first_frame(installed), first_frame(built)];
        let other_build = candidate.as_deref().map(first_frame);
        let other = whiptail.as_deref().map(whiptail_first_frame);
        let floor = echo.as_deref().map(echo_first_frame);
        if run > 0 {
            for (all, t) in frames.iter_mut().zip(times) {
                all.push(t);
            }
            whiptail_frames.extend(other);
            candidate_frames.extend(other_build);
            echo_frames.extend(floor);
        }
    }
    let names = ["installed (a copy)", "as linked in target/"];
    for (name, runs) in names.iter().zip(&mut frames) {
        // Pair by pair, before `spread` sorts the runs.
        let mut pairs: Vec<f64> = runs
            .iter()
            .zip(&whiptail_frames)
            .map(|(m, w)| m.as_secs_f64() / w.as_secs_f64())
            .collect();
        println!(
            "start-up to the whole first frame, 80x24, {name}: {}",
            spread(runs)
        );
        if !pairs.is_empty() {
            pairs.sort_by(f64::total_cmp);
            let mut whiptail_sorted = whiptail_frames.clone();
            whiptail_sorted.sort();
            println!(
                "  ratio to whiptail: {:.2} (median over median; pair by pair, median {:.2})",
                ms(runs[FRAME_RUNS / 2]) / ms(whiptail_sorted[FRAME_RUNS / 2]),
                pairs[FRAME_RUNS / 2]
            );
        }
    }
    if let Some(path) = &candidate {
        println!(
            "start-up to the whole first frame, 80x24, {path}: {}",
            spread(&mut candidate_frames)
        );
        if !whiptail_frames.is_empty() {
            let mut whiptail_sorted = whiptail_frames.clone();
            whiptail_sorted.sort();
            println!(
                "  ratio to whiptail: {:.2} (median over median)",
                ms(candidate_frames[FRAME_RUNS / 2]) / ms(whiptail_sorted[FRAME_RUNS / 2])
            );
        }
    }
    if whiptail_frames.is_empty() {
        println!("whiptail is not installed: no comparison (apt-get install whiptail)");
    } else {
        println!(
            "whiptail --menu to its whole first frame, same run: {}",
            spread(&mut whiptail_frames)
        );
    }
    if !echo_frames.is_empty() {
        println!(
            "echo to its output, same run (what starting any program here costs): {}",
            spread(&mut echo_frames)
        );
        if !whiptail_frames.is_empty() {
            // Medians, sorted by `spread` above.
            let floor = ms(echo_frames[FRAME_RUNS / 2]);
            let own = |runs: &[Duration]| ms(runs[FRAME_RUNS / 2]) - floor;
            println!(
                "  above that: the wizard {:.2} ms installed, whiptail {:.2} ms (ratio {:.2})",
                own(&frames[0]),
                own(&whiptail_frames),
                own(&frames[0]) / own(&whiptail_frames)
            );
        }
    }

    let mut peaks = Vec::new();
    let mut idle_ticks = Vec::new();
    for _ in 0..RUNS {
        let (peak_kib, idle) = waiting_run(installed);
        peaks.push(peak_kib);
        idle_ticks.push(idle);
    }
    peaks.sort_unstable();
    println!(
        "peak memory (VmHWM): median {} KiB, max {} KiB",
        peaks[RUNS / 2],
        peaks[RUNS - 1]
    );
    println!(
        "CPU while waiting 1 s for a key: {} clock ticks in total over {RUNS} runs",
        idle_ticks.iter().sum::<u64>()
    );

    let mut answers = [Vec::new(), Vec::new()];
    let truth = on_path("true");
    let mut true_runs = Vec::new();
    for _ in 0..ANSWERS_RUNS {
        answers[0].push(answers_run(installed));
        answers[1].push(answers_run(built));
        true_runs.extend(truth.as_deref().map(true_run));
    }
    for (name, runs) in names.iter().zip(&mut answers) {
        println!(
            "--answers {} --format json, end to end, {name}: {}",
            ANSWERS.rsplit('/').next().unwrap_or(ANSWERS),
            spread(runs)
        );
    }
    if !true_runs.is_empty() {
        println!(
            "true, same runs (what starting any program here costs): {}",
            spread(&mut true_runs)
        );
    }
    println!("load average after: {}", load_average());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Starts the wizard and times its whole first frame; quits.
fn first_frame(bin: &str) -> Duration {
    let wizard = started(bin);
    let first = wizard.first_frame;
    wizard.quit();
    first
}

/// Starts the wizard, waits a second for a key that does not come, and
/// reads its CPU time meanwhile and its peak memory; quits.
fn waiting_run(bin: &str) -> (u64, u64) {
    let wizard = started(bin);
    let before = cpu_ticks(wizard.pid);
    thread::sleep(Duration::from_secs(1));
    let idle = cpu_ticks(wizard.pid).saturating_sub(before);
    let peak = peak_kib(&wizard.pid.to_string());
    wizard.quit();
    (peak, idle)
}

/// The wizard started, once its whole first frame has arrived.
fn started(bin: &str) -> pty::Wizard {
    match pty::start_until(bin, &[], &[], WHOLE_FIRST_FRAME, LIMIT) {
        Started::Frame(w) => w,
        Started::Exited { code, screen } => panic!("the wizard exited {code}:\n{screen}"),
        Started::TimedOut { screen } => panic!("no first frame within 10 s:\n{screen}"),
    }
}

const LIMIT: Duration = Duration::from_secs(10);

/// A whiptail menu like the wizard's start page: a title, the same
/// introduction and the two profiles, the whole 80x24 screen. Its buttons
/// are drawn last, so the whole frame has arrived with "<Cancel>" (in the
/// C locale's words).
fn whiptail_first_frame(whiptail: &str) -> Duration {
    let args = [
        "--title",
        "Mötesguide – säkra digitala möten",
        "--menu",
        "Guiden visar vilken plattform mötet får använda, om det får spelas in och \
         vilka checklistor som gäller – med källa i styrdokumenten nedan.\n\nProfil",
        "24",
        "80",
        "2",
        "1",
        "Standard (anvisningar 2024)",
        "2",
        "Bilaga 6 (tidigare riktlinje)",
    ];
    until_killed(whiptail, &args, &[("LC_ALL", "C.UTF-8")], "<Cancel>")
}

/// `echo` started the same way, to its output: the part of every figure
/// above that is the pseudo-terminal, the fork and a C program's start.
fn echo_first_frame(echo: &str) -> Duration {
    until_killed(echo, &["started"], &[], "started")
}

/// The time `bin` takes to write `marker`; then it is ended.
fn until_killed(bin: &str, args: &[&str], env: &[(&str, &str)], marker: &str) -> Duration {
    match pty::start_until(bin, args, env, marker, LIMIT) {
        Started::Frame(w) => {
            let first = w.first_frame;
            w.kill();
            first
        }
        Started::Exited { code, screen } => panic!("{bin} exited {code}:\n{screen}"),
        Started::TimedOut { screen } => panic!("nothing from {bin} within 10 s:\n{screen}"),
    }
}

/// One `--answers FILE --format json` run, from spawning to exit.
fn answers_run(bin: &str) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin)
        .args(["--answers", ANSWERS, "--format", "json"])
        .output()
        .expect("the binary runs");
    let took = start.elapsed();
    assert!(out.status.success(), "--answers failed: {out:?}");
    took
}

/// One run of `true`, from spawning to exit, started as `answers_run`
/// starts the wizard.
fn true_run(bin: &str) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin).output().expect("true runs");
    let took = start.elapsed();
    assert!(out.status.success(), "true failed: {out:?}");
    took
}

/// The full path of `name` on PATH, if it is there.
fn on_path(name: &str) -> Option<String> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .map(|p: PathBuf| p.display().to_string())
}

/// The 1, 5 and 15 minute load averages, as /proc says them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// utime + stime of the process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat; after the name, state is index 0.
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get(11) + get(12)
}
