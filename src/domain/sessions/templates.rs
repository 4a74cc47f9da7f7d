//! Messages the coordinator sends by email: filling a template's
//! `{placeholders}` and turning the result into a `mailto:` link.
//!
//! The texts themselves live in `locales/*.json` (`templates.<kind>.subject`
//! and `.body`) or in a coordinator's [`TemplateOverride`]; the UI passes them
//! in, so this module holds rules only, never wording. Placeholders use single
//! braces (`{name}`), which leptos_i18n leaves as literal text.

use crate::domain::participants::Participant;
use crate::domain::sessions::model::{SessionsState, TemplateKind, TemplateOverride};
use crate::domain::skills::Lang;
use crate::domain::validation::limits;

/// Every placeholder a message may use:
/// - `{name}` the recipient's first name;
/// - `{partner}` the other person in the pair;
/// - `{program}` the program's name; `{organisation}` the company;
/// - `{coordinator}` who sends the message;
/// - `{reasons}` why the pair was matched, a few lines;
/// - `{first_date}` the first session's date and time;
/// - `{guide}` a short summary of the recipient's role guide, or where to find it;
/// - `{link}` the recipient's personal check-in link;
/// - `{date}` the date and time of the session a reminder is about.
pub const PLACEHOLDERS: &[&str] = &[
    "name",
    "partner",
    "program",
    "coordinator",
    "reasons",
    "first_date",
    "guide",
    "link",
    "date",
    "organisation",
];

/// The placeholders each built-in message uses, in every language (a test
/// holds the locale files to this). Values for others need not be supplied.
pub fn placeholders_used(kind: TemplateKind) -> &'static [&'static str] {
    match kind {
        TemplateKind::Invitation => &["name", "program", "organisation", "coordinator"],
        TemplateKind::MatchAnnouncement => &[
            "name",
            "partner",
            "program",
            "reasons",
            "first_date",
            "guide",
            "coordinator",
        ],
        TemplateKind::SessionReminder => &["name", "partner", "date", "coordinator"],
        TemplateKind::CheckinRequest | TemplateKind::AssessmentRequest => {
            &["name", "program", "link", "coordinator"]
        }
        TemplateKind::Nudge => &["name", "partner", "program", "coordinator"],
        TemplateKind::ThankYou => &["name", "partner", "program", "organisation", "coordinator"],
    }
}

/// The kind's segment in locale keys: `templates.<key>.subject`.
pub fn kind_key(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::Invitation => "invitation",
        TemplateKind::MatchAnnouncement => "match_announcement",
        TemplateKind::SessionReminder => "session_reminder",
        TemplateKind::CheckinRequest => "checkin_request",
        TemplateKind::AssessmentRequest => "assessment_request",
        TemplateKind::Nudge => "nudge",
        TemplateKind::ThankYou => "thank_you",
    }
}

/// The `{…}` starting at `text[open]` (which must be `{`): its inner text and
/// the index just past the closing brace. `None` when another `{` or the end
/// comes first, so unbalanced braces are simply text.
fn braced_at(text: &str, open: usize) -> Option<(&str, usize)> {
    let after = &text[open + 1..];
    let end = after.find(['{', '}'])?;
    (after.as_bytes()[end] == b'}').then(|| (&after[..end], open + 1 + end + 1))
}

