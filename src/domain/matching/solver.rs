//! The optimal assignment: minimum total cost, rows to columns, where a
//! column may take several rows (a mentor with room for three mentees) and a
//! row may be allowed to stay unassigned at a fixed cost.
//!
//! The method is the shortest augmenting path of Jonker–Volgenant in the
//! form Crouse gives it (scipy's `rectangular_lsap.cpp`): keep row duals `u`
//! and column duals `v` so that every reduced cost `c[i][j] - u[i] - v[j]` is
//! non-negative and zero on the pairs in use, then place the free rows one by
//! one along a shortest path (Dijkstra over columns) and update the duals so
//! that this stays true. Each step is optimal for the rows placed so far,
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
//! Only `std` here: this is part of the domain core (and `bench/wasm-solver`
//! includes this very file to time it natively and in the browser).

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

const BAD_COST: SolveError = SolveError::BadInput("a cost is NaN or -inf");

/// Minimum-cost assignment of rows to columns where column `j` can take up to
/// `capacity[j]` rows.
///
/// - `costs`: row-major `rows × cols`; `f64::INFINITY` forbids a cell.
/// - `leave_cost`: `Some(c)` lets any row stay unassigned at cost `c` (a
///   virtual column with unlimited room). `None` (or `Some(INFINITY)`) means
///   every row must be assigned: if that is impossible (forbidden cells, or
///   more rows than places in all) the result is [`SolveError::Infeasible`]
///   naming a row that could not be placed.
///
/// Returns each row's column, `None` meaning left unassigned (only possible
/// with a leave cost). When a column with room and leaving cost the same,
/// the column is taken.
pub fn solve(
    costs: &[f64],
    rows: usize,
    cols: usize,
    capacity: &[u32],
    leave_cost: Option<f64>,
) -> Result<Vec<Option<usize>>, SolveError> {
    if rows.checked_mul(cols) != Some(costs.len()) {
        return Err(SolveError::BadInput("costs.len() != rows * cols"));
    }
    if capacity.len() != cols {
        return Err(SolveError::BadInput("capacity.len() != cols"));
    }
    let leave = match leave_cost {
        Some(c) if is_bad(c) => return Err(SolveError::BadInput("leave cost is NaN or -inf")),
        Some(c) if c == f64::INFINITY => None,
        other => other,
    };
    let mut solver = Solver::new(costs, rows, cols, capacity, leave);
    // Both starts read every cost once and reject NaN / -inf on the way:
    // a separate validation pass would cost as much as the start itself.
    let square = rows == cols && leave.is_none() && capacity.iter().all(|&c| c == 1);
    let free = if square {
        solver.init_square()?
    } else {
        solver.init_rows()?
    };
    for row in free {
        solver.augment(row)?;
    }
    Ok(solver
        .col4row
        .iter()
        .map(|&j| (j < cols).then_some(j))
        .collect())
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
    if rows.checked_mul(cols) != Some(costs.len()) {
        return Err(SolveError::BadInput("costs.len() != rows * cols"));
    }
    if rows == 0 || cols == 0 {
        return Ok(Vec::new());
    }
    if rows <= cols {
        let assignment = solve(costs, rows, cols, &vec![1; cols], None)?;
        Ok(assignment
            .into_iter()
            .enumerate()
            .filter_map(|(i, j)| Some((i, j?)))
            .collect())
    } else {
        let mut transposed = vec![0.0; costs.len()];
        for (i, row) in costs.chunks_exact(cols).enumerate() {
            for (j, &c) in row.iter().enumerate() {
                transposed[j * rows + i] = c;
            }
        }
        let assignment = solve(&transposed, cols, rows, &vec![1; rows], None)?;
        let mut pairs: Vec<(usize, usize)> = assignment
            .into_iter()
            .enumerate()
            .filter_map(|(j, i)| Some((i?, j)))
            .collect();
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

/// NaN or `-inf`: `!(c > -inf)` says both in one comparison.
#[allow(clippy::neg_cmp_op_on_partial_ord)]
fn is_bad(c: f64) -> bool {
    !(c > f64::NEG_INFINITY)
}

/// The working state: duals, the current assignment, and scratch space for
/// the shortest-path search, allocated once and reused for every row.
struct Solver<'a> {
    costs: &'a [f64],
    cols: usize,
    capacity: &'a [u32],
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
    /// How many columns can take someone (capacity > 0), and which cannot.
    usable: usize,
    unusable: Vec<usize>,
    /// Shortest reduced distance to each column in the current search (NaN
    /// once the column is settled, or when it can never be used), and the row
    /// it was reached from.
    spc: Vec<f64>,
    path: Vec<usize>,
    /// Columns not settled yet, in index order; only kept once few are left.
    remaining: Vec<usize>,
    /// Rows and columns settled in the current search, with their distance.
    scanned_rows: Vec<(usize, f64)>,
    scanned_cols: Vec<(usize, f64)>,
    /// Rows made reachable by a full column, still to be scanned.
    pending: Vec<usize>,
}

impl<'a> Solver<'a> {
    fn new(
        costs: &'a [f64],
        rows: usize,
        cols: usize,
        capacity: &'a [u32],
        leave: Option<f64>,
    ) -> Self {
        let unusable: Vec<usize> = (0..cols).filter(|&j| capacity[j] == 0).collect();
        Solver {
            costs,
            cols,
            capacity,
            leave,
            u: vec![0.0; rows],
            v: vec![0.0; cols],
            room: capacity.to_vec(),
            col4row: vec![NONE; rows],
            head: vec![NONE; cols],
            next: vec![NONE; rows],
            prev: vec![NONE; rows],
            usable: cols - unusable.len(),
            unusable,
            spc: vec![f64::INFINITY; cols],
            path: vec![NONE; cols],
            remaining: Vec::new(),
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

    /// Takes row `i` out of its column's list; it is free afterwards.
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
        let mut infeasible = None;
        let all_usable = self.unusable.is_empty();
        if !all_usable && self.costs.iter().any(|&c| is_bad(c)) {
            return Err(BAD_COST);
        }
        for i in 0..self.u.len() {
            let row = self.row(i);
            let (mut best, mut arg) = (f64::INFINITY, NONE);
            if all_usable {
                let bad;
                (best, arg, bad) = row_min(row);
                if bad {
                    return Err(BAD_COST);
                }
            } else {
                for (j, &c) in row.iter().enumerate() {
                    if c < best && self.capacity[j] > 0 {
                        (best, arg) = (c, j);
                    }
                }
            }
            if let Some(l) = self.leave
                && l < best
            {
                (best, arg) = (l, self.cols);
            }
            if best == f64::INFINITY {
                // Reported once every cost has been checked.
                infeasible.get_or_insert(i);
                continue;
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
        match infeasible {
            Some(row) => Err(SolveError::Infeasible { row }),
            None => Ok(free),
        }
    }

    /// Jonker–Volgenant's start for square problems with unit capacities,
    /// where every column ends up used so `v` may take any sign: column
    /// reduction, reduction transfer and (bounded) augmenting row reduction.
    /// On dense random matrices it places almost every row before any
    /// shortest path is needed. Returns the rows still to place.
    fn init_square(&mut self) -> Result<Vec<usize>, SolveError> {
        let n = self.cols;
        let inf = f64::INFINITY;
        // Column reduction: v[j] = column minimum, found row by row so the
        // matrix is read in memory order (and checked on the way).
        let mut col_min = vec![inf; n];
        let mut col_arg = vec![NONE; n];
        for i in 0..n {
            let mut bad = false;
            for ((&c, m), a) in self.row(i).iter().zip(&mut col_min).zip(&mut col_arg) {
                bad |= is_bad(c);
                if c < *m {
                    (*m, *a) = (c, i);
                }
            }
            if bad {
                return Err(BAD_COST);
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
        // Reduction transfer: a row that is some column's only minimum hands
        // that column the gap to its own second best.
        let mut free = Vec::new();
        for (i, &m) in matches.iter().enumerate() {
            match m {
                0 => free.push(i),
                1 => {
                    let j1 = self.col4row[i];
                    let mut gap = inf;
                    for (j, (&c, &vj)) in self.row(i).iter().zip(&self.v).enumerate() {
                        if c - vj < gap && j != j1 {
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
        // Augmenting row reduction, two rounds: a free row takes its best
        // column, lowering that column's v to the row's second best so the
        // duals stay feasible; the row it pushes out tries again at once.
        // Each step costs a full row scan and the chains can be long, so a
        // budget stops it where shortest paths become the cheaper way.
        for _ in 0..2 {
            let mut list = std::mem::take(&mut free);
            let end = list.len();
            let mut budget = ARR_STEPS_PER_ROW * n;
            let mut k = 0;
            while k < end {
                if budget == 0 {
                    free.extend_from_slice(&list[k..end]);
                    break;
                }
                budget -= 1;
                let i = list[k];
                k += 1;
                let (umin, mut j1, usub, j2) = two_smallest(self.row(i), &self.v);
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
        // Row duals that make every used edge tight; a free row may start
        // from any u (its first edges are only read once, at the start).
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
    ///
    /// While many columns are unsettled, whole rows are scanned in memory
    /// order (settled columns are NaN in `spc`, which never compares lower):
    /// streaming a row is much cheaper than gathering from it. Once few are
    /// left, only the `remaining` ones are visited.
    fn augment(&mut self, start: usize) -> Result<(), SolveError> {
        let cols = self.cols;
        let inf = f64::INFINITY;
        self.spc.fill(inf);
        for &j in &self.unusable {
            self.spc[j] = f64::NAN;
        }
        let mut unsettled = self.usable;
        let mut dense = true;
        self.remaining.clear();
        let (mut spc_leave, mut path_leave) = (inf, NONE);
        self.scanned_rows.clear();
        self.scanned_cols.clear();
        self.pending.clear();

        let mut min_val = 0.0;
        let mut i = start;
        let sink = loop {
            let h = min_val - self.u[i];
            if let Some(l) = self.leave
                && l + h < spc_leave
            {
                (spc_leave, path_leave) = (l + h, i);
            }
            if let Some(next) = self.pending.pop() {
                // More rows at this same distance: relax them all before
                // choosing the next column.
                if dense {
                    self.relax_dense(i, h);
                } else {
                    self.relax_list(i, h);
                }
                i = next;
                continue;
            }
            let (lowest, j) = if dense {
                self.select_dense(i, h)
            } else {
                self.select_list(i, h)
            };
            // Leaving wins only when strictly better, or equal to a full column.
            if spc_leave < lowest || (spc_leave == lowest && lowest < inf && self.room[j] == 0) {
                min_val = spc_leave;
                break cols;
            }
            if lowest == inf {
                return Err(SolveError::Infeasible { row: start });
            }
            min_val = lowest;
            if self.room[j] > 0 {
                break j;
            }
            // A full column: settle it, and all its rows are reachable at
            // this distance.
            self.spc[j] = f64::NAN;
            unsettled -= 1;
            if dense && unsettled * 4 < cols {
                dense = false;
                let spc = &self.spc;
                self.remaining
                    .extend((0..cols).filter(|&c| !spc[c].is_nan()));
            } else if !dense && let Ok(k) = self.remaining.binary_search(&j) {
                self.remaining.remove(k);
            }
            self.scanned_cols.push((j, min_val));
            let mut r = self.head[j];
            i = r;
            while r != NONE {
                self.scanned_rows.push((r, min_val));
                if r != i {
                    self.pending.push(r);
                }
                r = self.next[r];
            }
        };

        // Dual update (Crouse): rows and columns settled move by how much
        // sooner than the sink they were reached.
        self.u[start] += min_val;
        for &(r, d) in &self.scanned_rows {
            self.u[r] += min_val - d;
        }
        for &(j, d) in &self.scanned_cols {
            self.v[j] -= min_val - d;
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

    /// Relaxes the edges of row `i` (reached with `h = distance - u[i]`) to
    /// every column; settled ones are NaN and stay so.
    fn relax_dense(&mut self, i: usize, h: f64) {
        let row = self.row(i);
        let n = row.len();
        let (v, spc, path) = (&self.v[..n], &mut self.spc[..n], &mut self.path[..n]);
        for j in 0..n {
            let r = row[j] - v[j] + h;
            if r < spc[j] {
                spc[j] = r;
                path[j] = i;
            }
        }
    }

    /// [`Self::relax_dense`], also returning the lowest distance and its
    /// column (ties: a column with room, then the lowest index).
    fn select_dense(&mut self, i: usize, h: f64) -> (f64, usize) {
        let row = self.row(i);
        let n = row.len();
        let (v, spc, path) = (&self.v[..n], &mut self.spc[..n], &mut self.path[..n]);
        let room = &self.room;
        let mut best = (f64::INFINITY, NONE);
        // Lowest so far, ties to a column with room, then the lowest index.
        let consider = |best: &mut (f64, usize), d: f64, j: usize| {
            if d < best.0 {
                *best = (d, j);
            } else if d == best.0 && best.1 != NONE && room[j] > 0 && room[best.1] == 0 {
                best.1 = j;
            }
        };
        let mut j = 0;
        let chunks = row
            .chunks_exact(4)
            .zip(v.chunks_exact(4))
            .zip(spc.chunks_exact_mut(4))
            .zip(path.chunks_exact_mut(4));
        for (((c, w), s), p) in chunks {
            for (((&c, &w), s), p) in c.iter().zip(w).zip(s.iter_mut()).zip(p) {
                let r = c - w + h;
                if r < *s {
                    *s = r;
                    *p = i;
                }
            }
            // One test for four columns: beating the lowest is rare.
            let lo = best.0;
            if (s[0] <= lo) | (s[1] <= lo) | (s[2] <= lo) | (s[3] <= lo) {
                for (l, &d) in s.iter().enumerate() {
                    consider(&mut best, d, j + l);
                }
            }
            j += 4;
        }
        for k in j..n {
            let r = row[k] - v[k] + h;
            if r < spc[k] {
                spc[k] = r;
                path[k] = i;
            }
            consider(&mut best, spc[k], k);
        }
        best
    }

    /// [`Self::relax_dense`] restricted to the `remaining` columns.
    fn relax_list(&mut self, i: usize, h: f64) {
        let row = self.row(i);
        let (v, spc, path) = (&self.v[..], &mut self.spc[..], &mut self.path[..]);
        for &j in &self.remaining {
            let r = row[j] - v[j] + h;
            if r < spc[j] {
                spc[j] = r;
                path[j] = i;
            }
        }
    }

    /// [`Self::select_dense`] restricted to the `remaining` columns.
    fn select_list(&mut self, i: usize, h: f64) -> (f64, usize) {
        let row = self.row(i);
        let (v, spc, path) = (&self.v[..], &mut self.spc[..], &mut self.path[..]);
        let room = &self.room;
        let (mut lowest, mut best) = (f64::INFINITY, NONE);
        for &j in &self.remaining {
            let r = row[j] - v[j] + h;
            if r < spc[j] {
                spc[j] = r;
                path[j] = i;
            }
            let s = spc[j];
            if s <= lowest {
                if s < lowest {
                    (lowest, best) = (s, j);
                } else if best != NONE && room[j] > 0 && room[best] == 0 {
                    best = j;
                }
            }
        }
        (lowest, best)
    }
}

/// A row's smallest cost, its first position (`NONE` if all are infinite),
/// and whether the row holds a NaN or `-inf`. This scan is most of the work
/// for capacitated problems, so it has two forms, both always compiled and
/// tested: independent lanes, which vectorise (SSE2 natively, `simd128` in
/// wasm), and "four at a time, one test", which is best for scalar wasm.
fn row_min(row: &[f64]) -> (f64, usize, bool) {
    if cfg!(all(target_arch = "wasm32", not(target_feature = "simd128"))) {
        row_min_by_four(row)
    } else {
        row_min_lanes(row)
    }
}

fn row_min_lanes(row: &[f64]) -> (f64, usize, bool) {
    const L: usize = 4;
    let inf = f64::INFINITY;
    let mut m = [inf; L];
    // `x * 0` is NaN for NaN and for ±inf, 0 otherwise: a cheap first test.
    let mut odd = [0.0; L];
    let chunks = row.chunks_exact(L);
    let tail = chunks.remainder();
    for c in chunks {
        for l in 0..L {
            odd[l] += c[l] * 0.0;
            m[l] = if c[l] < m[l] { c[l] } else { m[l] };
        }
    }
    for (l, &x) in tail.iter().enumerate() {
        odd[l] += x * 0.0;
        m[l] = if x < m[l] { x } else { m[l] };
    }
    let best = m.iter().fold(inf, |a, &b| if b < a { b } else { a });
    // Only rows with an infinity (forbidden cells are common) pay for the
    // exact test.
    let bad = best == f64::NEG_INFINITY
        || (odd.iter().any(|x| x.is_nan()) && row.iter().any(|x| x.is_nan()));
    let arg = if best < inf {
        row.iter().position(|&x| x == best).unwrap_or(NONE)
    } else {
        NONE
    };
    (best, arg, bad)
}

fn row_min_by_four(row: &[f64]) -> (f64, usize, bool) {
    let (mut best, mut arg, mut nan) = (f64::INFINITY, NONE, false);
    let mut j = 0;
    for c in row.chunks_exact(4) {
        nan |= c[0].is_nan() | c[1].is_nan() | c[2].is_nan() | c[3].is_nan();
        if (c[0] < best) | (c[1] < best) | (c[2] < best) | (c[3] < best) {
            for (k, &x) in c.iter().enumerate() {
                if x < best {
                    (best, arg) = (x, j + k);
                }
            }
        }
        j += 4;
    }
    for (k, &x) in row.iter().enumerate().skip(j) {
        nan |= x.is_nan();
        if x < best {
            (best, arg) = (x, k);
        }
    }
    (best, arg, nan || best == f64::NEG_INFINITY)
}

/// How many augmenting-row-reduction steps per row, per round, before the
/// square start hands over to shortest paths (measured on dense random
/// matrices: 2 to 6 are all close, unbounded is 3–4 times slower).
const ARR_STEPS_PER_ROW: usize = 4;

/// The two smallest `row[j] - v[j]` and where they are (first positions;
/// `usub == umin` when the minimum is repeated, `INFINITY`/`NONE` when
/// missing). Four at a time with one combined test: after the first few
/// columns almost nothing beats `usub`, and that test is cheap.
fn two_smallest(row: &[f64], v: &[f64]) -> (f64, usize, f64, usize) {
    /// (smallest, where, second, where)
    fn push(t: &mut (f64, usize, f64, usize), h: f64, j: usize) {
        if h < t.2 {
            if h < t.0 {
                *t = (h, j, t.0, t.1);
            } else {
                (t.2, t.3) = (h, j);
            }
        }
    }
    let n = row.len().min(v.len());
    let (row, v) = (&row[..n], &v[..n]);
    let mut t = (f64::INFINITY, NONE, f64::INFINITY, NONE);
    let mut j = 0;
    for (c, w) in row.chunks_exact(4).zip(v.chunks_exact(4)) {
        let h = [c[0] - w[0], c[1] - w[1], c[2] - w[2], c[3] - w[3]];
        if (h[0] < t.2) | (h[1] < t.2) | (h[2] < t.2) | (h[3] < t.2) {
            for (k, &x) in h.iter().enumerate() {
                push(&mut t, x, j + k);
            }
        }
        j += 4;
    }
    for k in j..n {
        push(&mut t, row[k] - v[k], k);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const INF: f64 = f64::INFINITY;

    #[test]
    fn scipy_doc_example() {
        let costs = [4.0, 1.0, 3.0, 2.0, 0.0, 5.0, 3.0, 2.0, 2.0];
        let pairs = linear_sum_assignment(&costs, 3, 3).unwrap();
        assert_eq!(pairs, vec![(0, 1), (1, 0), (2, 2)]);
        let total: f64 = pairs.iter().map(|&(i, j)| costs[i * 3 + j]).sum();
        assert_eq!(total, 5.0);
    }

    /// Best cell first, then the best cell left, and so on.
    fn greedy(costs: &[f64], rows: usize, cols: usize, capacity: &[u32]) -> f64 {
        let mut room = capacity.to_vec();
        let mut done = vec![false; rows];
        let mut total = 0.0;
        for _ in 0..rows {
            let mut best = (INF, 0, 0);
            for i in (0..rows).filter(|&i| !done[i]) {
                for j in (0..cols).filter(|&j| room[j] > 0) {
                    if costs[i * cols + j] < best.0 {
                        best = (costs[i * cols + j], i, j);
                    }
                }
            }
            let (c, i, j) = best;
            total += c;
            done[i] = true;
            room[j] -= 1;
        }
        total
    }

    #[test]
    fn greedy_trap() {
        // Taking the cheapest cell (1) first forces the 100.
        let costs = [1.0, 2.0, 2.0, 100.0];
        assert_eq!(greedy(&costs, 2, 2, &[1, 1]), 101.0);
        let a = solve(&costs, 2, 2, &[1, 1], None).unwrap();
        assert_eq!(a, vec![Some(1), Some(0)]);
        assert_eq!(total_cost(&costs, 2, &a, None), 4.0);

        // The same trap with a column of capacity 2.
        let costs = [1.0, 2.0, 1.0, 2.0, 2.0, 100.0];
        assert_eq!(greedy(&costs, 3, 2, &[2, 1]), 102.0);
        let a = solve(&costs, 3, 2, &[2, 1], None).unwrap();
        assert_eq!(total_cost(&costs, 2, &a, None), 5.0);
        assert_eq!(a[2], Some(0));
    }

    #[test]
    fn ties_are_deterministic() {
        // Square, unit capacities (the Jonker–Volgenant start).
        let costs = [7.0; 16];
        let a = solve(&costs, 4, 4, &[1; 4], None).unwrap();
        assert_eq!(a, vec![Some(3), Some(0), Some(1), Some(2)]);
        assert_eq!(solve(&costs, 4, 4, &[1; 4], None).unwrap(), a);
        // Rectangular: the lowest free column each time.
        let costs = [7.0; 15];
        assert_eq!(
            solve(&costs, 3, 5, &[1; 5], None).unwrap(),
            vec![Some(0), Some(1), Some(2)]
        );
        // Capacities: fill column 0, then column 1.
        let costs = [7.0; 8];
        let a = solve(&costs, 4, 2, &[2, 2], None).unwrap();
        assert_eq!(a, vec![Some(0), Some(0), Some(1), Some(1)]);
        // Leaving costs the same as a column: the column wins.
        let a = solve(&costs, 4, 2, &[2, 1], Some(7.0)).unwrap();
        assert_eq!(a, vec![Some(0), Some(0), Some(1), None]);
    }

    #[test]
    fn forbidden_cells_are_never_used() {
        // Row 0 can only go to column 2, row 1 only to 0 or 2.
        let costs = [INF, INF, 5.0, 1.0, INF, 0.0, 3.0, 2.0, 9.0];
        let a = solve(&costs, 3, 3, &[1; 3], None).unwrap();
        assert_eq!(a, vec![Some(2), Some(0), Some(1)]);
        assert_eq!(total_cost(&costs, 3, &a, None), 8.0);
        // Rectangular and capacitated.
        let costs = [INF, 1.0, 2.0, INF, INF, 3.0];
        let a = solve(&costs, 3, 2, &[1, 2], None).unwrap();
        assert_eq!(a, vec![Some(1), Some(0), Some(1)]);
    }

    #[test]
    fn rows_with_a_single_allowed_cell() {
        // Square: row 1 only fits column 1, which column reduction gave to
        // row 0; row 3 only fits column 3. Nothing may become infinite.
        let costs = [
            0.0, 0.0, 5.0, 6.0, //
            INF, 3.0, INF, INF, //
            4.0, 4.0, 0.0, 1.0, //
            INF, INF, INF, 2.0,
        ];
        let a = solve(&costs, 4, 4, &[1; 4], None).unwrap();
        assert_eq!(a, vec![Some(0), Some(1), Some(2), Some(3)]);
        let costs = [1.0, INF, INF, 2.0, INF, INF, 1.0, 1.0, INF];
        assert_eq!(
            solve(&costs, 3, 3, &[1; 3], None),
            Err(SolveError::Infeasible { row: 1 })
        );
    }

    #[test]
    fn all_forbidden_row() {
        let costs = [1.0, 2.0, INF, INF, 3.0, 1.0];
        assert_eq!(
            solve(&costs, 3, 2, &[2, 2], None),
            Err(SolveError::Infeasible { row: 1 })
        );
        assert_eq!(
            linear_sum_assignment(&costs[..4], 2, 2),
            Err(SolveError::Infeasible { row: 1 })
        );
        let a = solve(&costs, 3, 2, &[2, 2], Some(10.0)).unwrap();
        assert_eq!(a, vec![Some(0), None, Some(1)]);
        // Feasible row by row, not together: both need column 0.
        let costs = [1.0, INF, 2.0, INF];
        assert_eq!(
            solve(&costs, 2, 2, &[1, 1], None),
            Err(SolveError::Infeasible { row: 1 })
        );
        assert_eq!(
            solve(&costs, 2, 2, &[2, 1], None).unwrap(),
            vec![Some(0), Some(0)]
        );
    }

    #[test]
    fn more_rows_than_places() {
        let costs = [1.0, 2.0, 3.0, 1.0, 5.0, 5.0];
        assert!(matches!(
            solve(&costs, 3, 2, &[1, 1], None),
            Err(SolveError::Infeasible { .. })
        ));
        // With a leave cost, the row that gains least from a place leaves.
        let a = solve(&costs, 3, 2, &[1, 1], Some(4.0)).unwrap();
        assert_eq!(a, vec![Some(0), Some(1), None]);
        assert_eq!(total_cost(&costs, 2, &a, Some(4.0)), 6.0);
        // A cheap leave beats every column.
        let a = solve(&costs, 3, 2, &[1, 1], Some(0.5)).unwrap();
        assert_eq!(a, vec![None, None, None]);
    }

    #[test]
    fn capacity_above_one_and_zero() {
        // Everyone prefers column 0 (room for 2); column 1 has room for 0.
        let costs = [1.0, 0.0, 5.0, 1.0, 0.0, 3.0, 1.0, 0.0, 4.0];
        let a = solve(&costs, 3, 3, &[2, 0, 5], None).unwrap();
        assert_eq!(a, vec![Some(0), Some(2), Some(0)]);
        assert_eq!(total_cost(&costs, 3, &a, None), 5.0);
        assert_eq!(
            solve(&costs, 3, 3, &[0, 0, 0], None),
            Err(SolveError::Infeasible { row: 0 })
        );
        assert_eq!(
            solve(&costs, 3, 3, &[0, 0, 0], Some(1.0)).unwrap(),
            vec![None; 3]
        );
    }

    #[test]
    fn rows_beyond_columns_in_linear_sum_assignment() {
        // 4 rows, 2 columns: only the best two rows are used.
        let costs = [5.0, 5.0, 1.0, 9.0, 9.0, 1.0, 4.0, 4.0];
        assert_eq!(
            linear_sum_assignment(&costs, 4, 2).unwrap(),
            vec![(1, 0), (2, 1)]
        );
        // And the other way round.
        let costs = [5.0, 1.0, 9.0, 4.0, 5.0, 9.0, 1.0, 4.0];
        assert_eq!(
            linear_sum_assignment(&costs, 2, 4).unwrap(),
            vec![(0, 1), (1, 2)]
        );
    }

    #[test]
    fn empty_matrices() {
        assert_eq!(solve(&[], 0, 0, &[], None).unwrap(), vec![]);
        assert_eq!(solve(&[], 0, 3, &[1, 1, 1], None).unwrap(), vec![]);
        assert_eq!(
            solve(&[], 2, 0, &[], None),
            Err(SolveError::Infeasible { row: 0 })
        );
        assert_eq!(solve(&[], 2, 0, &[], Some(1.0)).unwrap(), vec![None, None]);
        assert_eq!(linear_sum_assignment(&[], 0, 0).unwrap(), vec![]);
        assert_eq!(linear_sum_assignment(&[], 3, 0).unwrap(), vec![]);
        assert_eq!(linear_sum_assignment(&[], 0, 3).unwrap(), vec![]);
    }

    #[test]
    fn both_row_minimum_scans_agree() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for len in 0..40 {
            for _ in 0..50 {
                let row: Vec<f64> = (0..len)
                    .map(|_| match next() % 16 {
                        0 => INF,
                        1 if len % 7 == 3 => f64::NAN,
                        2 if len % 11 == 5 => f64::NEG_INFINITY,
                        k => (k % 5) as f64 - 2.0,
                    })
                    .collect();
                let (a, b) = (row_min_lanes(&row), row_min_by_four(&row));
                assert_eq!(
                    (a.0.to_bits(), a.1, a.2),
                    (b.0.to_bits(), b.1, b.2),
                    "{row:?}"
                );
                let bad = row.iter().any(|c| is_bad(*c));
                assert_eq!(a.2, bad, "{row:?}");
                if !bad {
                    let first = row
                        .iter()
                        .position(|&c| c < INF && row.iter().all(|&d| c <= d));
                    assert_eq!(a.1, first.unwrap_or(NONE), "{row:?}");
                }
            }
        }
    }

    #[test]
    fn bad_input() {
        let bad =
            |e: Result<Vec<Option<usize>>, SolveError>| matches!(e, Err(SolveError::BadInput(_)));
        assert!(bad(solve(&[1.0; 5], 2, 3, &[1; 3], None)));
        assert!(bad(solve(&[1.0; 6], 2, 3, &[1; 2], None)));
        assert!(bad(solve(&[1.0, f64::NAN, 1.0, 1.0], 2, 2, &[1; 2], None)));
        assert!(bad(solve(
            &[1.0, 1.0, f64::NEG_INFINITY, 1.0],
            2,
            2,
            &[1; 2],
            None
        )));
        assert!(bad(solve(
            &[1.0, 1.0, 1.0, f64::NAN],
            2,
            2,
            &[1; 2],
            Some(0.0)
        )));
        assert!(bad(solve(
            &[1.0, 1.0, 1.0, f64::NAN],
            2,
            2,
            &[1, 0],
            Some(0.0)
        )));
        assert!(bad(solve(&[1.0; 4], 2, 2, &[1; 2], Some(f64::NAN))));
        // A bad cost is reported even after an infeasible row.
        assert!(bad(solve(&[INF, INF, 1.0, f64::NAN], 2, 2, &[1; 2], None)));
        assert!(bad(solve(
            &[INF, INF, 1.0, f64::NAN, 1.0, 1.0],
            2,
            3,
            &[1; 3],
            None
        )));
        assert!(matches!(
            linear_sum_assignment(&[1.0; 3], 2, 2),
            Err(SolveError::BadInput(_))
        ));
        // An infinite leave cost means "no leaving".
        assert_eq!(
            solve(&[1.0, INF], 2, 1, &[1], Some(INF)),
            Err(SolveError::Infeasible { row: 1 })
        );
    }
}
