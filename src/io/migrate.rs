//! Migrations: each step turns a document of version `n` into version `n + 1`
//! at the JSON level, before decoding, so the decoder only knows the current
//! format. Steps only reshape; checking is left to the decoder, which then
//! reports problems with current-format paths.

use serde_json::{Map, Value};

use super::import::CURRENT_VERSION;
use crate::domain::problem::{Problem, ProblemKind};

/// Brings a document written as version `from` up to [`CURRENT_VERSION`],
/// one version step at a time.
pub(crate) fn migrate(mut value: Value, from: u64) -> Result<Value, Vec<Problem>> {
    let mut version = from;
    while version < CURRENT_VERSION {
        value = match version {
            0 => v0_to_v1(value)?,
            other => {
                return Err(vec![Problem::whole_file(ProblemKind::UnknownVersion {
                    found: other.to_string(),
                })]);
            }
        };
        version += 1;
    }
    Ok(value)
}

/// Version 0 was the draft format used before the first release. It differs
/// from version 1 in three ways:
/// - participants named their line manager `"manager"` (now `"manager_id"`);
/// - the custom-skill section was `"custom_skills"` (now `"skills"`);
/// - `skills_wanted` entries could be a bare skill id, meaning priority
///   `"important"` (now always `{"skill", "priority"}`).
fn v0_to_v1(mut value: Value) -> Result<Value, Vec<Problem>> {
    let Some(top) = value.as_object_mut() else {
        return Ok(value);
    };
    rename(top, "custom_skills", "skills");
    if let Some(Value::Array(participants)) = top.get_mut("participants") {
        for participant in participants.iter_mut().filter_map(Value::as_object_mut) {
            rename(participant, "manager", "manager_id");
            if let Some(Value::Array(wanted)) = participant.get_mut("skills_wanted") {
                for entry in wanted.iter_mut() {
                    if let Value::String(skill) = entry {
                        let mut object = Map::new();
                        object.insert("skill".into(), Value::String(std::mem::take(skill)));
                        object.insert("priority".into(), Value::String("important".into()));
                        *entry = Value::Object(object);
                    }
                }
            }
        }
    }
    top.insert("version".into(), Value::from(1u64));
    Ok(value)
}

/// Moves `from` to `to` unless `to` is already there (then `from` stays, and
/// is reported as an ignored field).
fn rename(map: &mut Map<String, Value>, from: &str, to: &str) {
    if !map.contains_key(to)
        && let Some(v) = map.remove(from)
    {
        map.insert(to.to_string(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v0_draft_becomes_v1() {
        let v0 = json!({
            "format": "inversa",
            "version": 0,
            "custom_skills": [{"id": "custom-x", "name": "X", "kind": "digital"}],
            "participants": [
                {"id": "a", "manager": "b", "skills_wanted": ["ai-tools", {"skill": "strategy", "priority": "must_have"}]},
                "not an object"
            ]
        });
        let v1 = migrate(v0, 0).unwrap();
        assert_eq!(
            v1,
            json!({
                "format": "inversa",
                "version": 1,
                "skills": [{"id": "custom-x", "name": "X", "kind": "digital"}],
                "participants": [
                    {"id": "a", "manager_id": "b", "skills_wanted": [
                        {"skill": "ai-tools", "priority": "important"},
                        {"skill": "strategy", "priority": "must_have"}
                    ]},
                    "not an object"
                ]
            })
        );
    }

    #[test]
    fn current_version_is_untouched_and_odd_shapes_survive() {
        let v1 = json!({"format": "inversa", "version": 1, "participants": []});
        assert_eq!(migrate(v1.clone(), 1).unwrap(), v1);
        assert_eq!(migrate(json!([1, 2]), 0).unwrap(), json!([1, 2]));
        let both = migrate(
            json!({"skills": [], "custom_skills": [1], "participants": {}}),
            0,
        )
        .unwrap();
        assert_eq!(
            both,
            json!({"skills": [], "custom_skills": [1], "participants": {}, "version": 1})
        );
    }
}
