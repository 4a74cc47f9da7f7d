//! The UI language: chosen by the user once, else the browser's preference.

use super::browser;
use super::i18n::{Locale, use_i18n};
use super::persist;
use crate::domain::Lang;
use leptos::prelude::*;

pub fn domain_lang(locale: Locale) -> Lang {
    match locale {
        Locale::en => Lang::En,
        Locale::es => Lang::Es,
        Locale::it => Lang::It,
    }
}

pub fn code(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::es => "es",
        Locale::it => "it",
    }
}

pub fn from_code(code: &str) -> Option<Locale> {
    match code.get(..2)?.to_ascii_lowercase().as_str() {
        "en" => Some(Locale::en),
        "es" => Some(Locale::es),
        "it" => Some(Locale::it),
        _ => None,
    }
}

/// The saved choice if any, else the first browser language we speak, else English.
pub fn initial_locale() -> Locale {
    persist::saved_language()
        .and_then(|code| from_code(&code))
        .or_else(|| {
            browser::preferred_languages()
                .iter()
                .find_map(|code| from_code(code))
        })
        .unwrap_or(Locale::en)
}

/// Applies the saved language once the i18n context exists. The provider
/// sets the browser's language from an effect of its own, so ours must run
/// after it: an effect created later runs later, and tracks nothing, so once.
pub fn apply_initial_locale() {
    let i18n = use_i18n();
    let locale = initial_locale();
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != locale {
            i18n.set_locale(locale);
        }
    });
}

/// Switches language and remembers the choice for next visits. Takes the
/// context captured at render time: event handlers run outside any owner.
pub fn choose(i18n: leptos_i18n::I18nContext<Locale>, locale: Locale) {
    i18n.set_locale(locale);
    persist::save_language(code(locale));
}

/// The current language as the domain sees it (for skill labels), reactively.
pub fn use_lang() -> Signal<Lang> {
    let i18n = use_i18n();
    Signal::derive(move || domain_lang(i18n.get_locale()))
}
