//! The written content for running the program, held to what the code and
//! the UI expect: message templates use only the placeholders their kind
//! documents (the same set in every language) and fit in a `mailto:` link;
//! guides have the shape the Guides page renders; every default skill has
//! topic ideas.
#![cfg(not(target_arch = "wasm32"))]

use inversa::domain::sessions::TemplateKind;
use inversa::domain::sessions::templates::{
    MAILTO_MAX_LEN, PLACEHOLDERS, fill, kind_key, mailto, placeholders_used, unknown_placeholders,
};
use inversa::domain::skills::DEFAULT_SKILLS;
use serde_json::Value;
use std::collections::BTreeSet;

const LANGS: [&str; 3] = ["en", "es", "it"];

fn load(lang: &str) -> Value {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text<'a>(locale: &'a Value, key: &str) -> Option<&'a str> {
    key.split('.')
        .try_fold(locale, |node, part| node.get(part))?
        .as_str()
}

/// Placeholders a text uses, known ones only.
fn used(text: &str) -> BTreeSet<&'static str> {
    PLACEHOLDERS
        .iter()
        .copied()
        .filter(|p| text.contains(&format!("{{{p}}}")))
        .collect()
}

#[test]
fn templates_use_their_documented_placeholders_in_every_language() {
    let mut report = Vec::new();
    for lang in LANGS {
        let locale = load(lang);
        for kind in TemplateKind::ALL {
            let key = kind_key(kind);
            let mut found = BTreeSet::new();
            for part in ["label", "subject", "body"] {
                let path = format!("templates.{key}.{part}");
                let Some(value) = text(&locale, &path) else {
                    report.push(format!("{lang}: {path} is missing"));
                    continue;
                };
                let unknown = unknown_placeholders(value);
                if !unknown.is_empty() {
                    report.push(format!("{lang}: {path} has unknown {unknown:?}"));
                }
                if part != "label" {
                    found.extend(used(value));
                }
            }
            let documented: BTreeSet<&str> = placeholders_used(kind).iter().copied().collect();
            if found != documented {
                report.push(format!(
                    "{lang}: {key} uses {found:?}, documented {documented:?}"
                ));
            }
        }
        for p in PLACEHOLDERS {
            if text(&locale, &format!("templates.placeholders.{p}")).is_none() {
                report.push(format!("{lang}: no description for {{{p}}}"));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn content_avoids_leptos_i18n_syntax() {
    // `{{ x }}` would become a required argument, `<x>` a component and
    // `$t(` a foreign key: the texts must reach the page exactly as written.
    let mut report = Vec::new();
    for lang in LANGS {
        let locale = load(lang);
        for section in ["guides", "topics", "templates"] {
            let mut stack = vec![(section.to_string(), &locale[section])];
            while let Some((path, node)) = stack.pop() {
                match node {
                    Value::Object(map) => {
                        stack.extend(map.iter().map(|(k, v)| (format!("{path}.{k}"), v)))
                    }
                    Value::String(s) => {
                        if ["{{", "<", ">", "$t("].iter().any(|bad| s.contains(bad)) {
                            report.push(format!("{lang}: {path}"));
                        }
                        if section != "templates" && s.contains('{') {
                            report.push(format!("{lang}: {path} has a brace"));
                        }
                    }
                    _ => report.push(format!("{lang}: {path} is missing or not text")),
                }
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The Guides page renders `title`, `intro` and `item_1.heading`/`.text` …
/// `item_N` for each guide; the role guides also have a `summary` for the
/// match announcement's `{guide}`.
const GUIDES: &[(&str, usize, bool)] = &[
    ("mentor", 8, true),
    ("mentee", 7, true),
    ("session_plan", 5, false),
    ("checklist", 8, false),
    ("agreement", 11, false),
];

#[test]
fn guides_have_the_layout_the_page_renders() {
    let mut report = Vec::new();
    for lang in LANGS {
        let locale = load(lang);
        for (guide, items, has_summary) in GUIDES {
            let base = format!("guides.{guide}");
            let mut expected: BTreeSet<String> = ["title", "intro"]
                .iter()
                .map(|k| format!("{base}.{k}"))
                .collect();
            if *has_summary {
                expected.insert(format!("{base}.summary"));
            }
            for n in 1..=*items {
                expected.insert(format!("{base}.item_{n}.heading"));
                expected.insert(format!("{base}.item_{n}.text"));
            }
            let mut actual = BTreeSet::new();
            let mut stack = vec![(base.clone(), &locale["guides"][guide])];
            while let Some((path, node)) = stack.pop() {
                match node {
                    Value::Object(map) => {
                        stack.extend(map.iter().map(|(k, v)| (format!("{path}.{k}"), v)))
                    }
                    _ => {
                        actual.insert(path);
                    }
                }
            }
            if actual != expected {
                report.push(format!(
                    "{lang}.{base}: missing {:?}, unexpected {:?}",
                    expected.difference(&actual).collect::<Vec<_>>(),
                    actual.difference(&expected).collect::<Vec<_>>()
                ));
            }
        }
        for key in [
            "guides.intro",
            "guides.print",
            "guides.topics.title",
            "guides.topics.intro",
        ] {
            if text(&locale, key).is_none() {
                report.push(format!("{lang}: {key} is missing"));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn every_skill_has_two_or_three_topic_ideas() {
    let mut report = Vec::new();
    for lang in LANGS {
        let locale = load(lang);
        let mut expected: BTreeSet<String> = DEFAULT_SKILLS
            .iter()
            .map(|s| s.id.replace('-', "_"))
            .collect();
        for key in &expected {
            let Some(ideas) = text(&locale, &format!("topics.{key}")) else {
                report.push(format!("{lang}: topics.{key} is missing"));
                continue;
            };
            let lines: Vec<&str> = ideas.split('\n').collect();
            if !(2..=3).contains(&lines.len()) || lines.iter().any(|l| l.trim().is_empty()) {
                report.push(format!("{lang}: topics.{key} has {} ideas", lines.len()));
            }
        }
        if text(&locale, "topics.custom").is_none() {
            report.push(format!("{lang}: topics.custom is missing"));
        }
        expected.insert("custom".into());
        let actual: BTreeSet<String> = locale["topics"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let extra: Vec<_> = actual.difference(&expected).collect();
        if !extra.is_empty() {
            report.push(format!("{lang}: topics for unknown skills {extra:?}"));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn filled_messages_are_complete_and_fit_in_a_mailto_link() {
    for lang in LANGS {
        let locale = load(lang);
        let summary = text(&locale, "guides.mentee.summary").unwrap().to_string();
        let values: Vec<(&str, String)> = vec![
            ("name", "Ana".into()),
            ("partner", "Giulia Esposito".into()),
            ("program", "Vellora Reverse Mentoring 2026".into()),
            ("coordinator", "María José Fernández".into()),
            (
                "reasons",
                "• Ana wants to learn social media and AI tools; Giulia teaches both.\n\
                 • Both speak Spanish and English and are free on Tuesday mornings.\n\
                 • Different departments (Finance and Marketing), no reporting line."
                    .into(),
            ),
            (
                "first_date",
                "Tuesday 3 March 2026, 10:00 (Europe/Madrid)".into(),
            ),
            ("guide", summary),
            (
                "link",
                format!(
                    "https://inversa.example.org/#/checkin/{}",
                    "a1b2c3d4".repeat(12)
                ),
            ),
            ("date", "Tuesday 17 March 2026, 10:00".into()),
            ("organisation", "Vellora Foods".into()),
        ];
        for kind in TemplateKind::ALL {
            let key = kind_key(kind);
            let subject = fill(
                text(&locale, &format!("templates.{key}.subject")).unwrap(),
                &values,
            );
            let body = fill(
                text(&locale, &format!("templates.{key}.body")).unwrap(),
                &values,
            );
            for p in PLACEHOLDERS {
                let raw = format!("{{{p}}}");
                assert!(
                    !subject.contains(&raw) && !body.contains(&raw),
                    "{lang}.{key}: {raw} left unfilled"
                );
            }
            let link = mailto(&["ana.garcia@vellora.example"], &subject, &body);
            assert!(
                !link.trimmed && link.url.len() <= MAILTO_MAX_LEN,
                "{lang}.{key}: {} characters",
                link.url.len()
            );
        }
    }
}
