//! Undo and redo of the last edits, kept in memory for the visit.
//!
//! Every edit records the state it replaced; undoing swaps the current state
//! for the recorded one and keeps the current one for redo. The history is
//! bounded by count and by size, so a 2,000-person program cannot make the
//! page hold hundreds of megabytes: the oldest steps go first, but the last
//! one is always kept (undoing the very last edit must always work).

use std::collections::VecDeque;

/// How much history to keep. `bytes` is the sum of the states' sizes as
/// given by the caller (the saved text's length is a fair measure).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryLimits {
    pub steps: usize,
    pub bytes: usize,
}

impl Default for HistoryLimits {
    fn default() -> Self {
        HistoryLimits {
            steps: 50,
            bytes: 24 * 1024 * 1024,
        }
    }
}

#[derive(Clone, Debug)]
struct Step<T> {
    state: T,
    size: usize,
}

#[derive(Clone, Debug)]
pub struct History<T> {
    undo: VecDeque<Step<T>>,
    redo: Vec<Step<T>>,
    limits: HistoryLimits,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new(HistoryLimits::default())
    }
}

impl<T> History<T> {
    pub fn new(limits: HistoryLimits) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limits,
        }
    }

    /// A new edit replaced `before`: it becomes the step to undo, and what
    /// was undone before can no longer be redone (history does not branch).
    pub fn record(&mut self, before: T, size: usize) {
        self.redo.clear();
        self.undo.push_back(Step {
            state: before,
            size,
        });
        self.trim();
    }

    /// Goes one step back: returns the state to show, keeping `current` for redo.
    pub fn undo(&mut self, current: T, size: usize) -> Option<T> {
        let step = self.undo.pop_back()?;
        self.redo.push(Step {
            state: current,
            size,
        });
        Some(step.state)
    }

    /// Goes one step forward again after an undo.
    pub fn redo(&mut self, current: T, size: usize) -> Option<T> {
        let step = self.redo.pop()?;
        self.undo.push_back(Step {
            state: current,
            size,
        });
        self.trim();
        Some(step.state)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps that can be undone, then redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Forgets everything (another tab's version was loaded, say).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    fn held_bytes(&self) -> usize {
        self.undo.iter().chain(&self.redo).map(|s| s.size).sum()
    }

    /// Drops the oldest undo steps past the limits; redo steps are newer
    /// than any undo step and are never dropped here.
    fn trim(&mut self) {
        while self.undo.len() > 1
            && (self.undo.len() > self.limits.steps || self.held_bytes() > self.limits.bytes)
        {
            self.undo.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(steps: usize, bytes: usize) -> History<&'static str> {
        History::new(HistoryLimits { steps, bytes })
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = history(10, 1000);
        // a → b → c
        h.record("a", 1);
        h.record("b", 1);
        assert_eq!(h.undo("c", 1), Some("b"));
        assert_eq!(h.undo("b", 1), Some("a"));
        assert_eq!(h.undo("a", 1), None);
        assert_eq!(h.redo("a", 1), Some("b"));
        assert_eq!(h.redo("b", 1), Some("c"));
        assert_eq!(h.redo("c", 1), None);
        assert_eq!(h.depth(), (2, 0));
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_branch() {
        let mut h = history(10, 1000);
        h.record("a", 1);
        assert_eq!(h.undo("b", 1), Some("a"));
        assert!(h.can_redo());
        h.record("a", 1); // a → x
        assert!(!h.can_redo());
        assert_eq!(h.undo("x", 1), Some("a"));
    }

    #[test]
    fn limits_drop_the_oldest_steps_but_keep_the_last() {
        // (steps, bytes, sizes recorded, expected undo depth)
        let cases: &[(usize, usize, &[usize], usize)] = &[
            (3, 1000, &[1, 1, 1, 1, 1], 3),
            (10, 10, &[4, 4, 4], 2),
            (10, 10, &[50], 1),
            (10, 10, &[1, 50], 1),
            (0, 0, &[1, 1], 1),
        ];
        for &(steps, bytes, sizes, expected) in cases {
            let mut h = History::new(HistoryLimits { steps, bytes });
            for (i, &size) in sizes.iter().enumerate() {
                h.record(i, size);
            }
            assert_eq!(
                h.depth().0,
                expected,
                "{steps} steps, {bytes} bytes, {sizes:?}"
            );
            // What is left is always the most recent steps.
            assert_eq!(h.undo(99, 1), Some(sizes.len() - 1));
        }
    }

    #[test]
    fn redo_steps_count_against_the_size_budget() {
        let mut h = history(10, 10);
        // a → b → c → d, where d is large.
        h.record("a", 2);
        h.record("b", 2);
        h.record("c", 2);
        assert_eq!(h.undo("d", 8), Some("c"));
        assert_eq!(h.undo("c", 2), Some("b"));
        assert_eq!(h.undo("b", 2), Some("a"));
        assert_eq!(h.depth(), (0, 3));
        assert_eq!(h.redo("a", 2), Some("b"));
        // Held: a (2) to undo; d (8) and c (2) to redo: 12 bytes, but the
        // last undo step is always kept.
        assert_eq!(h.depth(), (1, 2));
        assert_eq!(h.redo("b", 2), Some("c"));
        // a + b + d = 12 > 10: the oldest step, a, goes.
        assert_eq!(h.depth(), (1, 1));
        assert_eq!(h.undo("c", 2), Some("b"));
        assert_eq!(h.undo("b", 2), None);
    }
}
