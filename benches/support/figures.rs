//! Figures from repeated runs and from /proc, for the benchmarks' reports.

use std::time::Duration;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "median …, best …, worst … (n runs)" of `runs`, which it sorts.
pub fn spread(runs: &mut [Duration]) -> String {
    runs.sort();
    let n = runs.len();
    format!(
        "median {:.1} ms, best {:.1} ms, worst {:.1} ms ({n} run{})",
        ms(runs[n / 2]),
        ms(runs[0]),
        ms(runs[n - 1]),
        if n == 1 { "" } else { "s" }
    )
}

/// Peak resident memory (VmHWM) in KiB of process `pid` ("self" for this
/// one), from /proc on Linux; 0 where it cannot be read.
pub fn peak_kib(pid: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
