//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts the whole app into its own div and drives it like a user.
#![cfg(target_arch = "wasm32")]

use inversa::app::App;
use inversa::app::i18n::{I18nContextProvider, Locale, use_i18n};
use inversa::app::pages::data::ImportProblems;
use inversa::io::import_bytes;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Clears storage, points the hash at `page` and mounts the app in a fresh div.
fn mount_at(page: &str) -> HtmlElement {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(page).unwrap();
    let root: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    console_error_panic_hook::set_once();
    let handle = leptos::mount::mount_to(root.clone(), App);
    std::mem::forget(handle);
    root
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `predicate` holds, ticking the reactive system in between.
async fn until(what: &str, predicate: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if predicate() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn button(root: &HtmlElement, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

/// The input whose `<label>` text is `label`.
fn input_labelled(root: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let element: web_sys::Element = labels.item(i).unwrap().dyn_into().unwrap();
        let text = element.text_content().unwrap_or_default();
        if text.trim() == label {
            let id = element
                .get_attribute("for")
                .expect("label has a for attribute");
            return document()
                .get_element_by_id(&id)
                .unwrap()
                .dyn_into()
                .unwrap();
        }
    }
    panic!("no input labelled {label:?}");
}

fn alert_text(root: &HtmlElement) -> Option<String> {
    root.query_selector("[role=alert]")
        .unwrap()
        .and_then(|e| e.text_content())
}

/// A bubbling event, as the browser sends: Leptos delegates listeners to the document.
fn user_event(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    input.dispatch_event(&user_event("input")).unwrap();
}

#[wasm_bindgen_test]
async fn participant_form_lists_every_problem_and_saves_once_fixed() {
    let root = mount_at("#/participants");
    until("the participants page", || {
        root.text_content()
            .unwrap_or_default()
            .contains("Add participant")
    })
    .await;
    button(&root, "Add participant").click();
    until("the form", || {
        root.query_selector("form.participant-form")
            .unwrap()
            .is_some()
    })
    .await;

    // Empty name and email, a bad capacity: every problem at once.
    type_into(&input_labelled(&root, "Pairs at once"), "0");
    button(&root, "Save").click();
    until("the problem list", || alert_text(&root).is_some()).await;
    let alert = alert_text(&root).unwrap();
    assert!(alert.contains("Name: required"), "{alert}");
    assert!(alert.contains("Email: required"), "{alert}");
    assert!(
        alert.contains("Pairs at once: must be between 1 and 10"),
        "{alert}"
    );
    let name = input_labelled(&root, "Name");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));

    // A malformed email is named as such, next to the field.
    type_into(&name, "Lucía Ferrer");
    type_into(&input_labelled(&root, "Email"), "lucia.ferrer@example");
    type_into(&input_labelled(&root, "Pairs at once"), "2");
    button(&root, "Save").click();
    until("the email problem", || {
        alert_text(&root).is_some_and(|a| a.contains("Email: not an email address"))
    })
    .await;
    let alert = alert_text(&root).unwrap();
    assert!(!alert.contains("Name:"), "{alert}");
    let email = input_labelled(&root, "Email");
    let described = email.get_attribute("aria-describedby").unwrap();
    let error = document()
        .get_element_by_id(&described)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("not an email address"), "{error}");

    // An email already used by someone in the demo program is a duplicate.
    type_into(&email, "GIULIA.MARCHETTI@vellora.example");
    button(&root, "Save").click();
    until("the duplicate problem", || {
        alert_text(&root).is_some_and(|a| a.contains("Email: same email as participants["))
    })
    .await;

    // Fixed: saved, back to the list, findable by search.
    type_into(
        &input_labelled(&root, "Email"),
        "lucia.ferrer@vellora.example",
    );
    button(&root, "Save").click();
    until("the list again", || {
        root.query_selector("table.participants").unwrap().is_some()
    })
    .await;
    let search = input_labelled(&root, "Search");
    type_into(&search, "lucia ferrer");
    until("the filtered row", || {
        root.query_selector_all("table.participants tbody tr")
            .unwrap()
            .length()
            == 1
            && root
                .text_content()
                .unwrap_or_default()
                .contains("lucia.ferrer@vellora.example")
    })
    .await;
    root.remove();
}

/// Renders the import problem list for `bytes` in `locale`, as the Data page does.
fn mount_import_problems(file_name: &'static str, bytes: &[u8], locale: Locale) -> HtmlElement {
    let problems = import_bytes(bytes).err().expect("the file must be refused");
    let root: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <InLocale locale=locale/>
                <ImportProblems file_name=file_name.to_string() problems=problems.clone()/>
            </I18nContextProvider>
        }
    });
    std::mem::forget(handle);
    root
}

/// Switches the language after the provider has applied the browser's.
#[component]
fn InLocale(locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| i18n.set_locale(locale));
}

