//! The Leptos UI (browser only): a shell with navigation and five pages.
//! State lives in [`state::AppState`], provided by context; views call the
//! domain for every rule and keep only presentation here.

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod backups;
pub mod browser;
pub mod charts;
pub mod checkin_form;
pub mod components;
pub mod format;
pub mod lang;
pub mod messages;
pub mod pages;
pub mod persist;
pub mod router;
pub mod shell;
pub mod state;

use components::FreshAfterUndo;
use i18n::*;
use router::{Page, Router};
use state::AppState;

/// Entry point called by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    // A check-in link gets the participant's page alone: no coordinator
    // state is even loaded.
    if checkin_form::opened_from_link() {
        leptos::mount::mount_to_body(checkin_form::CheckinApp);
    } else {
        leptos::mount::mount_to_body(App);
    }
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Root/>
        </I18nContextProvider>
    }
}

/// Provides state and routing, then lays out the page.
#[component]
fn Root() -> impl IntoView {
    lang::apply_initial_locale();
    let state = AppState::start();
    provide_context(state);
    let router = Router::start();
    provide_context(router);
    checkin_form::reload_when_view_changes(false);
    let i18n = use_i18n();

    // Keep the tab title in step with the page and the program.
    Effect::new(move |_| {
        let page = shell::page_title(i18n.get_locale(), router.page.get());
        let program = state.workspace.with(|ws| ws.program.name.clone());
        let title = if program.trim().is_empty() {
            format!("{page} · Inversa")
        } else {
            format!("{page} · {program} · Inversa")
        };
        browser::set_document_title(&title);
    });
    // A new page starts at its top, wherever the last one was scrolled to.
    Effect::new(move |previous: Option<Page>| {
        let page = router.page.get();
        if previous.is_some_and(|p| p != page) {
            browser::scroll_to_top();
        }
        page
    });

    view! {
        <a class="skip-link" href="#main">{t!(i18n, shell.skip_to_content)}</a>
        <shell::Header/>
        <shell::Banners/>
        <main id="main" tabindex="-1">
            {move || match router.page.get() {
                Page::Overview => view! { <pages::overview::OverviewPage/> }.into_any(),
                Page::Participants => view! { <pages::participants::ParticipantsPage/> }.into_any(),
                // The whole Program page is its form.
                Page::Program => view! { <FreshAfterUndo><pages::program::ProgramPage/></FreshAfterUndo> }.into_any(),
                Page::Pairing => view! { <pages::pairing::PairingPage/> }.into_any(),
                Page::Sessions => view! { <pages::sessions::SessionsPage/> }.into_any(),
                Page::Impact => view! { <pages::impact::ImpactPage/> }.into_any(),
                Page::Guides => view! { <pages::guides::GuidesPage/> }.into_any(),
                Page::Data => view! { <pages::data::DataPage/> }.into_any(),
            }}
        </main>
        <shell::Footer/>
        <shell::NoticeRegion/>
    }
}
