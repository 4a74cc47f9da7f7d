//! Serialized formats, kept apart from domain types.
