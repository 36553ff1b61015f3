//! Benchmarks with figures for the README: evaluations per second over the
//! whole answer space, content loading, the whole-space analysis, and one
//! end-to-end `--answers … --format json` run of the release binary.
//!
//! Run with `cargo bench --bench engine`. Not a timed test: it reports, it
//! does not fail on a number.

mod common;

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{best_of, ms};

use motesguide::analysis::whole_space as analysis;
use motesguide::content;
use motesguide::engine::space::Space;
use motesguide::engine::{self, Answers};

fn main() {
    let content = content::built_in().expect("built-in content loads");

    let (load_time, _) = best_of(20, || content::built_in_from_yaml().expect("loads"));
    println!("load and check content YAML:  {:>10.2} ms", ms(load_time));
    let (read_time, _) = best_of(20, || content::built_in().expect("reads"));
    println!(
        "read the stored content:      {:>10.3} ms (build.rs loaded and checked it)",
        ms(read_time)
    );

    let space = Space::of(&content);
    let combinations = space.len() as u64 * content.profiles.len() as u64;
    let (eval_time, evaluated) = best_of(3, || {
        let mut n = 0u64;
        for profile in 0..content.profiles.len() {
            space.for_each(|values| {
                let answers = Answers {
                    profile: Some(profile),
                    values: values.to_vec(),
                };
                black_box(engine::evaluate(&content, profile, &answers));
                n += 1;
            });
        }
        n
    });
    assert_eq!(evaluated, combinations);
    println!(
        "evaluate whole answer space:  {:>10.2} ms for {combinations} combinations = {:.0} evaluations/s",
        ms(eval_time),
        combinations as f64 / eval_time.as_secs_f64()
    );

    let (analysis_time, _) = best_of(3, || analysis::analyse(&content));
    println!(
        "validate (whole-space checks):{:>10.2} ms",
        ms(analysis_time)
    );

    let bin = env!("CARGO_BIN_EXE_motesguide");
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/scenarios/namndsmote-sekretess.yaml"
    );
    let mut runs: Vec<Duration> = (0..30)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new(bin)
                .args(["--answers", scenario, "--format", "json"])
                .output()
                .expect("binary runs");
            assert!(out.status.success());
            start.elapsed()
        })
        .collect();
    runs.sort();
    println!(
        "end to end --answers --format json: median {:.2} ms, best {:.2} ms (30 runs)",
        ms(runs[runs.len() / 2]),
        ms(runs[0])
    );
}