#[wasm_bindgen_test]
async fn import_errors_are_listed_with_their_locations() {
    let cases: [(&str, &[u8], &[&str]); 4] = [
        ("cut.json", br#"{"format": "inversa", "version": 1, "program": {"name": "X"#, &["ends too early", "line 1"]),
        ("hello.json", b"hello, world", &["not valid JSON"]),
        ("picture.json", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &["PNG image"]),
        (
            "types.json",
            br#"{"format": "inversa", "version": 1, "program": {"name": 5}, "participants": [
                {"id": "00000000-0000-4000-8000-000000000001", "name": "A", "email": "a@x.example", "role": "mentee", "capacity": "two"},
                {"id": "00000000-0000-4000-8000-000000000002", "name": "B", "email": "not-an-email", "role": "boss"}
            ]}"#,
            &[
                "program.name: expected text, found a number",
                "participants[0].capacity: expected",
                "participants[1].email: not an email address",
                "participants[1].role: “boss” is not one of",
            ],
        ),
    ];
    for (file_name, bytes, expected) in cases {
        let root = mount_import_problems(file_name, bytes, Locale::en);
        until(file_name, || alert_text(&root).is_some()).await;
        let alert = alert_text(&root).unwrap();
        assert!(
            alert.contains(&format!(
                "{file_name} cannot be imported. Nothing was changed."
            )),
            "{alert}"
        );
        for text in expected {
            assert!(
                alert.contains(text),
                "{file_name}: expected {text:?} in {alert}"
            );
        }
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn import_errors_speak_the_users_language() {
    let root = mount_import_problems("corto.json", br#"{"format": "inversa", "#, Locale::es);
    until("the Spanish list", || {
        alert_text(&root).is_some_and(|a| a.contains("corto.json"))
    })
    .await;
    let alert = alert_text(&root).unwrap();
    assert!(
        !alert.contains("cannot be imported"),
        "still English: {alert}"
    );
    assert!(!alert.contains("ends too early"), "still English: {alert}");
    root.remove();
}

/// The demo's proposal: one card per active mentee, each an article named
/// after both people; locking a card shows it pressed and marks the
/// proposal stale until pairing runs again.
#[wasm_bindgen_test]
async fn pairing_page_shows_cards_and_locks_a_pair() {
    let root = mount_at("#/pairing");
    until("the pairing page", || {
        root.text_content()
            .unwrap_or_default()
            .contains("Run pairing")
    })
    .await;
    button(&root, "Run pairing").click();
    let cards = || {
        root.query_selector_all("article.match-card")
            .unwrap()
            .length()
    };
    until("the match cards", || cards() == 11).await;
    let first: HtmlElement = root
        .query_selector("article.match-card")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let heading_id = first.get_attribute("aria-labelledby").unwrap();
    let heading = document().get_element_by_id(&heading_id).unwrap();
    let names = first
        .query_selector_all(".match-head .person-name")
        .unwrap();
    assert_eq!(names.length(), 2);
    for i in 0..2 {
        let name = names.item(i).unwrap().text_content().unwrap();
        assert!(heading.text_content().unwrap().contains(&name));
    }
    let lock = button(&first, "Lock");
    assert_eq!(lock.get_attribute("aria-pressed").as_deref(), Some("false"));
    lock.click();
    until("the lock pressed", || {
        lock.get_attribute("aria-pressed").as_deref() == Some("true")
    })
    .await;
    until("the stale hint", || {
        root.text_content()
            .unwrap_or_default()
            .contains("Run pairing again before accepting")
    })
    .await;
    let unmatched = document().get_element_by_id("unmatched-heading").unwrap();
    assert_eq!(unmatched.text_content().unwrap(), "Unmatched");
}

/// Saves `workspace` as the stored program, then mounts the app at `page`,
/// as a coordinator coming back to their own program would find it.
fn mount_saved(workspace: inversa::domain::Workspace, page: &str) -> HtmlElement {
    use inversa::io::storage::{STORAGE_KEY, Stored, encode_stored};
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let stored = Stored {
        workspace,
        demo: false,
        revision: 1,
        saved_at: "2026-11-25T09:00:00.000Z".into(),
    };
    storage
        .set_item(STORAGE_KEY, &encode_stored(&stored))
        .unwrap();
    window.location().set_hash(page).unwrap();
    let root: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), App);
    std::mem::forget(handle);
    root
}

/// What autosave wrote, read back through the same checks as on start.
fn saved_workspace() -> inversa::domain::Workspace {
    use inversa::io::storage::{STORAGE_KEY, decode_stored};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let text = storage.get_item(STORAGE_KEY).unwrap().unwrap();
    decode_stored(&text)
        .expect("the saved program reads back")
        .workspace
}