/// Replaces each `{placeholder}` that has a value in `values`; everything else
/// (unknown names, placeholders without a value, stray braces) stays as typed.
/// One pass over `text`, so braces inside inserted values are never expanded.
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find('{') {
        let open = search + found;
        let value = braced_at(text, open).and_then(|(name, next)| {
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (value, next))
        });
        match value {
            Some((value, next)) => {
                out.push_str(&text[copied..open]);
                out.push_str(value);
                copied = next;
                search = next;
            }
            None => search = open + 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Braced words in a template that are not placeholders (`{nmae}`,
/// `{Name}`), in order of first appearance, so the coordinator editing a
/// message can be warned they would be sent as typed. Only short single-line
/// `{…}` are considered; other braces are ordinary text.
pub fn unknown_placeholders(text: &str) -> Vec<String> {
    const LONGEST: usize = 40;
    let mut unknown: Vec<String> = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find('{') {
        let open = search + found;
        search = open + 1;
        let Some((inner, next)) = braced_at(text, open) else {
            continue;
        };
        let looks_like_one =
            !inner.trim().is_empty() && inner.chars().count() <= LONGEST && !inner.contains('\n');
        if looks_like_one && !PLACEHOLDERS.contains(&inner) && !unknown.iter().any(|u| u == inner) {
            unknown.push(inner.to_string());
        }
        search = next;
    }
    unknown
}

/// The UI language for an ISO 639-1 code, tolerating case and a region
/// (`es-MX`).
fn lang_from_code(code: &str) -> Option<Lang> {
    let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
    match primary.to_ascii_lowercase().as_str() {
        "en" => Some(Lang::En),
        "es" => Some(Lang::Es),
        "it" => Some(Lang::It),
        _ => None,
    }
}

/// The language to write to someone in: the first of their languages (in
/// their order of preference) that Inversa has texts for, else English.
pub fn recipient_lang(p: &Participant) -> Lang {
    p.languages
        .iter()
        .find_map(|code| lang_from_code(code))
        .unwrap_or(Lang::En)
}

/// The first word of a full name, for a friendly greeting; empty for a blank name.
pub fn first_name(full: &str) -> &str {
    full.split_whitespace().next().unwrap_or_default()
}

/// The coordinator's own wording for `kind` in `lang`, if it has a body. A
/// cleared override falls back to the built-in text, so an emptied field never
/// sends an empty email.
pub fn chosen(state: &SessionsState, kind: TemplateKind, lang: Lang) -> Option<&TemplateOverride> {
    state
        .template(kind, lang)
        .filter(|t| !t.body.trim().is_empty())
}

/// Which part of an edited template is past the file format's limits
/// ([`limits::TEMPLATE_SUBJECT`], [`limits::TEMPLATE_BODY`] characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateTooLong {
    Subject,
    Body,
}

/// Keeps the coordinator's wording for one kind and language, replacing an
/// earlier one (never a second entry for the same pair, which saved data may
/// not have). Text past the limits is refused and nothing changes: saved, it
/// would make the stored workspace unreadable on the next visit.
pub fn save_override(
    state: &mut SessionsState,
    edited: TemplateOverride,
) -> Result<(), Vec<TemplateTooLong>> {
    let too_long = |text: &str, max: usize| text.trim().chars().count() > max;
    let mut problems = Vec::new();
    if too_long(&edited.subject, limits::TEMPLATE_SUBJECT) {
        problems.push(TemplateTooLong::Subject);
    }
    if too_long(&edited.body, limits::TEMPLATE_BODY) {
        problems.push(TemplateTooLong::Body);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let list = &mut state.templates;
    match list
        .iter_mut()
        .find(|t| t.kind == edited.kind && t.lang == edited.lang)
    {
        Some(existing) => *existing = edited,
        None => list.push(edited),
    }
    Ok(())
}

/// Longest `mailto:` URL produced. Browsers and mail clients cut or refuse
/// longer ones (some at 2,000 characters, Outlook on Windows near 2,048), so
/// stay under that with a margin.
pub const MAILTO_MAX_LEN: usize = 1900;

/// What ends a shortened body, on its own line: the recipient sees the text
/// stops on purpose, in any language.
const ELLIPSIS: &str = "…";

/// A `mailto:` link and whether the message had to be shortened to fit
/// [`MAILTO_MAX_LEN`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailto {
    pub url: String,
    pub trimmed: bool,
}

/// Characters RFC 3986 never needs encoded.
fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

fn percent_encode_into(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for byte in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("%{byte:02X}"));
    }
}

