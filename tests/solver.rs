#![cfg(not(target_arch = "wasm32"))]
//! The assignment solver against two independent oracles: exhaustive search
//! on small random instances (property tests), and the Hungarian method of
//! the `pathfinding` crate on larger ones (capacities as repeated columns,
//! leaving as extra columns, for the oracle only).

use std::collections::HashMap;

use inversa::domain::matching::solver::{SolveError, linear_sum_assignment, solve, total_cost};
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use proptest::prelude::*;

const INF: f64 = f64::INFINITY;

#[derive(Clone, Debug)]
struct Instance {
    rows: usize,
    cols: usize,
    costs: Vec<f64>,
    capacity: Vec<u32>,
    leave: Option<f64>,
}

impl Instance {
    fn solve(&self) -> Result<Vec<Option<usize>>, SolveError> {
        solve(
            &self.costs,
            self.rows,
            self.cols,
            &self.capacity,
            self.leave,
        )
    }
}

/// Panics unless `assignment` is a valid answer to `inst`: one entry per
/// row, no forbidden cell, no column over capacity, nobody left out unless
/// leaving is allowed.
fn assert_feasible(inst: &Instance, assignment: &[Option<usize>]) {
    assert_eq!(assignment.len(), inst.rows);
    let mut used = vec![0u32; inst.cols];
    for (i, col) in assignment.iter().enumerate() {
        match *col {
            Some(j) => {
                assert!(j < inst.cols, "row {i}: column {j} out of range");
                assert!(
                    inst.costs[i * inst.cols + j].is_finite(),
                    "row {i}: forbidden cell {j}"
                );
                used[j] += 1;
            }
            None => assert!(
                inst.leave.is_some(),
                "row {i} left out without a leave cost"
            ),
        }
    }
    for (j, (&u, &c)) in used.iter().zip(&inst.capacity).enumerate() {
        assert!(u <= c, "column {j}: {u} rows for capacity {c}");
    }
}

/// Exhaustive search: every row tries every column with room (and leaving),
/// memoised on (row, room left) so that capacities up to 3 stay quick.
/// `None` when no assignment exists.
fn brute_force(inst: &Instance) -> Option<f64> {
    fn go(
        inst: &Instance,
        i: usize,
        room: &mut Vec<u32>,
        memo: &mut HashMap<(usize, Vec<u32>), Option<f64>>,
    ) -> Option<f64> {
        if i == inst.rows {
            return Some(0.0);
        }
        if let Some(&known) = memo.get(&(i, room.clone())) {
            return known;
        }
        let mut best: Option<f64> = None;
        let mut consider = |c: Option<f64>| {
            if let Some(c) = c {
                best = Some(best.map_or(c, |b: f64| b.min(c)));
            }
        };
        if let Some(l) = inst.leave {
            consider(go(inst, i + 1, room, memo).map(|rest| rest + l));
        }
        for j in 0..inst.cols {
            let c = inst.costs[i * inst.cols + j];
            if room[j] > 0 && c.is_finite() {
                room[j] -= 1;
                consider(go(inst, i + 1, room, memo).map(|rest| rest + c));
                room[j] += 1;
            }
        }
        memo.insert((i, room.clone()), best);
        best
    }
    go(inst, 0, &mut inst.capacity.clone(), &mut HashMap::new())
}

/// Every injective map from the shorter side to the longer one.
fn brute_force_lsap(costs: &[f64], rows: usize, cols: usize) -> Option<f64> {
    let (short, long) = (rows.min(cols), rows.max(cols));
    let cell = |s: usize, l: usize| {
        if rows <= cols {
            costs[s * cols + l]
        } else {
            costs[l * cols + s]
        }
    };
    fn go(
        s: usize,
        short: usize,
        long: usize,
        taken: &mut Vec<bool>,
        cell: &dyn Fn(usize, usize) -> f64,
    ) -> Option<f64> {
        if s == short {
            return Some(0.0);
        }
        let mut best: Option<f64> = None;
        for l in 0..long {
            let c = cell(s, l);
            if !taken[l] && c.is_finite() {
                taken[l] = true;
                if let Some(rest) = go(s + 1, short, long, taken, cell) {
                    best = Some(best.map_or(c + rest, |b| b.min(c + rest)));
                }
                taken[l] = false;
            }
        }
        best
    }
    go(0, short, long, &mut vec![false; long], &cell)
}