/// The session log form: an empty date, a zero duration and 150 % progress
/// are all listed at once and marked on their fields; a held session in the
/// future is refused; once fixed, the entry (status, ratings, topic, goal
/// progress) is saved, and the goal's progress in the agreement follows.
#[wasm_bindgen_test]
async fn session_log_form_lists_every_problem_and_saves_the_entry() {
    use inversa::app::browser::today;
    use inversa::domain::GoalId;
    use inversa::domain::demo::demo_workspace;
    use inversa::domain::ids::seeded_bytes;
    use inversa::domain::matching::pairing::{accept, propose};
    use inversa::domain::sessions::{Agreement, Goal, GoalDirection, SessionStatus};

    let today = today();
    let mut ws = demo_workspace();
    let keys = propose(&ws).keys();
    accept(&mut ws.pairing, &keys, today.add_days(-14));
    let key = keys[0].clone();
    let goal_id = GoalId::from_random_bytes(seeded_bytes(7));
    let mut goal = Goal::new(goal_id.clone(), GoalDirection::MenteeLearns);
    goal.text = "Post on LinkedIn every week".into();
    goal.measure = "Eight posts by the review".into();
    goal.progress = 10;
    let mut agreement = Agreement::from_program(&ws.program, key.clone());
    agreement.goals.push(goal);
    ws.sessions.agreements.push(agreement);
    let mentor = ws.participant(&key.mentor).unwrap().name.clone();
    let mentee = ws.participant(&key.mentee).unwrap().name.clone();

    let root = mount_saved(ws, "#/sessions");
    until("the pair cards", || {
        root.query_selector("article.pair-card").unwrap().is_some()
    })
    .await;
    let buttons = root.query_selector_all("article.pair-card button").unwrap();
    let open: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| {
            let text = b.text_content().unwrap_or_default();
            text.starts_with("Open") && text.contains(&mentor) && text.contains(&mentee)
        })
        .expect("an Open button naming the pair");
    open.click();
    until("the pair detail", || {
        root.query_selector("section.pair-sessions")
            .unwrap()
            .is_some()
    })
    .await;
    button(&root, "Log session").click();
    until("the log form", || {
        root.query_selector("form.log-form").unwrap().is_some()
    })
    .await;
    let form: HtmlElement = root
        .query_selector("form.log-form")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let progress_label = "Progress on “Post on LinkedIn every week” (%)";

    // Three problems in three fields: all listed, each field marked.
    type_into(&input_labelled(&form, "Date"), "");
    type_into(&input_labelled(&form, "Duration (minutes)"), "0");
    type_into(&input_labelled(&form, progress_label), "150");
    button(&form, "Save session").click();
    until("the problem list", || alert_text(&form).is_some()).await;
    let alert = alert_text(&form).unwrap();
    for expected in [
        "Date: required",
        "Duration (minutes): must be a whole number from 5 to 480",
        "Progress on “Post on LinkedIn every week” (%): must be a whole number from 0 to 100",
    ] {
        assert!(alert.contains(expected), "expected {expected:?} in {alert}");
    }
    for label in ["Date", "Duration (minutes)", progress_label] {
        let input = input_labelled(&form, label);
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{label}"
        );
        let described = input.get_attribute("aria-describedby").unwrap();
        let error_id = described.split(' ').last().unwrap();
        let error = document().get_element_by_id(error_id).unwrap();
        assert!(
            alert.contains(error.text_content().unwrap().trim_start_matches("⚠ ")),
            "{label}: the field's error is the listed one"
        );
    }
    assert!(
        saved_workspace().sessions.sessions.is_empty(),
        "nothing saved while problems remain"
    );

    // A session cannot have been held on a day still to come.
    let tomorrow = today.add_days(3).unwrap().to_string();
    type_into(&input_labelled(&form, "Date"), &tomorrow);
    type_into(&input_labelled(&form, "Duration (minutes)"), "30");
    type_into(&input_labelled(&form, progress_label), "60");
    button(&form, "Save session").click();
    until("the future-date problem", || {
        alert_text(&form).is_some_and(|a| a.contains("a day that has not come yet"))
    })
    .await;
    let alert = alert_text(&form).unwrap();
    assert!(!alert.contains("Duration"), "{alert}");

    // Fixed, with a rating from each side and a topic.
    type_into(&input_labelled(&form, "Date"), &today.to_string());
    let groups = form.query_selector_all("fieldset.rating-group").unwrap();
    assert_eq!(groups.length(), 2, "a rating group for each side");
    for (i, rating) in [(0, "4"), (1, "5")] {
        let group: web_sys::Element = groups.item(i).unwrap().dyn_into().unwrap();
        let legend = group.query_selector("legend").unwrap().unwrap();
        let name = if i == 0 { &mentor } else { &mentee };
        assert_eq!(
            legend.text_content().unwrap(),
            format!("Rating from {name}")
        );
        let radio: HtmlElement = group
            .query_selector(&format!("input[value='{rating}']"))
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        radio.click();
    }
    let topic: HtmlElement = form
        .query_selector("fieldset.topics input[type=checkbox]")
        .unwrap()
        .expect("the pair's skills are offered as topics")
        .dyn_into()
        .unwrap();
    topic.click();
    button(&form, "Save session").click();
    until("the form to close", || {
        root.query_selector("form.log-form").unwrap().is_none()
    })
    .await;

    let saved = saved_workspace();
    let sessions = saved.sessions.sessions_of(&key);
    assert_eq!(sessions.len(), 1);
    let session = sessions[0];
    assert_eq!(session.status, SessionStatus::Held);
    assert_eq!(session.start.date, today);
    assert_eq!(session.minutes, 30);
    assert_eq!(
        (session.mentor_rating, session.mentee_rating),
        (Some(4), Some(5))
    );
    assert_eq!(session.topics.len(), 1);
    assert_eq!(session.goal_progress.len(), 1);
    assert_eq!(session.goal_progress[0].goal, goal_id);
    assert_eq!(session.goal_progress[0].percent, 60);
    let goal = &saved.sessions.agreement(&key).unwrap().goals[0];
    assert_eq!(goal.progress, 60, "the goal follows the logged progress");
    until("the held session in the list", || {
        root.query_selector(".session-list .status.held")
            .unwrap()
            .is_some_and(|s| s.text_content().unwrap_or_default() == "Held")
    })
    .await;
    root.remove();
}

