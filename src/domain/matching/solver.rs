//! The optimal assignment: minimum total cost, rows to columns, where a
//! column may take several rows (a mentor with room for three mentees) and a
//! row may be allowed to stay unassigned at a fixed cost.
//!
//! The method is the shortest augmenting path of Jonker–Volgenant in the
//! form Crouse gives it (scipy's `rectangular_lsap.cpp`): keep row duals `u`
//! and column duals `v` so that every reduced cost `c[i][j] - u[i] - v[j]` is
//! non-negative and zero on the pairs in use, then assign the free rows one by
//! one along a shortest path (Dijkstra over columns) and update the duals so
//! that this stays true. Each step is optimal for the rows assigned so far,
//! hence the result is optimal, not a heuristic.
//!
//! Capacities are handled without copying columns: a column with room ends
//! a path (it is the sink), and a full column, once reached, makes every row
//! assigned to it reachable at the same distance (their edges are tight), so
//! one of them can move on and free a place. The rows of each column are kept
//! in intrusive linked lists in flat arrays. "Leave unassigned" is a virtual
//! column of unlimited room handled beside the matrix, never stored in it.
//!
//! Ties are always broken the same way (lowest distance, then a column with
//! room, then the lowest index), so the same input gives the same output.
//!
//! Only `std` here: this is part of the domain core.

use std::fmt;

/// Marks "no row" / "no column" in the index arrays.
const NONE: usize = usize::MAX;

/// Why no assignment exists.
#[derive(Clone, Debug, PartialEq)]
pub enum SolveError {
    /// `costs.len() != rows * cols`, `capacity.len() != cols`, or a NaN or
    /// `-inf` cost (or leave cost).
    BadInput(&'static str),
    /// This row has no finite-cost column with room, even after re-routing
    /// the others (only without a leave cost).
    Infeasible { row: usize },
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolveError::BadInput(why) => write!(f, "bad input: {why}"),
            SolveError::Infeasible { row } => write!(f, "row {row} cannot be assigned"),
        }
    }
}

impl std::error::Error for SolveError {}

/// Minimum-cost assignment of rows to columns where column `j` can take up to
/// `capacity[j]` rows.
///
/// - `costs`: row-major `rows × cols`; `f64::INFINITY` forbids a cell.
/// - `leave_cost`: `Some(c)` lets any row stay unassigned at cost `c` (a
///   virtual column with unlimited room). `None` (or `Some(INFINITY)`) means
///   every row must be assigned: if that is impossible (forbidden cells, or
///   fewer places than rows) the result is [`SolveError::Infeasible`] naming
///   a row that could not be placed.
///
/// Returns each row's column, `None` meaning left unassigned (only possible
/// with a leave cost). Among equally good columns, one with room wins over
/// leaving.
pub fn solve(
    costs: &[f64],
    rows: usize,
    cols: usize,
    capacity: &[u32],
    leave_cost: Option<f64>,
) -> Result<Vec<Option<usize>>, SolveError> {
    check_matrix(costs, rows, cols)?;
    if capacity.len() != cols {
        return Err(SolveError::BadInput("capacity.len() != cols"));
    }
    let leave = match leave_cost {
        Some(c) if c.is_nan() || c == f64::NEG_INFINITY => {
            return Err(SolveError::BadInput("leave cost is NaN or -inf"));
        }
        Some(c) if c == f64::INFINITY => None,
        other => other,
    };
    let mut solver = Solver::new(costs, rows, cols, capacity, leave);
    let square = rows == cols && leave.is_none() && capacity.iter().all(|&c| c == 1);
    let free = if square { solver.init_square()? } else { solver.init_rows()? };
    for row in free {
        solver.augment(row)?;
    }
    Ok(solver.col4row.iter().map(|&j| (j < cols).then_some(j)).collect())
}

