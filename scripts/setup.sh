#!/usr/bin/env bash
# Installs whatever is missing to build (and, with --browser, to test) Inversa.
# Idempotent: on a machine that has everything it only checks versions.
# Pinned: trunk 0.21.14, wasm-bindgen 0.2.130, binaryen 132 (npm), playwright-core (npm).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/inversa/target}"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]]; then
  step "Installing trunk 0.21.14 (takes a few minutes, once)"
  cargo install trunk --version 0.21.14 --locked
fi

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen 0.2.130" ]]; then
  step "Installing wasm-bindgen-cli 0.2.130"
  cargo install wasm-bindgen-cli --version 0.2.130 --force
fi

if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "Installing npm tools (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if $want_browser && [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  step "Installing Chromium and ChromeDriver"
  if [[ $(id -u) -eq 0 ]]; then apt-get update && apt-get install -y chromium chromium-driver
  else sudo apt-get update && sudo apt-get install -y chromium chromium-driver; fi
fi