/// The Hungarian method of `pathfinding` (it maximises, so weights are
/// negated) on the instance with each column repeated `capacity` times and,
/// with a leave cost, one extra "leave" column per row. Forbidden cells weigh
/// so much that any optimum using one means there is no assignment.
fn oracle(inst: &Instance) -> Option<i64> {
    const FORBIDDEN: i64 = 1 << 40;
    let mut slots: Vec<Option<usize>> = Vec::new();
    for (j, &c) in inst.capacity.iter().enumerate() {
        slots.extend(std::iter::repeat_n(Some(j), c as usize));
    }
    if inst.leave.is_some() {
        slots.extend(std::iter::repeat_n(None, inst.rows));
    }
    if inst.rows == 0 {
        return Some(0);
    }
    if inst.rows > slots.len() {
        return None;
    }
    let mut weights = Vec::with_capacity(inst.rows * slots.len());
    for i in 0..inst.rows {
        for slot in &slots {
            let c = match slot {
                Some(j) => inst.costs[i * inst.cols + j],
                None => inst.leave.unwrap(),
            };
            weights.push(if c.is_finite() {
                -(c as i64)
            } else {
                -FORBIDDEN
            });
        }
    }
    let (total, _) = kuhn_munkres(&Matrix::from_vec(inst.rows, slots.len(), weights).unwrap());
    (-total < FORBIDDEN).then_some(-total)
}

/// Small deterministic generator (xorshift), so the big cases need no seed
/// management beyond a number.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A random instance with integer costs below `range`, `forbidden_pct` % of
/// cells forbidden, capacities in `1..=max_cap`.
fn random_instance(
    seed: u64,
    rows: usize,
    cols: usize,
    range: u64,
    forbidden_pct: u64,
    max_cap: u32,
    leave: Option<f64>,
) -> Instance {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let costs = (0..rows * cols)
        .map(|_| {
            if rng.below(100) < forbidden_pct {
                INF
            } else {
                rng.below(range) as f64
            }
        })
        .collect();
    let capacity = (0..cols)
        .map(|_| 1 + rng.below(u64::from(max_cap)) as u32)
        .collect();
    Instance {
        rows,
        cols,
        costs,
        capacity,
        leave,
    }
}

fn check_against_oracle(inst: &Instance) {
    let expected = oracle(inst);
    match inst.solve() {
        Ok(a) => {
            assert_feasible(inst, &a);
            let got = total_cost(&inst.costs, inst.cols, &a, inst.leave);
            assert_eq!(
                Some(got as i64),
                expected,
                "{}×{} total",
                inst.rows,
                inst.cols
            );
            assert_eq!(got.fract(), 0.0);
        }
        Err(SolveError::Infeasible { row }) => {
            assert!(row < inst.rows);
            assert_eq!(
                expected, None,
                "{}×{}: solver says infeasible",
                inst.rows, inst.cols
            );
        }
        Err(e) => panic!("{e}"),
    }
}

/// A cost below 20, or forbidden with odds `forbidden` in 8.
fn cell(forbidden: u32) -> impl Strategy<Value = f64> {
    prop_oneof![8 - forbidden => (0..20i32).prop_map(f64::from), forbidden => Just(INF)]
}