/// The classic problem (every capacity 1), like
/// `scipy.optimize.linear_sum_assignment`: `min(rows, cols)` pairs of least
/// total cost, as `(row, col)` sorted by row. With more rows than columns the
/// matrix is solved transposed, so only the best `cols` rows are used; in
/// that case [`SolveError::Infeasible`] names a column, not a row.
pub fn linear_sum_assignment(
    costs: &[f64],
    rows: usize,
    cols: usize,
) -> Result<Vec<(usize, usize)>, SolveError> {
    check_matrix(costs, rows, cols)?;
    if rows <= cols {
        let assignment = solve(costs, rows, cols, &vec![1; cols], None)?;
        Ok(assignment.into_iter().enumerate().filter_map(|(i, j)| Some((i, j?))).collect())
    } else {
        let mut transposed = vec![0.0; costs.len()];
        for (i, row) in costs.chunks_exact(cols).enumerate() {
            for (j, &c) in row.iter().enumerate() {
                transposed[j * rows + i] = c;
            }
        }
        let assignment = solve(&transposed, cols, rows, &vec![1; rows], None)?;
        let mut pairs: Vec<(usize, usize)> =
            assignment.into_iter().enumerate().filter_map(|(j, i)| Some((i?, j))).collect();
        pairs.sort_unstable();
        Ok(pairs)
    }
}

/// Total cost of an assignment as [`solve`] returns it: the chosen cells, plus
/// `leave_cost` for each unassigned row (nothing when `leave_cost` is `None`).
pub fn total_cost(
    costs: &[f64],
    cols: usize,
    assignment: &[Option<usize>],
    leave_cost: Option<f64>,
) -> f64 {
    assignment
        .iter()
        .enumerate()
        .map(|(i, j)| match j {
            Some(j) => costs[i * cols + j],
            None => leave_cost.unwrap_or(0.0),
        })
        .sum()
}

fn check_matrix(costs: &[f64], rows: usize, cols: usize) -> Result<(), SolveError> {
    if rows.checked_mul(cols) != Some(costs.len()) {
        return Err(SolveError::BadInput("costs.len() != rows * cols"));
    }
    // `!(c > -inf)` is exactly "NaN or -inf"; the branch-free fold over
    // blocks vectorises, this scan is a visible part of small solves.
    let bad = |block: &[f64]| block.iter().fold(false, |bad, &c| bad | !(c > f64::NEG_INFINITY));
    if costs.chunks(1024).any(bad) {
        return Err(SolveError::BadInput("a cost is NaN or -inf"));
    }
    Ok(())
}

/// The working state: duals, the current assignment, and scratch space for
/// the shortest-path search, allocated once and reused for every row.
struct Solver<'a> {
    costs: &'a [f64],
    cols: usize,
    /// Cost of leaving a row unassigned; that virtual column has index `cols`.
    leave: Option<f64>,
    u: Vec<f64>,
    v: Vec<f64>,
    /// Places still free in each column.
    room: Vec<u32>,
    /// Each row's column: `NONE` while free, `cols` when left unassigned.
    col4row: Vec<usize>,
    /// Rows of each column, as a doubly linked list through `next`/`prev`.
    head: Vec<usize>,
    next: Vec<usize>,
    prev: Vec<usize>,
    /// Columns that can take anyone (capacity > 0), the start of every search.
    usable: Vec<usize>,
    /// Shortest reduced distance to each column in the current search, and
    /// the row it was reached from.
    spc: Vec<f64>,
    path: Vec<usize>,
    /// Columns not yet reached for good in the current search.
    remaining: Vec<usize>,
    scanned_rows: Vec<usize>,
    scanned_cols: Vec<usize>,
    /// Rows made reachable by a full column, still to be scanned.
    pending: Vec<usize>,
}

