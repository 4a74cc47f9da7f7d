//! Small-group suppression, the privacy rule every aggregate goes through.
//!
//! A value computed from the answers or records of fewer than [`MIN_GROUP`]
//! distinct people is withheld: the page says "too few answers to show"
//! instead of a number, so no one's answer can be read off a chart or an
//! export. The count of people is always kept, so the page can tell "nobody
//! answered yet" (0) from "too few to show" (1–2), and can say how many
//! people a shown value describes.

use super::model::MIN_GROUP;

/// A value with the number of distinct people it describes, or only that
/// number when it is too small to show the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown<T> {
    Value { value: T, people: usize },
    Withheld { people: usize },
}

impl<T> Shown<T> {
    /// The only way to make one: `value` is kept when `people` reaches
    /// [`MIN_GROUP`] and dropped otherwise.
    pub fn from_group(people: usize, value: T) -> Shown<T> {
        if people >= MIN_GROUP {
            Shown::Value { value, people }
        } else {
            Shown::Withheld { people }
        }
    }

    /// The distinct people behind the value, shown or not.
    pub fn people(&self) -> usize {
        match self {
            Shown::Value { people, .. } | Shown::Withheld { people } => *people,
        }
    }

    /// The value, when it may be shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value { value, .. } => Some(value),
            Shown::Withheld { .. } => None,
        }
    }

    pub fn is_withheld(&self) -> bool {
        matches!(self, Shown::Withheld { .. })
    }

    /// Withholds a shown value, keeping its count: a figure big enough on
    /// its own may still have to go so that others cannot be recovered from
    /// it (see [`complement`](super::complement)).
    pub(super) fn withhold(&mut self) {
        *self = Shown::Withheld {
            people: self.people(),
        };
    }

    /// Transforms a shown value; a withheld one stays withheld with its count.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Shown<U> {
        match self {
            Shown::Value { value, people } => Shown::Value {
                value: f(value),
                people,
            },
            Shown::Withheld { people } => Shown::Withheld { people },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_fewer_than_three_people_are_withheld() {
        let cases = [
            (0, None),
            (1, None),
            (2, None),
            (3, Some(42)),
            (40, Some(42)),
        ];
        for (people, expected) in cases {
            let shown = Shown::from_group(people, 42);
            assert_eq!(shown.value().copied(), expected, "{people} people");
            assert_eq!(shown.people(), people);
            assert_eq!(shown.is_withheld(), expected.is_none());
            assert_eq!(
                shown.clone().map(|v| v + 1).value().copied(),
                expected.map(|v| v + 1)
            );
            let mut hidden = shown;
            hidden.withhold();
            assert_eq!(hidden, Shown::Withheld { people });
        }
    }
}