fn small_instance() -> impl Strategy<Value = Instance> {
    (0..=8usize, 0..=8usize, 0..=5u32)
        .prop_flat_map(|(rows, cols, forbidden)| {
            (
                proptest::collection::vec(cell(forbidden), rows * cols),
                // Mostly 1..=3, sometimes 0 (a column nobody may take).
                proptest::collection::vec(prop_oneof![6 => 1..=3u32, 1 => Just(0u32)], cols),
                proptest::option::of((0..25i32).prop_map(f64::from)),
                Just((rows, cols)),
            )
        })
        .prop_map(|(costs, capacity, leave, (rows, cols))| Instance {
            rows,
            cols,
            costs,
            capacity,
            leave,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Capacities 0..3, forbidden cells, with and without leaving, any shape.
    #[test]
    fn solve_matches_exhaustive_search(inst in small_instance()) {
        let expected = brute_force(&inst);
        match inst.solve() {
            Ok(a) => {
                assert_feasible(&inst, &a);
                let got = total_cost(&inst.costs, inst.cols, &a, inst.leave);
                prop_assert_eq!(Some(got), expected);
                // Same input, same output.
                prop_assert_eq!(inst.solve().unwrap(), a);
            }
            Err(SolveError::Infeasible { row }) => {
                prop_assert!(row < inst.rows);
                prop_assert_eq!(expected, None);
            }
            Err(e) => panic!("{e}"),
        }
    }

    /// The classic problem, both shapes, against every injective map.
    #[test]
    fn linear_sum_assignment_matches_permutations(
        (rows, cols, costs) in (0..=7usize, 0..=7usize, 0..=6u32).prop_flat_map(|(r, c, f)| {
            (Just(r), Just(c), proptest::collection::vec(cell(f), r * c))
        })
    ) {
        let expected = brute_force_lsap(&costs, rows, cols);
        match linear_sum_assignment(&costs, rows, cols) {
            Ok(pairs) => {
                prop_assert_eq!(pairs.len(), rows.min(cols));
                prop_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
                let mut col_used = vec![false; cols];
                let mut total = 0.0;
                for &(i, j) in &pairs {
                    prop_assert!(i < rows && j < cols && !col_used[j]);
                    col_used[j] = true;
                    prop_assert!(costs[i * cols + j].is_finite());
                    total += costs[i * cols + j];
                }
                prop_assert_eq!(Some(total), expected);
            }
            Err(SolveError::Infeasible { .. }) => prop_assert_eq!(expected, None),
            Err(e) => panic!("{e}"),
        }
    }

    /// Real-valued costs: optimal within rounding.
    #[test]
    fn real_costs_match_exhaustive_search(
        inst in small_instance(),
        noise in proptest::collection::vec(0.0..1.0f64, 64),
    ) {
        let mut inst = inst;
        for (c, x) in inst.costs.iter_mut().zip(noise.iter().cycle()) {
            if c.is_finite() {
                *c = (*c + x) * 1.37e3;
            }
        }
        let expected = brute_force(&inst);
        if let Ok(a) = inst.solve() {
            assert_feasible(&inst, &a);
            let got = total_cost(&inst.costs, inst.cols, &a, inst.leave);
            let want = expected.expect("solver found an assignment the search did not");
            prop_assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{} vs {}", got, want);
        } else {
            prop_assert_eq!(expected, None);
        }
    }
}

#[test]
fn agrees_with_hungarian_method_on_larger_instances() {
    /// rows, cols, cost range, % forbidden, max capacity, leave cost
    type Case = (usize, usize, u64, u64, u32, Option<f64>);
    let cases: &[Case] = &[
        (50, 50, 1000, 0, 1, None),
        (120, 120, 1000, 10, 1, None),
        (200, 200, 1000, 0, 1, None),
        (200, 200, 5, 0, 1, None), // many ties
        (100, 160, 1000, 20, 1, None),
        (150, 60, 1000, 0, 3, None),
        (150, 60, 1000, 30, 3, None),
        (200, 70, 1000, 5, 3, Some(700.0)),
        (120, 120, 1000, 50, 2, Some(400.0)),
        (60, 200, 10, 0, 2, Some(3.0)), // ties everywhere
        (90, 30, 1000, 0, 2, None),     // more rows than places: infeasible
        (80, 80, 1000, 97, 1, None),    // mostly forbidden: infeasible
    ];
    for (seed, &(rows, cols, range, forbidden, cap, leave)) in cases.iter().enumerate() {
        check_against_oracle(&random_instance(
            seed as u64 + 1,
            rows,
            cols,
            range,
            forbidden,
            cap,
            leave,
        ));
    }
}

#[test]
fn linear_sum_assignment_agrees_with_hungarian_method() {
    for (seed, &(rows, cols)) in [(80, 80), (60, 130), (130, 60), (150, 150)]
        .iter()
        .enumerate()
    {
        let inst = random_instance(100 + seed as u64, rows, cols, 1000, 5, 1, None);
        // The oracle wants rows ≤ columns: hand it the transpose if needed.
        let oriented = if rows <= cols {
            inst.clone()
        } else {
            let mut t = vec![0.0; rows * cols];
            for i in 0..rows {
                for j in 0..cols {
                    t[j * rows + i] = inst.costs[i * cols + j];
                }
            }
            Instance {
                rows: cols,
                cols: rows,
                costs: t,
                capacity: vec![1; rows],
                leave: None,
            }
        };
        let expected = oracle(&Instance {
            capacity: vec![1; oriented.cols],
            ..oriented
        });
        match linear_sum_assignment(&inst.costs, rows, cols) {
            Ok(pairs) => {
                assert_eq!(pairs.len(), rows.min(cols));
                let total: f64 = pairs.iter().map(|&(i, j)| inst.costs[i * cols + j]).sum();
                assert_eq!(Some(total as i64), expected, "{rows}×{cols}");
            }
            Err(e) => assert_eq!(expected, None, "{rows}×{cols}: {e}"),
        }
    }
}

#[test]
fn dense_random_square_is_optimal_and_stable() {
    // The square start (column reduction, reduction transfer, bounded row
    // reduction) on a size where every phase has work to do.
    let inst = random_instance(7, 300, 300, 1_000_000, 0, 1, None);
    let a = inst.solve().unwrap();
    assert_feasible(&inst, &a);
    let got = total_cost(&inst.costs, inst.cols, &a, None) as i64;
    assert_eq!(Some(got), oracle(&inst));
    assert_eq!(inst.solve().unwrap(), a);
}
