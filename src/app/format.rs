//! Localized numbers and dates through the browser's `Intl`, which knows every
//! locale already: no formatting data needs to ship in the wasm.

use super::i18n::Locale;
use crate::domain::Date;
use wasm_bindgen::JsValue;

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en-GB",
        Locale::es => "es-ES",
        Locale::it => "it-IT",
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Intl.NumberFormat`; js-sys binds `toLocaleString` without options.
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locale: &str, options: &JsValue) -> NumberFormat;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, value: f64) -> String;
}

fn number_to_locale_string(value: f64, locale: Locale, opts: &JsValue) -> String {
    NumberFormat::new(tag(locale), opts).format(value)
}

/// A number with at most `max_fraction` decimals: `1,234.5` / `1.234,5`.
pub fn number(locale: Locale, value: f64, max_fraction: u32) -> String {
    let opts = options(&[("maximumFractionDigits", JsValue::from(max_fraction))]);
    number_to_locale_string(value, locale, &opts)
}

pub fn count(locale: Locale, value: usize) -> String {
    number(locale, value as f64, 0)
}

/// A share 0–1 as a whole percentage: `45 %` / `45%`.
pub fn percent(locale: Locale, share: f64) -> String {
    let opts = options(&[
        ("style", JsValue::from_str("percent")),
        ("maximumFractionDigits", JsValue::from(0)),
    ]);
    number_to_locale_string(share, locale, &opts)
}

/// A calendar date, e.g. `14 Sept 2026` / `14 sept 2026` / `14 set 2026`.
pub fn date(locale: Locale, date: Date) -> String {
    let js = js_sys::Date::new_with_year_month_day(
        date.year() as u32,
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    let opts = options(&[
        ("year", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("short")),
        ("day", JsValue::from_str("numeric")),
    ]);
    js.to_locale_date_string(tag(locale), &opts).into()
}

/// An RFC 3339 instant (`saved_at`, `exported_at`) in local date and time;
/// the text itself when it cannot be read.
pub fn instant(locale: Locale, iso: &str) -> String {
    let js = js_sys::Date::new(&JsValue::from_str(iso));
    if js.get_time().is_nan() {
        return iso.to_string();
    }
    let opts = options(&[
        ("year", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("short")),
        ("day", JsValue::from_str("numeric")),
        ("hour", JsValue::from_str("2-digit")),
        ("minute", JsValue::from_str("2-digit")),
    ]);
    js.to_locale_string(tag(locale), &opts).into()
}

/// A size in kilobytes or megabytes: `12 KB`, `1.4 MB`.
pub fn size(locale: Locale, bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", number(locale, bytes as f64 / 1_000_000.0, 1))
    } else {
        format!(
            "{} KB",
            number(locale, (bytes as f64 / 1_000.0).max(0.1), 1)
        )
    }
}

/// A date with its weekday, e.g. `Tue 14 Sept 2026` / `mar, 14 sept 2026`.
pub fn weekday_date(locale: Locale, date: Date) -> String {
    let js = js_sys::Date::new_with_year_month_day(
        date.year() as u32,
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    let opts = options(&[
        ("weekday", JsValue::from_str("short")),
        ("year", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("short")),
        ("day", JsValue::from_str("numeric")),
    ]);
    js.to_locale_date_string(tag(locale), &opts).into()
}
