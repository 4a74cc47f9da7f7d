//! Small text rules shared by validation, search and file names.

/// A loose but honest email check: one `@`, a non-empty local part, a domain
/// with a dot and no spaces. Real verification is the mail server's job.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Emails compare case-insensitively and without surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Lower-case, accent-free ASCII used for file names: `Programa Año 1` → `programa-ano-1`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out.truncate(60);
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "program".to_string()
    } else {
        out
    }
}

/// Case- and accent-insensitive form used by search: `Énfasis` matches `enfasis`.
pub fn search_key(text: &str) -> String {
    text.chars()
        .flat_map(fold_accent)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Tags (interests) are trimmed, lower-case and single-spaced, so `Cycling ` and
/// `cycling` are the same interest.
pub fn normalize_tag(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Splits a comma- or semicolon-separated list typed by a person, dropping blanks.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &[char] = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => &['a'],
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => &['A'],
        'é' | 'è' | 'ê' | 'ë' => &['e'],
        'É' | 'È' | 'Ê' | 'Ë' => &['E'],
        'í' | 'ì' | 'î' | 'ï' => &['i'],
        'Í' | 'Ì' | 'Î' | 'Ï' => &['I'],
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => &['o'],
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => &['O'],
        'ú' | 'ù' | 'û' | 'ü' => &['u'],
        'Ú' | 'Ù' | 'Û' | 'Ü' => &['U'],
        'ñ' => &['n'],
        'Ñ' => &['N'],
        'ç' => &['c'],
        'Ç' => &['C'],
        'ß' => &['s', 's'],
        _ => return FoldIter::One(Some(c)),
    };
    FoldIter::Many(folded.iter().copied())
}

enum FoldIter {
    One(Option<char>),
    Many(std::iter::Copied<std::slice::Iter<'static, char>>),
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::One(c) => c.take(),
            FoldIter::Many(chars) => chars.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_table() {
        let cases = [
            ("ana@example.com", true),
            ("a.b+c@sub.example.co", true),
            ("ana@example", false),
            ("ana example@x.com", false),
            ("@example.com", false),
            ("ana@@example.com", false),
            ("ana@.example.com", false),
            ("ana@example..com", false),
            ("", false),
        ];
        for (text, ok) in cases {
            assert_eq!(is_email(text), ok, "{text}");
        }
    }

    #[test]
    fn slug_table() {
        let cases = [
            ("Reverse Mentoring 2026", "reverse-mentoring-2026"),
            ("  Programa Piloto: Año Uno!  ", "programa-piloto-ano-uno"),
            ("Città & Società", "citta-societa"),
            ("!!!", "program"),
            ("", "program"),
        ];
        for (text, expected) in cases {
            assert_eq!(slug(text), expected, "{text}");
        }
    }

    #[test]
    fn search_and_tags() {
        assert_eq!(search_key("Énfasis SOCIAL"), "enfasis social");
        assert_eq!(normalize_tag("  Road   Cycling "), "road cycling");
        assert_eq!(split_list("a, b;; c\n"), vec!["a", "b", "c"]);
    }
}
