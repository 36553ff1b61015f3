//! Start-up to first frame, peak memory and idle CPU of the wizard, run in a
//! pseudo-terminal at 80x24 exactly as a person would start it.
//!
//! Run with `cargo bench --bench startup` (Linux: reads /proc for memory and
//! CPU time). Reports figures for the README; never fails on a number.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

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
    first_frames.sort();
    peaks.sort_unstable();
    println!(
        "start-up to first frame: median {:.1} ms, best {:.1} ms, worst {:.1} ms ({RUNS} runs, 80x24)",
        ms(first_frames[RUNS / 2]),
        ms(first_frames[0]),
        ms(first_frames[RUNS - 1])
    );
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
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(bin);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("the wizard starts");
    drop(pair.slave);
    let pid = child.process_id().expect("a process id");
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let mut writer = pair.master.take_writer().expect("a writer");
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // The first frame is drawn when the start page's title has arrived.
    let mut seen = Vec::new();
    let first = loop {
        let chunk = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a first frame within 10 s");
        seen.extend(chunk);
        if String::from_utf8_lossy(&seen).contains("Styrdokument") {
            break start.elapsed();
        }
    };
    let before = cpu_ticks(pid);
    thread::sleep(Duration::from_secs(1));
    let idle = cpu_ticks(pid).saturating_sub(before);
    let peak = peak_kib(pid);
    writer.write_all(b"q").expect("send q");
    writer.flush().expect("flush");
    let _ = child.wait();
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

fn peak_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
