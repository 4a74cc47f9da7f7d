//! Inversa runs a reverse-mentoring program from one static page.
//!
//! - [`domain`]: the pure core (participants, program, validation, …), tested natively.
//! - [`io`]: versioned file formats, validated into the domain.
//! - `app`: the Leptos UI, compiled only for the browser (`wasm32`).

pub mod domain;
pub mod io;

#[cfg(target_arch = "wasm32")]
pub mod app;
