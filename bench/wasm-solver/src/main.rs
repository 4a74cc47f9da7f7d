//! `solve_matrix FILE ROWS COLS CAP SAMPLES`: reads a raw little-endian f64
//! matrix, solves it (every column taking up to CAP rows) and prints
//! `best_ms total_cost`.
//!
//! Same protocol as scipy and the page in `bench/solver.py`: one cold run,
//! warm-up runs (at least 2, and 500 ms in all), then SAMPLES batches of k
//! runs, k chosen so a batch lasts at least 20 ms; the best batch mean is
//! reported.

use std::hint::black_box;
use std::time::Instant;

use inversa_solver_bench::solve_total;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, rows, cols, cap, samples] = &args[..] else {
        eprintln!("usage: solve_matrix FILE ROWS COLS CAP SAMPLES");
        std::process::exit(2);
    };
    let (rows, cols): (usize, usize) = (rows.parse().unwrap(), cols.parse().unwrap());
    let (cap, samples): (u32, usize) = (cap.parse().unwrap(), samples.parse().unwrap());
    let bytes = std::fs::read(file).expect("read matrix");
    assert_eq!(bytes.len(), rows * cols * 8, "file size");
    let costs: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
        .collect();
    let run = || black_box(solve_total(black_box(&costs), rows, cols, cap));

    let t = Instant::now();
    let total = run();
    let cold = t.elapsed().as_secs_f64() * 1e3;
    let mut warm = 0;
    while warm < 2 || t.elapsed().as_secs_f64() < 0.5 {
        run();
        warm += 1;
    }
    let k = (20.0 / cold.max(0.01)).ceil().max(1.0) as usize;
    let mut best = f64::INFINITY;
    for _ in 0..samples.max(1) {
        let t = Instant::now();
        for _ in 0..k {
            run();
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e3 / k as f64);
    }
    println!("{best:.4} {total:.12}");
}