/// An address with everything but unreserved characters and `@` encoded:
/// `,` would split it, `?`/`#`/`%` would end or corrupt it, and some clients
/// read a literal `+` as a space.
fn encode_address(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    for c in address.chars() {
        if is_unreserved(c) || c == '@' {
            out.push(c);
        } else {
            percent_encode_into(&mut out, c);
        }
    }
    out
}

/// A header value (subject, body) as UTF-8 percent-encoding; line breaks,
/// already normalised to `\n`, become CRLF as RFC 6068 asks.
fn encode_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("%0D%0A"),
            c if is_unreserved(c) => out.push(c),
            c => percent_encode_into(&mut out, c),
        }
    }
    out
}

fn encoded_len(c: char) -> usize {
    match c {
        '\n' => 6,
        c if is_unreserved(c) => 1,
        c => 3 * c.len_utf8(),
    }
}

/// The longest start of `text` whose encoding fits in `budget` characters,
/// cut at whitespace when there is any (mid-word only for one huge word),
/// without trailing whitespace.
fn cut_to_fit(text: &str, budget: usize) -> &str {
    let mut used = 0;
    let mut last_space = None;
    let mut last_char_end = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            last_space = Some(i);
        }
        used += encoded_len(c);
        if used > budget {
            let end = last_space.filter(|&s| s > 0).unwrap_or(last_char_end);
            return text[..end].trim_end();
        }
        last_char_end = i + c.len_utf8();
    }
    text.trim_end()
}

fn build_url(addresses: &str, subject: &str, body: &str) -> String {
    let mut url = format!("mailto:{addresses}");
    let mut separator = '?';
    for (field, value) in [("subject", subject), ("body", body)] {
        if !value.is_empty() {
            url.push(separator);
            url.push_str(field);
            url.push('=');
            url.push_str(&encode_value(value));
            separator = '&';
        }
    }
    url
}