// ---------------------------------------------------------------------------
// Impact page: printed report, certificates and their forms
// (src/app/pages/impact_print.rs). Each test mounts one component with the
// contexts the Impact page provides, on a stored program.
// ---------------------------------------------------------------------------
mod impact_print_components {
    use super::*;
    use inversa::app::checkin_form::kind_label;
    use inversa::app::format;
    use inversa::app::pages::impact::{ImpactUi, PrintMode};
    use inversa::app::pages::impact_print::{
        CertificateSettings, CertificateSheets, ReportNotesForm, ReportSheet,
    };
    use inversa::app::state::AppState;
    use inversa::domain::demo::{demo_workspace, finished_demo_workspace};
    use inversa::domain::impact::{ReportNotes, Scope, certificates, comments};
    use inversa::domain::participants::Role;
    use inversa::domain::sessions::checkin::preferred_lang;
    use inversa::domain::{Date, Lang, Workspace};
    use inversa::io::storage::{STORAGE_KEY, Stored, encode_stored};

    /// The day after the finished demo's last round closed.
    fn today() -> Date {
        Date::new(2026, 10, 1).unwrap()
    }

    /// Stores `workspace`, then mounts `component` with the app state, the
    /// Impact page's context and English as the UI language.
    fn mount_with_ui(workspace: Workspace, component: fn() -> AnyView) -> (HtmlElement, ImpactUi) {
        let window = web_sys::window().unwrap();
        let storage = window.local_storage().unwrap().unwrap();
        storage.clear().unwrap();
        let stored = Stored {
            workspace,
            demo: false,
            revision: 1,
            saved_at: "2026-10-01T09:00:00.000Z".into(),
        };
        storage
            .set_item(STORAGE_KEY, &encode_stored(&stored))
            .unwrap();
        let ui = ImpactUi {
            today: Signal::stored(today()),
            scope: RwSignal::new(Scope::Program),
            print: RwSignal::new(None),
        };
        let root: HtmlElement = document()
            .create_element("div")
            .unwrap()
            .dyn_into()
            .unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            provide_context(AppState::start());
            provide_context(ui);
            view! {
                <I18nContextProvider>
                    <InLocale locale=Locale::en/>
                    {component()}
                </I18nContextProvider>
            }
        });
        std::mem::forget(handle);
        (root, ui)
    }

    fn all(root: &HtmlElement, selector: &str) -> Vec<web_sys::Element> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into().unwrap())
            .collect()
    }

    fn text_of(element: &web_sys::Element, selector: &str) -> String {
        element
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    }

    /// The form control (input or textarea) whose `<label>` reads `label`.
    fn control_labelled(root: &HtmlElement, label: &str) -> web_sys::Element {
        let id = all(root, "label")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .and_then(|l| l.get_attribute("for"))
            .unwrap_or_else(|| panic!("no control labelled {label:?}"));
        document().get_element_by_id(&id).unwrap()
    }

    /// Types into an input or a textarea as a user would.
    fn type_text(control: &web_sys::Element, value: &str) {
        js_sys::Reflect::set(control, &"value".into(), &value.into()).unwrap();
        control.dispatch_event(&user_event("input")).unwrap();
    }

    fn locale_of(lang: Lang) -> Locale {
        match lang {
            Lang::En => Locale::en,
            Lang::Es => Locale::es,
            Lang::It => Locale::it,
        }
    }

    /// Each certificate is built only when certificates are printed, one per
    /// eligible person of the scope, in that person's language (the UI stays
    /// English), and the report mode removes them again.
    #[wasm_bindgen_test]
    async fn certificate_sheets_print_one_certificate_per_eligible_person_in_their_language() {
        let wording: [(Lang, &str, &str, &str, &str); 3] = [
            (
                Lang::En,
                "en",
                "Certificate of participation",
                "as a reverse mentor",
                "as a mentee",
            ),
            (
                Lang::Es,
                "es",
                "Certificado de participación",
                "con el rol de mentor inverso",
                "con el rol de mentee",
            ),
            (
                Lang::It,
                "it",
                "Attestato di partecipazione",
                "come reverse mentor",
                "come mentee",
            ),
        ];
        let mut ws = finished_demo_workspace();
        let eligible = certificates(&ws, &Scope::Program, today()).eligible;
        assert!(
            eligible.len() >= 3,
            "the finished demo has certificates to print"
        );
        for (i, certificate) in eligible.iter().enumerate() {
            let code = wording[i % wording.len()].1;
            let person = ws
                .participants
                .iter_mut()
                .find(|p| p.id == certificate.participant)
                .unwrap();
            // A language the app does not speak first: the first one it speaks counts.
            person.languages = vec!["fr".into(), code.into()];
        }
        let department = ws
            .participant(&eligible[0].participant)
            .unwrap()
            .department
            .clone();
        let program = ws.program.name.clone();
        let checked = ws.clone();
        let (root, ui) = mount_with_ui(ws, || view! { <CertificateSheets/> }.into_any());
        let count = || all(&root, "article.certificate").len();

        leptos::task::tick().await;
        assert_eq!(count(), 0, "nothing is built before printing");
        for scope in [Scope::Program, Scope::Department(department)] {
            let expected = certificates(&checked, &scope, today()).eligible;
            ui.scope.set(scope.clone());
            ui.print.set(Some(PrintMode::Certificates));
            until("the certificates", || count() == expected.len()).await;
            for (article, certificate) in all(&root, "article.certificate").iter().zip(&expected) {
                let person = checked.participant(&certificate.participant).unwrap();
                let lang = preferred_lang(person);
                let (_, code, title, as_mentor, as_mentee) =
                    wording.iter().find(|w| w.0 == lang).copied().unwrap();
                assert_eq!(
                    article.get_attribute("lang").as_deref(),
                    Some(code),
                    "{}",
                    person.name
                );
                assert_eq!(text_of(article, ".certificate-title"), title);
                assert_eq!(text_of(article, ".certificate-name"), person.name);
                let role = text_of(article, ".certificate-role");
                let phrase = match person.role {
                    Role::ReverseMentor => as_mentor,
                    Role::Mentee => as_mentee,
                };
                assert!(role.contains(phrase) && role.contains(&program), "{role}");
                assert_eq!(
                    text_of(article, ".certificate-line-value"),
                    format::date(locale_of(lang), certificate.issued_on)
                );
            }
            ui.print.set(Some(PrintMode::Report));
            until("the certificates to go", || count() == 0).await;
        }
        root.remove();
    }

    /// The coordinator's words and the comments choice are saved together,
    /// and the form says so while they are not.
    #[wasm_bindgen_test]
    async fn report_notes_form_saves_the_coordinators_words() {
        let (root, _) = mount_with_ui(demo_workspace(), || view! { <ReportNotesForm/> }.into_any());
        until("the form", || {
            root.query_selector("form.report-notes-form")
                .unwrap()
                .is_some()
        })
        .await;
        let expected = ReportNotes {
            highlights: "Eleven pairs met every fortnight.\n\nThe board asked for more.".into(),
            lessons: "Start the check-ins earlier.".into(),
            next_steps: "Open the program to logistics.".into(),
            include_comments: true,
        };
        for (label, text) in [
            ("Highlights", &expected.highlights),
            ("Lessons learned", &expected.lessons),
            ("Next steps", &expected.next_steps),
        ] {
            let control = control_labelled(&root, label);
            assert_eq!(control.tag_name(), "TEXTAREA", "{label}");
            assert_eq!(
                control.get_attribute("maxlength").as_deref(),
                Some("4000"),
                "{label}"
            );
            type_text(&control, text);
        }
        let include: HtmlElement = root
            .query_selector("input[type=checkbox]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        include.click();
        until("the unsaved note", || {
            root.text_content()
                .unwrap_or_default()
                .contains("Unsaved changes")
        })
        .await;
        assert_eq!(
            saved_workspace().impact.report,
            ReportNotes::default(),
            "nothing saved yet"
        );

        button(&root, "Save report notes").click();
        until("the saved notes", || {
            saved_workspace().impact.report == expected
        })
        .await;
        until("the unsaved note to go", || {
            !root
                .text_content()
                .unwrap_or_default()
                .contains("Unsaved changes")
        })
        .await;
        root.remove();
    }

    /// The printed report keeps the coordinator's paragraphs and carries the
    /// comments only when chosen, then with the kind of round and the day but
    /// no names.
    #[wasm_bindgen_test]
    async fn report_sheet_prints_notes_and_comments_only_when_chosen() {
        for include_comments in [false, true] {
            let mut ws = finished_demo_workspace();
            ws.impact.report = ReportNotes {
                highlights: "Line one\nline two\n\n\nSecond paragraph".into(),
                lessons: String::new(),
                next_steps: "Run it again.".into(),
                include_comments,
            };
            let expected_comments = comments(&ws, &Scope::Program);
            assert!(
                !expected_comments.is_empty(),
                "the finished demo has comments"
            );
            let program = ws.program.name.clone();
            let (root, ui) = mount_with_ui(ws, || view! { <ReportSheet/> }.into_any());
            leptos::task::tick().await;
            assert!(
                root.query_selector(".report").unwrap().is_none(),
                "built only for printing"
            );

            ui.print.set(Some(PrintMode::Report));
            until("the report", || {
                root.query_selector(".report").unwrap().is_some()
            })
            .await;
            let report: web_sys::Element = root.query_selector(".report").unwrap().unwrap();
            assert_eq!(text_of(&report, ".report-title"), program);
            assert_eq!(all(&root, ".impact-level").len(), 4, "the four levels");
            let notes: Vec<(String, Vec<String>)> = all(&root, ".report-notes")
                .iter()
                .map(|section| {
                    let paragraphs = section.query_selector_all(".report-paragraph").unwrap();
                    (
                        text_of(section, "h2"),
                        (0..paragraphs.length())
                            .map(|i| paragraphs.item(i).unwrap().text_content().unwrap())
                            .collect(),
                    )
                })
                .collect();
            assert_eq!(
                notes,
                vec![
                    (
                        "Highlights".to_string(),
                        vec![
                            "Line one\nline two".to_string(),
                            "Second paragraph".to_string()
                        ]
                    ),
                    ("Next steps".to_string(), vec!["Run it again.".to_string()]),
                ],
                "empty notes are left out"
            );

            let metas: Vec<String> = all(&root, ".report-comments .comment-meta")
                .iter()
                .map(|m| m.text_content().unwrap())
                .collect();
            let expected_metas: Vec<String> = if include_comments {
                expected_comments
                    .iter()
                    .map(|c| {
                        format!(
                            "{} · {}",
                            kind_label(Locale::en, c.kind),
                            format::date(Locale::en, c.answered_on)
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            assert_eq!(
                metas, expected_metas,
                "include_comments: {include_comments}"
            );
            assert_eq!(
                root.query_selector(".report-comments").unwrap().is_some(),
                include_comments
            );
            root.remove();
        }
    }

    /// Criteria are checked before saving; once saved, the count of
    /// certificates and the reasons of the others follow them.
    #[wasm_bindgen_test]
    async fn certificate_settings_check_and_save_the_criteria() {
        let ws = finished_demo_workspace();
        let before = ws.impact.certificates.clone();
        let (root, _) = mount_with_ui(ws.clone(), || view! { <CertificateSettings/> }.into_any());
        until("the form", || {
            root.query_selector("form.certificate-settings")
                .unwrap()
                .is_some()
        })
        .await;
        let sessions = control_labelled(&root, "Minimum sessions held");
        assert_eq!(
            (
                sessions.get_attribute("min").as_deref(),
                sessions.get_attribute("max").as_deref()
            ),
            (Some("1"), Some("100"))
        );

        for typed in ["0", "101", "two"] {
            type_text(&sessions, typed);
            button(&root, "Save certificate settings").click();
            until("the error", || {
                sessions.get_attribute("aria-invalid").as_deref() == Some("true")
                    && root
                        .text_content()
                        .unwrap_or_default()
                        .contains("Enter a whole number from 1 to 100.")
            })
            .await;
            assert_eq!(
                saved_workspace().impact.certificates,
                before,
                "{typed:?} is refused"
            );
            type_text(&sessions, &before.min_sessions_held.to_string());
            button(&root, "Save certificate settings").click();
            until("the error to go", || {
                sessions.get_attribute("aria-invalid").is_none()
            })
            .await;
        }

        type_text(&sessions, "6");
        type_text(&control_labelled(&root, "Signer's name"), "  Ada Ferri ");
        type_text(&control_labelled(&root, "Issue date"), "2026-10-15");
        let require: HtmlElement =
            control_labelled(&root, "Require the after-program self-assessment")
                .dyn_into()
                .unwrap();
        if !require.dyn_ref::<HtmlInputElement>().unwrap().checked() {
            require.click();
        }
        button(&root, "Save certificate settings").click();
        until("the saved criteria", || {
            saved_workspace().impact.certificates.min_sessions_held == 6
        })
        .await;
        let saved = saved_workspace();
        let criteria = &saved.impact.certificates;
        assert!(criteria.require_post_assessment);
        assert_eq!(criteria.signer_name, "Ada Ferri");
        assert_eq!(criteria.issued_on, Date::new(2026, 10, 15));
        assert_eq!(criteria.signer_title, before.signer_title);

        let outcome = certificates(&saved, &Scope::Program, today());
        let earned = format!(
            "People who have earned a certificate: {}",
            outcome.eligible.len()
        );
        until("the new count", || {
            root.query_selector(".earned-count")
                .unwrap()
                .is_some_and(|e| e.text_content().unwrap_or_default() == earned)
        })
        .await;
        assert_eq!(
            all(&root, ".pending-certificates li").len(),
            outcome.pending.len()
        );
        let lines = root
            .query_selector(".pending-certificates")
            .unwrap()
            .map(|l| l.text_content().unwrap_or_default())
            .unwrap_or_default();
        assert!(lines.contains("of 6 sessions"), "{lines}");
        root.remove();
    }
}

// ---------------------------------------------------------------------------
// Charts: what a screen reader and a keyboard user get from a chart.
// ---------------------------------------------------------------------------
mod chart_components {
    use super::*;
    use inversa::app::charts::{Bar, BarChart, ChartFigure, ChartTable};

    #[wasm_bindgen_test]
    async fn a_chart_names_itself_withholds_small_groups_and_turns_into_a_table() {
        let root: HtmlElement = document()
            .create_element("div")
            .unwrap()
            .dyn_into()
            .unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let bars = vec![
            Bar {
                label: "Reverse mentors".into(),
                value: Some(4.2),
                shown: "4.2 / 5".into(),
            },
            Bar {
                label: "Finance".into(),
                value: None,
                shown: "Too few answers to show".into(),
            },
        ];
        let table = ChartTable {
            headers: vec!["Measure".into(), "Value".into()],
            rows: bars
                .iter()
                .map(|b| vec![b.label.clone(), b.shown.clone()])
                .collect(),
        };
        let handle = leptos::mount::mount_to(root.clone(), move || {
            view! {
                <I18nContextProvider>
                    <InLocale locale=Locale::en/>
                    <ChartFigure caption="Scores".to_string() table=table.clone()>
                        <BarChart summary="Reverse mentors: 4.2 / 5; Finance: too few".to_string() bars=bars.clone() max=5.0/>
                    </ChartFigure>
                </I18nContextProvider>
            }
        });
        std::mem::forget(handle);
        until("the chart", || {
            root.query_selector("svg").unwrap().is_some()
        })
        .await;

        // The drawing is an image named by its text summary.
        let svg = root.query_selector("svg").unwrap().unwrap();
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        let name = svg.get_attribute("aria-label").unwrap_or_default();
        assert!(name.contains("Finance: too few"), "{name}");
        // A withheld row keeps its place and says why, with no bar drawn.
        let rows = root.query_selector_all(".bar-row").unwrap();
        assert_eq!(rows.length(), 2);
        let withheld: web_sys::Element = rows.item(1).unwrap().dyn_into().unwrap();
        assert!(withheld.class_list().contains("withheld"));
        assert!(withheld.query_selector("rect.bar").unwrap().is_none());
        assert!(
            withheld
                .text_content()
                .unwrap()
                .contains("Too few answers to show")
        );
        // The figure is named by its caption; the button by what it does.
        let figure = root.query_selector("figure").unwrap().unwrap();
        let caption_id = figure.get_attribute("aria-labelledby").unwrap();
        assert_eq!(
            root.query_selector(&format!("#{caption_id}"))
                .unwrap()
                .unwrap()
                .text_content()
                .as_deref(),
            Some("Scores")
        );
        let toggle = button(&root, "Show as table");
        assert_eq!(
            toggle.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        toggle.click();
        leptos::task::tick().await;
        until("the table view", || {
            figure.class_list().contains("as-table")
        })
        .await;
        assert_eq!(
            toggle.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        assert_eq!(
            toggle.text_content().unwrap_or_default().trim(),
            "Show as chart"
        );
        let cells: Vec<String> = {
            let list = root.query_selector_all(".chart-table tbody th").unwrap();
            (0..list.length())
                .filter_map(|i| list.item(i)?.text_content())
                .collect()
        };
        assert_eq!(cells, ["Reverse mentors", "Finance"]);
        root.remove();
    }
}

// ---------------------------------------------------------------------------
// Merge import (src/app/pages/merge_import.rs): the choice the Data page
// offers once a file is read, mounted with the app state on a stored program.
// ---------------------------------------------------------------------------
mod merge_import_components {
    use super::*;
    use inversa::app::messages::problem_line;
    use inversa::app::pages::merge_import::ImportChoice;
    use inversa::app::state::AppState;
    use inversa::domain::Workspace;
    use inversa::domain::demo::demo_workspace;
    use inversa::domain::merge::{self, Choice, Choices};
    use inversa::io::storage::{STORAGE_KEY, Stored, decode_stored, encode_stored};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    const FILE: &str = "their-copy.json";

    /// Stores `ours` (flagged as the demo, which a merge ends), then mounts
    /// the choice for `theirs` as the Data page shows it. The flag tells
    /// whether the page was told the merge is stored.
    fn mount_choice(ours: Workspace, theirs: Workspace) -> (HtmlElement, Arc<AtomicBool>) {
        let window = web_sys::window().unwrap();
        let storage = window.local_storage().unwrap().unwrap();
        storage.clear().unwrap();
        let stored = Stored {
            workspace: ours,
            demo: true,
            revision: 1,
            saved_at: "2026-10-01T09:00:00.000Z".into(),
        };
        storage
            .set_item(STORAGE_KEY, &encode_stored(&stored))
            .unwrap();
        let merged = Arc::new(AtomicBool::new(false));
        let told = merged.clone();
        let root: HtmlElement = document()
            .create_element("div")
            .unwrap()
            .dyn_into()
            .unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            provide_context(AppState::start());
            let told = told.clone();
            view! {
                <I18nContextProvider>
                    <InLocale locale=Locale::en/>
                    <ImportChoice
                        file_name=FILE.to_string()
                        theirs=theirs.clone()
                        on_replace=Callback::new(|()| {})
                        on_cancel=Callback::new(|()| {})
                        on_merged=Callback::new(move |()| told.store(true, Ordering::SeqCst))
                    />
                </I18nContextProvider>
            }
        });
        std::mem::forget(handle);
        (root, merged)
    }

    /// What is stored now: the program and its demo flag.
    fn stored() -> (Workspace, bool) {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        let stored = decode_stored(&storage.get_item(STORAGE_KEY).unwrap().unwrap())
            .expect("the stored program reads back");
        (stored.workspace, stored.demo)
    }

    fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into().unwrap())
            .collect()
    }

    fn text(element: &web_sys::Element) -> String {
        element
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The conflict whose legend reads `legend`.
    fn conflict(root: &HtmlElement, legend: &str) -> web_sys::Element {
        all(root, "fieldset.merge-conflict")
            .into_iter()
            .find(|f| text(&f.query_selector("legend").unwrap().unwrap()) == legend)
            .unwrap_or_else(|| panic!("no conflict named {legend:?}"))
    }

    /// The radio of a conflict whose label reads `label`.
    fn radio(fieldset: &web_sys::Element, label: &str) -> HtmlInputElement {
        all(fieldset, "label.radio")
            .into_iter()
            .find(|l| text(l) == label)
            .and_then(|l| l.query_selector("input[type=radio]").unwrap())
            .unwrap_or_else(|| panic!("no radio {label:?}"))
            .dyn_into()
            .unwrap()
    }

    /// Each row of a conflict's table: field, ours, theirs.
    fn rows(fieldset: &web_sys::Element) -> Vec<Vec<String>> {
        all(fieldset, "tbody tr")
            .iter()
            .map(|row| all(row, "th, td").iter().map(text).collect())
            .collect()
    }

    /// The summary's counts for one kind: added, only ours, identical,
    /// settled automatically, conflicts.
    fn summary_row(root: &HtmlElement, kind: &str) -> Vec<String> {
        all(root, ".merge-summary tbody tr")
            .into_iter()
            .find(|row| text(&row.query_selector("th").unwrap().unwrap()) == kind)
            .map(|row| all(&row, "td").iter().map(text).collect())
            .unwrap_or_else(|| panic!("no summary row {kind:?}"))
    }

    async fn open_merge(root: &HtmlElement) {
        button(root, "Merge").click();
        until("the merge plan", || {
            root.query_selector("#merge-heading").unwrap().is_some()
        })
        .await;
    }

    /// One participant renamed in their copy: the plan shows that one
    /// conflict side by side, nothing changes when theirs is chosen, and
    /// "Apply merge" stores their version (no longer flagged as the demo).
    #[wasm_bindgen_test]
    async fn a_conflict_settled_with_theirs_is_stored_on_apply() {
        let ours = demo_workspace();
        let mut theirs = ours.clone();
        let our_name = ours.participants[0].name.clone();
        theirs.participants[0].name = "Renamed in the file".into();
        let (root, merged) = mount_choice(ours.clone(), theirs.clone());
        until("the choice", || {
            root.text_content().unwrap_or_default().contains("Replace")
        })
        .await;
        open_merge(&root).await;

        assert_eq!(
            text(&root.query_selector("#merge-heading").unwrap().unwrap()),
            format!("Merging {FILE}")
        );
        assert_eq!(
            summary_row(&root, "Participants"),
            [
                "0",
                "0",
                &(ours.participants.len() - 1).to_string(),
                "0",
                "1"
            ]
        );
        let fieldsets = all(&root, "fieldset.merge-conflict");
        assert_eq!(fieldsets.len(), 1, "one conflict");
        let card = conflict(&root, &format!("Participant: {our_name}"));
        assert_eq!(
            rows(&card),
            [vec![
                "Name".to_string(),
                our_name.clone(),
                "Renamed in the file".to_string()
            ]]
        );
        let (keep, take) = (radio(&card, "Keep ours"), radio(&card, "Take theirs"));
        assert!(keep.checked() && !take.checked(), "ours by default");

        take.click();
        leptos::task::tick().await;
        until("theirs chosen", || take.checked() && !keep.checked()).await;
        sleep(50).await;
        assert_eq!(stored(), (ours, true), "nothing changes before Apply");

        button(&root, "Apply merge").click();
        until("the merge stored", || merged.load(Ordering::SeqCst)).await;
        until("autosave", || !stored().1).await;
        assert_eq!(stored(), (theirs, false));
        root.remove();
    }

    /// Taking their email for someone when another of our people has it:
    /// the collision is explained, "Apply merge" lists every problem in the
    /// user's words, and nothing is stored; "Keep all ours" then applies.
    #[wasm_bindgen_test]
    async fn a_refused_merge_lists_every_problem_and_changes_nothing() {
        let ours = demo_workspace();
        let mut theirs = ours.clone();
        let taken = ours.participants[1].email.clone();
        theirs.participants[0].email = taken.clone();
        let (root, merged) = mount_choice(ours.clone(), theirs.clone());
        until("the choice", || {
            root.text_content().unwrap_or_default().contains("Replace")
        })
        .await;
        open_merge(&root).await;

        let collisions: Vec<String> = all(&root, ".merge-collisions li")
            .iter()
            .map(text)
            .collect();
        assert_eq!(collisions.len(), 2, "{collisions:?}");
        assert!(
            collisions.iter().all(|c| c.contains(&taken)),
            "{collisions:?}"
        );
        let card = conflict(
            &root,
            &format!("Participant: {}", ours.participants[0].name),
        );
        assert_eq!(rows(&card)[0][0], "Email");

        button(&root, "Take all theirs").click();
        let take = radio(&card, "Take theirs");
        until("theirs chosen", || take.checked()).await;
        button(&root, "Apply merge").click();
        until("the problems", || alert_text(&root).is_some()).await;

        let plan = merge::compare(&ours, &theirs);
        let expected = merge::apply(&ours, &theirs, &plan, &Choices::all(&plan, Choice::Theirs))
            .expect_err("two people with one email is refused");
        let alert = root.query_selector("[role=alert]").unwrap().unwrap();
        let lines: Vec<String> = all(&alert, "li").iter().map(text).collect();
        let worded: Vec<String> = expected
            .iter()
            .map(|p| problem_line(Locale::en, p))
            .collect();
        assert_eq!(lines, worded);
        assert!(
            text(&alert.query_selector(".problems-heading").unwrap().unwrap()).starts_with(
                "The merge cannot be applied with these choices. Nothing was changed."
            ),
        );
        sleep(50).await;
        assert!(!merged.load(Ordering::SeqCst));
        assert_eq!(stored(), (ours.clone(), true), "nothing stored");

        // Changing a choice clears the stale problems; ours everywhere applies.
        button(&root, "Keep all ours").click();
        let keep = radio(&card, "Keep ours");
        until("ours chosen, problems gone", || {
            keep.checked() && alert_text(&root).is_none()
        })
        .await;
        button(&root, "Apply merge").click();
        until("the merge stored", || merged.load(Ordering::SeqCst)).await;
        until("autosave", || !stored().1).await;
        assert_eq!(stored(), (ours, false));
        root.remove();
    }
}
