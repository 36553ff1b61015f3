//! Start-up to first frame, peak memory and idle CPU of the wizard, run in a
//! pseudo-terminal at 80x24 exactly as a person would start it.
//!
//! Run with `cargo bench --bench startup` (Linux: reads /proc for memory and
//! CPU time). Reports figures for the README; never fails on a number.

#[path = "support/figures.rs"]
mod figures;
#[path = "support/pty.rs"]
mod pty;

use std::thread;
use std::time::Duration;

use figures::{peak_kib, spread};
use pty::Started;

const RUNS: usize = 20;

fn main() {
    let bin = env!("CARGO_BIN_EXE_motesguide");
    let mut first_frames = Vec::new();
    let mut peaks = Vec::new();
    let mut idle_ticks = Vec::new();
    for _ in 0..RUNS {
        let (first, peak_kib, idle) = one_run(bin);
        first_frames.push(first);
        peaks.push(peak_kib);
        idle_ticks.push(idle);
    }
    println!(
        "start-up to first frame: {}, 80x24",
        spread(&mut first_frames)
    );
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
}

/// Starts the wizard, waits for its first frame, measures, quits.
fn one_run(bin: &str) -> (Duration, u64, u64) {
    let wizard = match pty::start(bin, &[], Duration::from_secs(10)) {
        Started::Frame(w) => w,
        Started::Exited { code, screen } => panic!("the wizard exited {code}:\n{screen}"),
        Started::TimedOut { screen } => panic!("no first frame within 10 s:\n{screen}"),
    };
    let before = cpu_ticks(wizard.pid);
    thread::sleep(Duration::from_secs(1));
    let idle = cpu_ticks(wizard.pid).saturating_sub(before);
    let peak = peak_kib(&wizard.pid.to_string());
    let first = wizard.first_frame;
    wizard.quit();
    (first, peak, idle)
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
