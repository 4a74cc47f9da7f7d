//! Core benchmarks for a 2,000-participant program, printed as ratios against
//! a reference measured side by side in the same process (machines here are
//! noisy; a bare time means little):
//!
//! - import (checks + decode + validation) vs. `serde_json` parsing the same
//!   bytes into an untyped `Value`: what our all-errors pipeline costs on top
//!   of the unavoidable parse;
//! - export vs. `serde_json` printing that `Value` back;
//! - one search over everyone (accent-insensitive, every field) vs. a naive
//!   lower-case `contains` scan of names, with and without the prepared index
//!   the page keeps between keystrokes;
//! - the overview summary vs. the same naive scan;
//! - a year of a 1,000-pair program (26 sessions a pair, two check-in rounds,
//!   before/after self-assessments): the Impact page's `measure` and the
//!   Sessions page's `assess`, each against exporting that program to JSON
//!   (one linear pass over the same records), as both run at every edit.
//!
//! Run: `cargo bench --bench core`.

use inversa::domain::demo::demo_workspace;
use inversa::domain::filter::{ParticipantFilter, SearchIndex};
use inversa::domain::ids::{ParticipantId, seeded_bytes};
use inversa::domain::overview::overview;
use inversa::domain::{Lang, Workspace};
use inversa::io::{export_json, import_bytes};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The demo's 24 people cloned to `n`, with fresh ids and unique emails.
fn big_workspace(n: usize) -> Workspace {
    let demo = demo_workspace();
    let mut ws = Workspace {
        participants: Vec::with_capacity(n),
        ..demo.clone()
    };
    for i in 0..n {
        let mut p = demo.participants[i % demo.participants.len()].clone();
        p.id = ParticipantId::from_random_bytes(seeded_bytes(10_000 + i as u64));
        p.email = format!("person{i}@vellora.example");
        p.name = format!("{} {i}", p.name);
        p.manager = None;
        ws.participants.push(p);
    }
    ws
}

/// Median time of `runs` calls, after one warm-up.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn report(what: &str, ours: Duration, reference: &str, base: Duration) {
    let ratio = ours.as_secs_f64() / base.as_secs_f64();
    println!(
        "{what:<34} {ratio:>6.2}× {reference}   ({:.2} ms vs {:.2} ms)",
        ms(ours),
        ms(base)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let ws = big_workspace(2_000);
    let json = export_json(&ws, "2026-11-25T00:00:00Z");
    let bytes = json.as_bytes();
    println!("2,000 participants, {} KB of JSON\n", bytes.len() / 1024);

    let parse = median(15, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap());
    });
    let import = median(15, || {
        black_box(import_bytes(black_box(bytes)).unwrap());
    });
    report(
        "import_bytes",
        import,
        "serde_json::from_slice::<Value>",
        parse,
    );

    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let print = median(15, || {
        black_box(serde_json::to_string_pretty(black_box(&value)).unwrap());
    });
    let export = median(15, || {
        black_box(export_json(black_box(&ws), "2026-11-25T00:00:00Z"));
    });
    report(
        "export_json",
        export,
        "serde_json::to_string_pretty(Value)",
        print,
    );

    let naive = median(31, || {
        let hits = ws
            .participants
            .iter()
            .filter(|p| p.name.to_lowercase().contains("garcia"))
            .count();
        black_box(hits);
    });
    let filter = ParticipantFilter {
        query: "garcía social".into(),
        ..Default::default()
    };
    let search = median(31, || {
        black_box(filter.apply(black_box(&ws), Lang::Es).len());
    });
    report(
        "search, index built each time",
        search,
        "naive lower-case name scan",
        naive,
    );
    let index = SearchIndex::build(&ws, Lang::Es);
    let indexed = median(31, || {
        black_box(filter.apply_indexed(black_box(&ws), &index).len());
    });
    report(
        "search, prepared index",
        indexed,
        "naive lower-case name scan",
        naive,
    );

    let summary = median(31, || {
        black_box(overview(black_box(&ws)));
    });
    report("overview", summary, "naive lower-case name scan", naive);

    let program = inversa::domain::synthetic::running_program();
    let today = inversa::domain::Date::parse_iso("2026-12-20").unwrap();
    let records = median(7, || {
        black_box(export_json(black_box(&program), "2026-12-20T00:00:00Z"));
    });
    println!(
        "\n1,000 pairs, {} sessions, {} answers",
        program.sessions.sessions.len(),
        program.sessions.responses.len()
    );
    let scope = inversa::domain::impact::Scope::Program;
    let impact = median(7, || {
        black_box(inversa::domain::impact::measure(
            black_box(&program),
            &scope,
            today,
        ));
    });
    report(
        "impact::measure (Impact page)",
        impact,
        "export_json of the same program",
        records,
    );
    let departments = median(7, || {
        black_box(inversa::domain::impact::by_department(
            black_box(&program),
            today,
        ));
    });
    report(
        "impact::by_department",
        departments,
        "export_json of the same program",
        records,
    );
    let assess = median(7, || {
        black_box(inversa::domain::sessions::alerts::assess(
            black_box(&program),
            today,
        ));
    });
    report(
        "alerts::assess (Sessions page)",
        assess,
        "export_json of the same program",
        records,
    );

    // What every edit costs for undo: the state before is cloned, and
    // compared with the state after to skip edits that changed nothing.
    let mut history = inversa::domain::history::History::default();
    let undo_step = median(7, || {
        let before = black_box(&program).clone();
        let changed = black_box(&before) != black_box(&program);
        history.record(before, if changed { 0 } else { 1 });
    });
    report(
        "undo step (clone + compare)",
        undo_step,
        "export_json of the same program",
        records,
    );
    // What a backup costs on top of the save: the content fingerprint.
    let digest = median(7, || {
        black_box(inversa::io::backups::digest(black_box(&program), false));
    });
    report(
        "backup fingerprint (SHA-256)",
        digest,
        "export_json of the same program",
        records,
    );
}
