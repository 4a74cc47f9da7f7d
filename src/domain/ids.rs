//! Stable identifiers. Ids are random UUIDs (v4) kept as text, so that files
//! merged from different coordinators never collide and reading them needs no
//! parsing beyond a shape check.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Accepts any UUID-shaped text (case-insensitive), normalised to lower case.
            pub fn parse(text: &str) -> Option<$name> {
                is_uuid(text).then(|| $name(text.to_ascii_lowercase()))
            }

            /// A fresh v4 UUID from 16 random bytes supplied by the caller (the
            /// browser's crypto in the app, a fixed seed in tests).
            pub fn from_random_bytes(bytes: [u8; 16]) -> $name {
                $name(uuid_v4_text(bytes))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a participant for the life of the program, across exports.
    ParticipantId
);
id_type!(
    /// Identifies an objective, so later records (sessions, impact) can point at it.
    ObjectiveId
);
id_type!(
    /// Identifies one scheduled or logged session; its iCalendar UID derives from it,
    /// so a re-imported calendar updates events instead of duplicating them.
    SessionId
);
id_type!(
    /// Identifies a goal inside a pair's agreement, so sessions can log progress on it.
    GoalId
);
id_type!(
    /// Identifies a check-in or self-assessment round; answers name it.
    RoundId
);

/// `8-4-4-4-12` hex digits.
pub fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

fn uuid_v4_text(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Deterministic ids for tests and demo data: a counter spread into 16 bytes.
pub fn seeded_bytes(seed: u64) -> [u8; 16] {
    // splitmix64, twice, so neighbouring seeds give unrelated ids.
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&next().to_le_bytes());
    bytes[8..].copy_from_slice(&next().to_le_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_v4_uuids() {
        let id = ParticipantId::from_random_bytes(seeded_bytes(7));
        assert!(is_uuid(id.as_str()));
        assert_eq!(&id.as_str()[14..15], "4");
        assert!(matches!(&id.as_str()[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(ParticipantId::parse(&id.as_str().to_uppercase()), Some(id));
    }

    #[test]
    fn rejects_non_uuid_text() {
        for text in [
            "",
            "p1",
            "123e4567-e89b-12d3-a456-42661417400",
            "123e4567xe89b-12d3-a456-426614174000",
        ] {
            assert_eq!(ParticipantId::parse(text), None, "{text}");
        }
    }
}
