//! The browser entry point; everything lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    inversa::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Inversa is a web app: build it with `trunk build --release` and open dist/index.html."
    );
}
