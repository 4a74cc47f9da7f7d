#!/usr/bin/env bash
# Runs every test layer: native core tests, wasm component tests in headless
# Chromium, then end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh

echo; echo "== 1/3 Native tests (domain core, file formats, locales)"
cargo test --locked

echo; echo "== 2/3 Component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test components

echo; echo "== 3/3 End-to-end tests (Playwright + Chromium against dist/)"
trunk build --release --offline
node --test --test-concurrency=1 e2e/
