//! Timing helpers shared by the benches.

use std::time::{Duration, Instant};

/// Runs `f` `n` times and keeps the fastest run and its result.
pub fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..n {
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, out));
        }
    }
    best.expect("n > 0")
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