/// A `mailto:` link (RFC 6068) for `to`, with `subject` and `body` encoded as
/// UTF-8. When the link would be longer than [`MAILTO_MAX_LEN`], the body is
/// cut at a word boundary and ends with a `…` line (and, if that is still not
/// enough, the subject too). Addresses are never dropped: a list so long that
/// it alone passes the limit still gives a longer link, for the UI to split.
pub fn mailto(to: &[&str], subject: &str, body: &str) -> Mailto {
    let addresses = to
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .map(encode_address)
        .collect::<Vec<_>>()
        .join(",");
    // A subject is a single header line; a body keeps its lines as CRLF.
    let subject = subject
        .split(['\r', '\n'])
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let body = body.replace("\r\n", "\n").replace('\r', "\n");

    let url = build_url(&addresses, &subject, &body);
    if url.len() <= MAILTO_MAX_LEN {
        return Mailto {
            url,
            trimmed: false,
        };
    }

    let ellipsis_cost: usize = ELLIPSIS.chars().map(encoded_len).sum();
    let body_overhead = build_url(&addresses, &subject, ELLIPSIS).len() - ellipsis_cost;
    let budget = MAILTO_MAX_LEN
        .saturating_sub(body_overhead)
        .saturating_sub(ellipsis_cost + encoded_len('\n'));
    let kept = cut_to_fit(&body, budget);
    let body = if kept.is_empty() {
        ELLIPSIS.to_string()
    } else {
        format!("{kept}\n{ELLIPSIS}")
    };

    let mut url = build_url(&addresses, &subject, &body);
    if url.len() > MAILTO_MAX_LEN {
        let subject_overhead = build_url(&addresses, ELLIPSIS, &body).len() - ellipsis_cost;
        let budget = MAILTO_MAX_LEN
            .saturating_sub(subject_overhead)
            .saturating_sub(ellipsis_cost);
        let subject = format!("{}{ELLIPSIS}", cut_to_fit(&subject, budget));
        url = build_url(&addresses, &subject, &body);
    }
    Mailto { url, trimmed: true }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ParticipantId;
    use crate::domain::participants::Role;

    fn values(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn fill_replaces_known_placeholders_and_leaves_the_rest() {
        let all: Vec<(&str, String)> = PLACEHOLDERS
            .iter()
            .map(|p| (*p, format!("<{}>", p.to_uppercase())))
            .collect();
        let every = PLACEHOLDERS
            .iter()
            .map(|p| format!("{{{p}}}"))
            .collect::<Vec<_>>()
            .join("|");
        let every_filled = PLACEHOLDERS
            .iter()
            .map(|p| format!("<{}>", p.to_uppercase()))
            .collect::<Vec<_>>()
            .join("|");
        assert_eq!(fill(&every, &all), every_filled);

        let ana = values(&[("name", "Ana"), ("partner", "Luca {name}")]);
        let cases = [
            ("Hi {name}!", "Hi Ana!"),
            ("{name}, {name} and {name}", "Ana, Ana and Ana"),
            ("Hi {nmae}", "Hi {nmae}"),
            ("Hi {Name}", "Hi {Name}"),
            // A placeholder without a value stays visible rather than vanishing.
            ("On {date}", "On {date}"),
            ("{", "{"),
            ("}", "}"),
            ("{name", "{name"),
            ("name}", "name}"),
            ("{{name}}", "{Ana}"),
            ("{ {name}", "{ Ana"),
            ("{name}}", "Ana}"),
            ("{}", "{}"),
            ("{ name }", "{ name }"),
            ("{na{name}me}", "{naAname}"),
            // Inserted text is never expanded again.
            ("With {partner}", "With Luca {name}"),
            ("Olá, {name} — ¿qué tal? 👋", "Olá, Ana — ¿qué tal? 👋"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(fill(text, &ana), expected, "{text:?}");
        }
        assert_eq!(fill("Hi {name}", &[]), "Hi {name}");
    }

    #[test]
    fn unknown_placeholders_flags_typos_once_each() {
        let cases: &[(&str, &[&str])] = &[
            ("Hi {name}, see {link} on {date}", &[]),
            ("Hi {nmae} and {nmae}, {Name}", &["nmae", "Name"]),
            (
                "{first date} {first_date} {fecha}",
                &["first date", "fecha"],
            ),
            ("{ name }", &[" name "]),
            ("{name", &[]),
            ("{}", &[]),
            ("{   }", &[]),
            ("{{partner}}", &[]),
            ("{{oops}}", &["oops"]),
            ("{line\nbreak}", &[]),
            (
                "{this is a long sentence in braces, surely not a placeholder}",
                &[],
            ),
            ("{nombre} y {compañero}", &["nombre", "compañero"]),
        ];
        for (text, expected) in cases {
            assert_eq!(unknown_placeholders(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn recipient_lang_takes_the_first_language_with_texts() {
        let cases: &[(&[&str], Lang)] = &[
            (&["es", "en"], Lang::Es),
            (&["de", "it", "en"], Lang::It),
            (&["fr", "de"], Lang::En),
            (&[], Lang::En),
            (&["EN"], Lang::En),
            (&[" it "], Lang::It),
            (&["es-MX"], Lang::Es),
            (&["pt_BR", "es"], Lang::Es),
            (&["e", "esp", "es"], Lang::Es),
        ];
        for (languages, expected) in cases {
            let mut p = Participant::new(ParticipantId::from_random_bytes([7; 16]), Role::Mentee);
            p.languages = languages.iter().map(|l| l.to_string()).collect();
            assert_eq!(recipient_lang(&p), *expected, "{languages:?}");
        }
    }

    #[test]
    fn first_name_is_the_first_word() {
        let cases = [
            ("Ana García", "Ana"),
            ("  Luca   Bianchi ", "Luca"),
            ("Zoë", "Zoë"),
            ("María José Pérez", "María"),
            ("", ""),
            ("   ", ""),
        ];
        for (full, expected) in cases {
            assert_eq!(first_name(full), expected, "{full:?}");
        }
    }

    #[test]
    fn chosen_ignores_cleared_overrides() {
        let mut state = SessionsState::default();
        let edited = |lang, body: &str| TemplateOverride {
            kind: TemplateKind::Nudge,
            lang,
            subject: "S".into(),
            body: body.into(),
        };
        state.templates = vec![edited(Lang::Es, "Hola {name}"), edited(Lang::It, "  \n")];
        assert_eq!(
            chosen(&state, TemplateKind::Nudge, Lang::Es).map(|t| t.body.as_str()),
            Some("Hola {name}")
        );
        assert_eq!(chosen(&state, TemplateKind::Nudge, Lang::It), None);
        assert_eq!(chosen(&state, TemplateKind::Nudge, Lang::En), None);
        assert_eq!(chosen(&state, TemplateKind::ThankYou, Lang::Es), None);
    }

    #[test]
    fn every_kind_uses_known_placeholders_and_has_its_own_key() {
        let mut keys = std::collections::HashSet::new();
        for kind in TemplateKind::ALL {
            assert!(keys.insert(kind_key(kind)), "{kind:?}");
            for p in placeholders_used(kind) {
                assert!(PLACEHOLDERS.contains(p), "{kind:?} uses {p}");
            }
            assert!(placeholders_used(kind).contains(&"name"), "{kind:?}");
        }
    }

    #[test]
    fn mailto_encodes_addresses_subject_and_body() {
        let cases: &[(&[&str], &str, &str, &str)] = &[
            (
                &["ana@example.com"],
                "Hello",
                "Hi Ana",
                "mailto:ana@example.com?subject=Hello&body=Hi%20Ana",
            ),
            (
                &["ana@example.com", " luca@example.it "],
                "",
                "",
                "mailto:ana@example.com,luca@example.it",
            ),
            (&[], "Só", "", "mailto:?subject=S%C3%B3"),
            (&["", "  "], "", "x", "mailto:?body=x"),
            (
                &["ana+mentor@example.com"],
                "Q&A? #1 100% + more",
                "",
                "mailto:ana%2Bmentor@example.com?subject=Q%26A%3F%20%231%20100%25%20%2B%20more",
            ),
            (
                &["a,b%c?d#e@example.com"],
                "",
                "",
                "mailto:a%2Cb%25c%3Fd%23e@example.com",
            ),
            (
                &["x@example.com"],
                "¡Añadido! Però è già qui",
                "",
                "mailto:x@example.com?subject=%C2%A1A%C3%B1adido%21%20Per%C3%B2%20%C3%A8%20gi%C3%A0%20qui",
            ),
            (
                &["x@example.com"],
                "",
                "Hola 👋\nline two\r\nthree\rfour",
                "mailto:x@example.com?body=Hola%20%F0%9F%91%8B%0D%0Aline%20two%0D%0Athree%0D%0Afour",
            ),
            (
                &["x@example.com"],
                "Line one\nline two",
                "a=b&c;d/e:f",
                "mailto:x@example.com?subject=Line%20one%20line%20two&body=a%3Db%26c%3Bd%2Fe%3Af",
            ),
            (
                &["x@example.com"],
                "",
                "tilde~dash-dot.under_",
                "mailto:x@example.com?body=tilde~dash-dot.under_",
            ),
        ];
        for (to, subject, body, expected) in cases {
            let link = mailto(to, subject, body);
            assert_eq!(link.url, *expected, "{to:?} {subject:?} {body:?}");
            assert!(!link.trimmed);
        }
    }

    /// Decodes one percent-encoded value, as a mail client would.
    fn decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap().replace("\r\n", "\n")
    }

    fn field(url: &str, name: &str) -> Option<String> {
        let query = url.split_once('?')?.1;
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .map(decode)
    }

    #[test]
    fn long_bodies_are_cut_at_a_word_with_an_ellipsis_line() {
        let to = ["ana.garcia@example.com"];
        let paragraph = "Gracias por tu tiempo: la sesión de ayer fue muy útil, ¿verdad? 🙂\n";
        let body = paragraph.repeat(60);
        let link = mailto(&to, "Seguimiento", &body);
        assert!(link.trimmed);
        assert!(link.url.len() <= MAILTO_MAX_LEN, "{}", link.url.len());
        let sent = field(&link.url, "body").unwrap();
        let kept = sent.strip_suffix("\n…").expect("ellipsis line");
        assert!(body.starts_with(kept));
        let next = body[kept.len()..].chars().next().unwrap();
        assert!(next.is_whitespace(), "cut inside a word: {next:?}");
        // Nearly all the room is used: one more word would not have fitted.
        assert!(link.url.len() > MAILTO_MAX_LEN - 120, "{}", link.url.len());
        assert_eq!(field(&link.url, "subject").as_deref(), Some("Seguimiento"));
    }

    #[test]
    fn a_body_that_just_fits_is_kept_whole() {
        let base = mailto(&["a@example.com"], "S", "").url.len() + "&body=".len();
        let exact = "x".repeat(MAILTO_MAX_LEN - base);
        let link = mailto(&["a@example.com"], "S", &exact);
        assert_eq!((link.url.len(), link.trimmed), (MAILTO_MAX_LEN, false));
        // Just over: the last word goes, and the ellipsis line takes its room.
        let head = "x".repeat(exact.len() - 30);
        let over = format!("{head} {}", "y".repeat(40));
        let link = mailto(&["a@example.com"], "S", &over);
        assert!(link.trimmed && link.url.len() <= MAILTO_MAX_LEN);
        assert_eq!(field(&link.url, "body").unwrap(), format!("{head}\n…"));
    }

    #[test]
    fn one_huge_word_and_a_huge_subject_still_fit() {
        let word = "é".repeat(2000);
        let link = mailto(&["a@example.com"], "Hi", &word);
        assert!(link.trimmed && link.url.len() <= MAILTO_MAX_LEN);
        let sent = field(&link.url, "body").unwrap();
        assert!(sent.ends_with("\n…") && sent.starts_with("éé"));

        let subject = "palabra ".repeat(300);
        let link = mailto(&["a@example.com"], &subject, &"texto ".repeat(300));
        assert!(link.trimmed && link.url.len() <= MAILTO_MAX_LEN);
        assert_eq!(field(&link.url, "body").as_deref(), Some("…"));
        let sent = field(&link.url, "subject").unwrap();
        assert!(sent.starts_with("palabra palabra") && sent.ends_with("palabra…"));
    }

    #[test]
    fn overrides_replace_per_kind_and_language_and_refuse_overlong_text() {
        let edit = |kind, lang, subject: &str, body: &str| TemplateOverride {
            kind,
            lang,
            subject: subject.into(),
            body: body.into(),
        };
        let mut state = SessionsState::default();
        let first = edit(TemplateKind::Nudge, Lang::Es, "Hola", "Cuerpo");
        let second = edit(TemplateKind::Nudge, Lang::Es, "Hola de nuevo", "Otro");
        let italian = edit(TemplateKind::Nudge, Lang::It, "Ciao", "Testo");
        for t in [&first, &second, &italian] {
            assert_eq!(save_override(&mut state, t.clone()), Ok(()));
        }
        assert_eq!(state.templates, vec![second.clone(), italian.clone()]);

        let at_limit = "é".repeat(limits::TEMPLATE_SUBJECT);
        let cases = [
            (format!(" {at_limit} "), String::new(), vec![]),
            (
                format!("{at_limit}x"),
                String::new(),
                vec![TemplateTooLong::Subject],
            ),
            (
                format!("{at_limit}x"),
                "b".repeat(limits::TEMPLATE_BODY + 1),
                vec![TemplateTooLong::Subject, TemplateTooLong::Body],
            ),
        ];
        for (subject, body, expected) in cases {
            let mut copy = state.clone();
            let result = save_override(
                &mut copy,
                edit(TemplateKind::Nudge, Lang::It, &subject, &body),
            );
            if expected.is_empty() {
                assert_eq!(result, Ok(()));
                assert_eq!(copy.templates[1].subject, subject);
            } else {
                assert_eq!(result, Err(expected));
                assert_eq!(copy, state, "a refused edit changes nothing");
            }
        }
    }
}
