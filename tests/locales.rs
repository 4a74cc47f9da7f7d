//! The three UI languages must say the same things: same keys, same
//! placeholders, no empty strings, and actually translated.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, child, out);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_string(), text.clone());
        }
        other => panic!("{prefix}: expected text, found {other}"),
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split("}}").next())
        .map(|name| {
            name.split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn every_language_has_the_same_keys() {
    let en = load("en");
    let mut report = Vec::new();
    for lang in ["es", "it"] {
        let other = load(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            report.push(format!("{lang}: missing {missing:?}, extra {extra:?}"));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn placeholders_match_and_nothing_is_empty() {
    let en = load("en");
    let mut report = Vec::new();
    for lang in ["en", "es", "it"] {
        for (key, text) in load(lang) {
            if text.trim().is_empty() {
                report.push(format!("{lang}.{key} is empty"));
            }
            if let Some(english) = en.get(&key) {
                let (found, wanted) = (placeholders(&text), placeholders(english));
                if found != wanted {
                    report.push(format!(
                        "{lang}.{key}: placeholders {found:?}, English has {wanted:?}"
                    ));
                }
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn spanish_and_italian_are_really_translated() {
    let en = load("en");
    let mut report = Vec::new();
    for lang in ["es", "it"] {
        let other = load(lang);
        let same: Vec<_> = en
            .iter()
            .filter(|(k, v)| other.get(*k) == Some(v))
            .map(|(k, _)| k.clone())
            .collect();
        // Brand and technical words (KPI, Email, Mentee…) may stay as they are,
        // but no more than one string in ten.
        if same.len() * 10 > en.len() {
            report.push(format!(
                "{lang}: {} of {} strings are still English: {same:?}",
                same.len(),
                en.len()
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