impl<'a> Solver<'a> {
    fn new(costs: &'a [f64], rows: usize, cols: usize, capacity: &[u32], leave: Option<f64>) -> Self {
        Solver {
            costs,
            cols,
            leave,
            u: vec![0.0; rows],
            v: vec![0.0; cols],
            room: capacity.to_vec(),
            col4row: vec![NONE; rows],
            head: vec![NONE; cols],
            next: vec![NONE; rows],
            prev: vec![NONE; rows],
            usable: (0..cols).filter(|&j| capacity[j] > 0).collect(),
            spc: vec![f64::INFINITY; cols],
            path: vec![NONE; cols],
            remaining: Vec::with_capacity(cols),
            scanned_rows: Vec::new(),
            scanned_cols: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn row(&self, i: usize) -> &'a [f64] {
        &self.costs[i * self.cols..(i + 1) * self.cols]
    }

    /// Puts row `i` (currently free) in column `j` (or leaves it, `j == cols`).
    fn link(&mut self, i: usize, j: usize) {
        self.col4row[i] = j;
        if j < self.cols {
            let first = self.head[j];
            self.next[i] = first;
            self.prev[i] = NONE;
            if first != NONE {
                self.prev[first] = i;
            }
            self.head[j] = i;
        }
    }

    /// Takes row `i` out of its column's list.
    fn unlink(&mut self, i: usize) {
        let j = self.col4row[i];
        if j < self.cols {
            let (p, n) = (self.prev[i], self.next[i]);
            if p == NONE {
                self.head[j] = n;
            } else {
                self.next[p] = n;
            }
            if n != NONE {
                self.prev[n] = p;
            }
        }
        self.col4row[i] = NONE;
    }

    /// Cheap start valid for any shape: `v = 0`, `u[i]` = the row's minimum
    /// (leaving included), and each row takes its best column while it has
    /// room. Every reduced cost is then ≥ 0 and `v ≤ 0`, negative only on full
    /// columns, which is what optimality needs when columns may stay short.
    /// Returns the rows still to place.
    fn init_rows(&mut self) -> Result<Vec<usize>, SolveError> {
        let mut free = Vec::new();
        let all_usable = self.usable.len() == self.cols;
        for i in 0..self.u.len() {
            let row = self.row(i);
            let (mut best, mut arg) = if all_usable {
                row_min(row)
            } else {
                let mut m = (f64::INFINITY, NONE);
                for &j in &self.usable {
                    if row[j] < m.0 {
                        m = (row[j], j);
                    }
                }
                m
            };
            if let Some(l) = self.leave {
                if l < best {
                    (best, arg) = (l, self.cols);
                }
            }
            if best == f64::INFINITY {
                return Err(SolveError::Infeasible { row: i });
            }
            self.u[i] = best;
            if arg == self.cols {
                self.link(i, arg);
            } else if self.room[arg] > 0 {
                self.room[arg] -= 1;
                self.link(i, arg);
            } else {
                free.push(i);
            }
        }
        Ok(free)
    }

    /// Jonker–Volgenant's start for square problems with unit capacities,
    /// where every column ends up used so `v` may take any sign: column
    /// reduction, reduction transfer and two rounds of augmenting row
    /// reduction. On dense random matrices it places almost every row before
    /// any shortest path is needed. Returns the rows still to place.
    fn init_square(&mut self) -> Result<Vec<usize>, SolveError> {
        let n = self.cols;
        let inf = f64::INFINITY;
        // Column reduction: v[j] = column minimum, found row by row so the
        // matrix is read in memory order.
        let mut col_min = vec![inf; n];
        let mut col_arg = vec![NONE; n];
        for i in 0..n {
            for (j, &c) in self.row(i).iter().enumerate() {
                if c < col_min[j] {
                    col_min[j] = c;
                    col_arg[j] = i;
                }
            }
        }
        let mut matches = vec![0u32; n];
        for j in (0..n).rev() {
            let i = col_arg[j];
            if i == NONE {
                // A forbidden column: any finite v keeps it consistent.
                continue;
            }
            self.v[j] = col_min[j];
            matches[i] += 1;
            let current = self.col4row[i];
            if matches[i] == 1 {
                self.link(i, j);
                self.room[j] = 0;
            } else if self.v[j] < self.v[current] {
                self.unlink(i);
                self.room[current] = 1;
                self.link(i, j);
                self.room[j] = 0;
            }
        }
        // Reduction transfer: a row that is some column's only minimum gives
        // that column the gap to its second best.
        let mut free = Vec::new();
        for i in 0..n {
            match matches[i] {
                0 => free.push(i),
                1 => {
                    let j1 = self.col4row[i];
                    let row = self.row(i);
                    let mut gap = inf;
                    for (j, (&c, &vj)) in row.iter().zip(&self.v).enumerate() {
                        if j != j1 && c - vj < gap {
                            gap = c - vj;
                        }
                    }
                    if gap < inf {
                        self.v[j1] -= gap;
                    }
                }
                _ => {}
            }
        }
        // Augmenting row reduction, twice: a free row takes its best column,
        // lowering that column's v to its second best so the duals stay
        // feasible, and the row it pushes out tries again.
        for _ in 0..2 {
            let mut list = std::mem::take(&mut free);
            let end = list.len();
            // Each step lowers some v, so this ends; the bound only guards
            // against crawling by tiny float steps (the paths finish the job).
            let mut budget = 8 * n + 64;
            let mut k = 0;
            while k < end {
                if budget == 0 {
                    free.extend_from_slice(&list[k..end]);
                    break;
                }
                budget -= 1;
                let i = list[k];
                k += 1;
                let row = self.row(i);
                let (mut umin, mut j1) = (inf, NONE);
                let (mut usub, mut j2) = (inf, NONE);
                for (j, (&c, &vj)) in row.iter().zip(&self.v).enumerate() {
                    let h = c - vj;
                    if h < usub {
                        if h < umin {
                            (usub, j2) = (umin, j1);
                            (umin, j1) = (h, j);
                        } else {
                            (usub, j2) = (h, j);
                        }
                    }
                }
                if umin == inf {
                    return Err(SolveError::Infeasible { row: i });
                }
                let mut i0 = self.head[j1];
                let lowers = umin < usub && usub < inf;
                if lowers {
                    self.v[j1] -= usub - umin;
                } else if i0 != NONE && usub < inf {
                    j1 = j2;
                    i0 = self.head[j2];
                }
                if i0 != NONE {
                    self.unlink(i0);
                }
                self.link(i, j1);
                self.room[j1] = 0;
                if i0 != NONE {
                    if lowers {
                        k -= 1;
                        list[k] = i0;
                    } else {
                        free.push(i0);
                    }
                }
            }
        }
        // Row duals that make every used edge tight.
        for i in 0..n {
            let j = self.col4row[i];
            self.u[i] = if j == NONE {
                0.0
            } else {
                self.row(i)[j] - self.v[j]
            };
        }
        Ok(free)
    }

    /// Places free row `start` along a shortest augmenting path, moving rows
    /// between full columns, and updates the duals.
    fn augment(&mut self, start: usize) -> Result<(), SolveError> {
        let cols = self.cols;
        let inf = f64::INFINITY;
        self.remaining.clear();
        self.remaining.extend_from_slice(&self.usable);
        for &j in &self.usable {
            self.spc[j] = inf;
        }
        let (mut spc_leave, mut path_leave) = (inf, NONE);
        self.scanned_rows.clear();
        self.scanned_cols.clear();
        self.pending.clear();
        self.scanned_rows.push(start);

        let mut min_val = 0.0;
        let mut i = start;
        let sink = loop {
            let h = min_val - self.u[i];
            if let Some(l) = self.leave {
                if l + h < spc_leave {
                    (spc_leave, path_leave) = (l + h, i);
                }
            }
            if let Some(next) = self.pending.pop() {
                // More rows at this same distance: relax them all before
                // choosing the next column.
                self.relax(i, h);
                i = next;
                continue;
            }
            let (lowest, best) = self.relax_and_select(i, h);
            // Leaving wins only when strictly better, or equal to a full column.
            if spc_leave < lowest
                || (spc_leave == lowest && lowest < inf && self.room[self.remaining[best]] == 0)
            {
                min_val = spc_leave;
                break cols;
            }
            if lowest == inf {
                return Err(SolveError::Infeasible { row: start });
            }
            min_val = lowest;
            let j = self.remaining.swap_remove(best);
            if self.room[j] > 0 {
                break j;
            }
            // A full column: all its rows are reachable at this distance.
            self.scanned_cols.push(j);
            let mut r = self.head[j];
            i = r;
            while r != NONE {
                self.scanned_rows.push(r);
                if r != i {
                    self.pending.push(r);
                }
                r = self.next[r];
            }
        };

        // Dual update (Crouse): rows and columns reached move by how much
        // sooner than the sink they were reached.
        self.u[start] += min_val;
        for &r in &self.scanned_rows[1..] {
            self.u[r] += min_val - self.spc[self.col4row[r]];
        }
        for &j in &self.scanned_cols {
            self.v[j] -= min_val - self.spc[j];
        }

        // Augment: walk the path back, each row moving to the column it was
        // reached from; only the sink gains a row.
        if sink < cols {
            self.room[sink] -= 1;
        }
        let mut j = sink;
        loop {
            let r = if j == cols { path_leave } else { self.path[j] };
            let old = self.col4row[r];
            self.unlink(r);
            self.link(r, j);
            if r == start {
                break;
            }
            j = old;
        }
        Ok(())
    }

    /// Relaxes the edges of row `i` (reached at distance `min_val`, with
    /// `h = min_val - u[i]`) to every remaining column.
    fn relax(&mut self, i: usize, h: f64) {
        let row = self.row(i);
        let (v, spc, path) = (&self.v[..], &mut self.spc[..], &mut self.path[..]);
        for &j in &self.remaining {
            debug_assert!(j < row.len() && j < v.len() && j < spc.len() && j < path.len());
            // SAFETY: `remaining` only holds indices from `usable`, all
            // `< cols`, and `row`, `v`, `spc` and `path` all have length `cols`.
            // This loop is where the solver spends its time; the bounds checks
            // cost about a third of it in wasm.
            unsafe {
                let r = row.get_unchecked(j) - v.get_unchecked(j) + h;
                if r < *spc.get_unchecked(j) {
                    *spc.get_unchecked_mut(j) = r;
                    *path.get_unchecked_mut(j) = i;
                }
            }
        }
    }

    /// [`Self::relax`], also returning the lowest distance among remaining
    /// columns and its position in `remaining` (ties: a column with room,
    /// then the lowest index).
    fn relax_and_select(&mut self, i: usize, h: f64) -> (f64, usize) {
        let row = self.row(i);
        let (v, spc, path) = (&self.v[..], &mut self.spc[..], &mut self.path[..]);
        let mut lowest = f64::INFINITY;
        let mut best = NONE;
        for (k, &j) in self.remaining.iter().enumerate() {
            debug_assert!(j < row.len() && j < v.len() && j < spc.len() && j < path.len());
            // SAFETY: as in `relax`, every `j` in `remaining` is `< cols`,
            // the length of `row`, `v`, `spc` and `path`.
            let d = unsafe {
                let r = row.get_unchecked(j) - v.get_unchecked(j) + h;
                let s = spc.get_unchecked_mut(j);
                if r < *s {
                    *s = r;
                    *path.get_unchecked_mut(j) = i;
                }
                *s
            };
            if d <= lowest {
                if d < lowest {
                    lowest = d;
                    best = k;
                } else if best != NONE {
                    let b = self.remaining[best];
                    let (room_j, room_b) = (self.room[j] > 0, self.room[b] > 0);
                    if (room_j && !room_b) || (room_j == room_b && j < b) {
                        best = k;
                    }
                }
            }
        }
        (lowest, best)
    }
}

/// The smallest value of a row and its first position.
fn row_min(row: &[f64]) -> (f64, usize) {
    let mut m = (f64::INFINITY, NONE);
    for (j, &c) in row.iter().enumerate() {
        if c < m.0 {
            m = (c, j);
        }
    }
    m
}
