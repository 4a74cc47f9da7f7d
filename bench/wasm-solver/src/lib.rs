//! The app's solver, compiled on its own. On wasm32 it exports `load` (copy
//! the matrix in once) and `run` (solve it, return the total cost), so the
//! page times only the solve.

#[path = "../../../src/domain/matching/solver.rs"]
pub mod solver;

/// Solves `rows × cols` with every column taking up to `cap` rows and returns
/// the total cost (NaN when infeasible).
pub fn solve_total(costs: &[f64], rows: usize, cols: usize, cap: u32) -> f64 {
    let capacity = vec![cap; cols];
    match solver::solve(costs, rows, cols, &capacity, None) {
        Ok(assignment) => solver::total_cost(costs, cols, &assignment, None),
        Err(_) => f64::NAN,
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static MATRIX: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    }

    /// Keeps the matrix in wasm memory for the following `run` calls.
    #[wasm_bindgen]
    pub fn load(costs: Vec<f64>) {
        MATRIX.with(|m| *m.borrow_mut() = costs);
    }

    #[wasm_bindgen]
    pub fn run(rows: usize, cols: usize, cap: u32) -> f64 {
        MATRIX.with(|m| super::solve_total(&m.borrow(), rows, cols, cap))
    }
}
