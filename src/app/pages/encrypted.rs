//! Encrypted files on the Data page: "Export encrypted" seals the export
//! with a passphrase; an encrypted file picked for import asks for it before
//! the usual preview. The cryptography is `io::encrypted` (Argon2id and
//! AES-256-GCM); this module asks, waits and words the outcome.

use crate::app::browser;
use crate::app::components::{FieldError, unique_id};
use crate::app::i18n::*;
use crate::app::state::use_state;
use crate::io::encrypted::{
    DecryptError, KdfParams, MIN_PASSPHRASE_CHARS, NONCE_LEN, PassphraseCheck, SALT_LEN,
    check_passphrase, decrypt, encrypt,
};
use crate::io::{export_file_name, export_json};
use leptos::prelude::*;
use std::time::Duration;

/// `inversa-<slug>-<date>.encrypted.json`: the plain name, marked, so the
/// recipient knows a passphrase is needed before opening it.
fn encrypted_file_name(plain: &str) -> String {
    match plain.strip_suffix(".json") {
        Some(stem) => format!("{stem}.encrypted.json"),
        None => format!("{plain}.encrypted"),
    }
}

/// Fresh salt and nonce from the browser's cryptographic random source.
fn salt_and_nonce() -> ([u8; SALT_LEN], [u8; NONCE_LEN]) {
    let salt = browser::random_bytes();
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&browser::random_bytes()[..NONCE_LEN]);
    (salt, nonce)
}

/// Runs `work` after the browser has painted "Working…": the key derivation
/// takes a moment and blocks the page while it runs.
fn after_paint(work: impl FnOnce() + 'static) {
    set_timeout(work, Duration::from_millis(30));
}

/// A labelled password field with its error.
#[component]
fn PassphraseField(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(optional)] new_password: bool,
) -> impl IntoView {
    let id = unique_id("passphrase");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <input
                id=id.clone()
                type="password"
                autocomplete=if new_password { "new-password" } else { "current-password" }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// "Export encrypted": the passphrase twice, then a sealed download.
#[component]
pub fn EncryptedExport() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let working = RwSignal::new(false);
    let passphrase_error = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        let l = i18n.get_locale();
        match check_passphrase(&passphrase.get()) {
            PassphraseCheck::Empty => Some(td_string!(l, encrypted.passphrase_missing).to_string()),
            PassphraseCheck::TooShort { min, .. } => {
                Some(td_string!(l, encrypted.passphrase_short, min = min).to_string())
            }
            PassphraseCheck::Acceptable => None,
        }
    });
    let again_error = Signal::derive(move || {
        (tried.get() && passphrase.with(|p| again.with(|a| p != a)))
            .then(|| t_string!(i18n, encrypted.passphrase_mismatch).to_string())
    });
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if passphrase_error.get_untracked().is_some() || again_error.get_untracked().is_some() {
            return;
        }
        working.set(true);
        after_paint(move || {
            let l = i18n.get_locale_untracked();
            let workspace = state.workspace.get_untracked();
            let plain = export_json(&workspace, &browser::now_iso());
            let name =
                encrypted_file_name(&export_file_name(&workspace.program.name, browser::today()));
            let (salt, nonce) = salt_and_nonce();
            let sealed = encrypt(
                &plain,
                &passphrase.get_untracked(),
                salt,
                nonce,
                KdfParams::DEFAULT,
            );
            working.set(false);
            let text = match sealed {
                Ok(sealed) => match browser::download(&name, "application/json", &sealed) {
                    Ok(()) => {
                        passphrase.set(String::new());
                        again.set(String::new());
                        tried.set(false);
                        td_string!(l, encrypted.exported, name = name).to_string()
                    }
                    Err(_) => td_string!(l, data.export_failed).to_string(),
                },
                Err(_) => td_string!(l, encrypted.export_refused).to_string(),
            };
            state.notify(text);
        });
    };
    view! {
        <form class="encrypted-export" on:submit=export novalidate>
            <h3>{t!(i18n, encrypted.export_heading)}</h3>
            <p class="hint">{t!(i18n, encrypted.export_text)}</p>
            <div class="grid-2">
                <PassphraseField
                    label=Signal::derive(move || t_string!(i18n, encrypted.passphrase).to_string())
                    value=passphrase
                    error=passphrase_error
                    hint=Signal::derive(move || td_string!(i18n.get_locale(), encrypted.passphrase_hint, min = MIN_PASSPHRASE_CHARS).to_string())
                    new_password=true
                />
                <PassphraseField
                    label=Signal::derive(move || t_string!(i18n, encrypted.passphrase_again).to_string())
                    value=again
                    error=again_error
                    new_password=true
                />
            </div>
            <div class="actions">
                <button type="submit" class="secondary" disabled=move || working.get()>
                    {t!(i18n, encrypted.export_button)}
                </button>
                <span class="hint" aria-live="polite">
                    {move || working.get().then(|| t_string!(i18n, encrypted.working).to_string())}
                </span>
            </div>
        </form>
    }
}

/// The passphrase an encrypted file needs before it can be previewed.
/// `on_open` gets the plain export; nothing is stored here.
#[component]
pub fn UnlockFile(
    #[prop(into)] file_name: String,
    bytes: StoredValue<Vec<u8>>,
    on_open: Callback<Vec<u8>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let passphrase = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<DecryptError>);
    let working = RwSignal::new(false);
    let error = Signal::derive(move || {
        let l = i18n.get_locale();
        failure.get().map(|e| decrypt_error_text(l, &e))
    });
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        working.set(true);
        after_paint(move || {
            let outcome = bytes.with_value(|b| decrypt(b, &passphrase.get_untracked()));
            working.set(false);
            match outcome {
                Ok(plain) => on_open.run(plain.into_bytes()),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card unlock-file" on:submit=unlock novalidate aria-labelledby="unlock-heading">
            <h3 id="unlock-heading">{move || td_string!(i18n.get_locale(), encrypted.unlock_heading, name = file_name.clone()).to_string()}</h3>
            <p class="hint">{t!(i18n, encrypted.unlock_text)}</p>
            <PassphraseField
                label=Signal::derive(move || t_string!(i18n, encrypted.passphrase).to_string())
                value=passphrase
                error=error
            />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || working.get()>
                    {t!(i18n, encrypted.unlock_button)}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    {t!(i18n, common.cancel)}
                </button>
                <span class="hint" aria-live="polite">
                    {move || working.get().then(|| t_string!(i18n, encrypted.working).to_string())}
                </span>
            </div>
        </form>
    }
}

/// Why an encrypted file did not open, in words.
pub fn decrypt_error_text(l: Locale, error: &DecryptError) -> String {
    match error {
        DecryptError::NotEncrypted => td_string!(l, encrypted.not_encrypted).to_string(),
        DecryptError::TooLarge { .. } => td_string!(l, encrypted.too_large).to_string(),
        DecryptError::Malformed(_) => td_string!(l, encrypted.malformed).to_string(),
        DecryptError::NewerVersion { .. } => td_string!(l, encrypted.newer).to_string(),
        DecryptError::ParamsOutOfBounds(_) => td_string!(l, encrypted.unsafe_params).to_string(),
        DecryptError::EmptyPassphrase => td_string!(l, encrypted.passphrase_missing).to_string(),
        DecryptError::WrongPassphraseOrTampered => td_string!(l, encrypted.wrong).to_string(),
    }
}
