//! The full pairing of a synthetic 2,000-person program (rules, scores for
//! every candidate pair, the optimal solve, explanations), natively.
//!
//! `cargo bench --bench pairing -- [--people N] [--write FILE]` prints the
//! median native time as `native_ms=…` and, with `--write`, saves the same
//! program as an Inversa file so `bench/pairing-page.mjs` can time the very
//! same work in the page, in headless Chromium, and print the ratio.

use inversa::domain::matching::pairing::propose;
use inversa::domain::synthetic::synthetic_workspace;
use inversa::io::export_json;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let people: usize = value("--people")
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let ws = synthetic_workspace(people, 2026);
    if let Some(path) = value("--write") {
        std::fs::write(&path, export_json(&ws, "2026-11-25T00:00:00Z"))
            .expect("write the program file");
    }
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            black_box(propose(black_box(&ws)));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let proposal = propose(&ws);
    println!(
        "people={people} mentors={} mentees={} pairs={} native_ms={:.1}",
        proposal.stats.mentors,
        proposal.stats.mentees,
        proposal.pairs.len(),
        times[times.len() / 2]
    );
}
