//! Hash-based navigation (`#/participants`): works on any static host, under
//! any path, and from `file://`, with no server rewrite rules.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Participants,
    Program,
    Pairing,
    Sessions,
    Impact,
    Guides,
    Data,
}

impl Page {
    pub const ALL: [Page; 8] = [
        Page::Overview,
        Page::Participants,
        Page::Program,
        Page::Pairing,
        Page::Sessions,
        Page::Impact,
        Page::Guides,
        Page::Data,
    ];

    pub fn hash(self) -> &'static str {
        match self {
            Page::Overview => "#/overview",
            Page::Participants => "#/participants",
            Page::Program => "#/program",
            Page::Pairing => "#/pairing",
            Page::Sessions => "#/sessions",
            Page::Impact => "#/impact",
            Page::Guides => "#/guides",
            Page::Data => "#/data",
        }
    }

    pub fn from_hash(hash: &str) -> Page {
        Page::ALL
            .into_iter()
            .find(|p| p.hash() == hash)
            .unwrap_or(Page::Overview)
    }
}

/// The current page, following the URL hash (back/forward buttons included).
#[derive(Clone, Copy)]
pub struct Router {
    pub page: RwSignal<Page>,
}

impl Router {
    pub fn start() -> Router {
        let current = || {
            Page::from_hash(
                &super::browser::window()
                    .location()
                    .hash()
                    .unwrap_or_default(),
            )
        };
        let page = RwSignal::new(current());
        let handle = window_event_listener(leptos::ev::hashchange, move |_| page.set(current()));
        on_cleanup(move || handle.remove());
        Router { page }
    }

    /// Navigates from code (after saving a form, starting a program…).
    pub fn go(&self, page: Page) {
        let _ = super::browser::window().location().set_hash(page.hash());
        self.page.set(page);
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
