//! Thin wrappers over browser APIs, so views stay free of `web_sys` details.
//! None of these ever sends anything over the network.

use crate::domain::Date;
use wasm_bindgen::{JsCast, JsValue};

pub fn window() -> web_sys::Window {
    web_sys::window().expect("Inversa runs in a browser window")
}

pub fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// 16 random bytes from the browser's CSPRNG, for new ids. Falls back to
/// `Math.random` in the (theoretical) absence of `crypto`.
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = window()
        .crypto()
        .ok()
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// Today's date in the user's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("valid fallback date"))
}

/// The current instant as RFC 3339 UTC, e.g. `2026-11-25T09:30:00.000Z`.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Offers `text` as a file download. The Blob URL is local to the page: no request leaves it.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = window()
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    body.remove_child(&anchor)?;
    // Revoke later: some browsers read the URL after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}

/// Reads a picked file's bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The browser's preferred languages, best first.
pub fn preferred_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id`, e.g. a page heading after navigation.
pub fn focus_element(id: &str) {
    if let Some(element) = window().document().and_then(|d| d.get_element_by_id(id))
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The browser's IANA time zone (`Europe/Madrid`), when it reports one.
pub fn time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
        .filter(|zone| !zone.is_empty())
}

/// Whether a shortcut key belongs to the page element it was typed in: a
/// text field (which has its own undo), a list, or an open dialog.
pub fn typing_or_in_dialog(event: &web_sys::KeyboardEvent) -> bool {
    let in_field = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(
                element.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            ) || element
                .closest("[contenteditable]:not([contenteditable=false]), dialog[open]")
                .ok()
                .flatten()
                .is_some()
        });
    let dialog_open = window()
        .document()
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some();
    in_field || dialog_open
}

/// Whether the page came from a web server (not a file opened from disk).
pub fn served_over_http() -> bool {
    window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:")
}

/// Whether nothing has the focus any more (the focused element was removed).
pub fn focus_lost() -> bool {
    let Some(document) = window().document() else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| {
            let body: &web_sys::Element = body.as_ref();
            body == &active
        }),
    }
}

/// Whether a new version of the app is installed and waiting: the loader
/// then offers `window.inversaUpdate` (scripts/post-build/boot.mjs).
pub fn update_waiting() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str("inversaUpdate"))
        .is_ok_and(|f| f.is_function())
}

/// Lets the waiting version take over; the page reloads when it has.
pub fn apply_update() {
    if let Ok(update) = js_sys::Reflect::get(&window(), &JsValue::from_str("inversaUpdate"))
        && let Ok(update) = update.dyn_into::<js_sys::Function>()
    {
        let _ = update.call0(&JsValue::NULL);
    }
}
