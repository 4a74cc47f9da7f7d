#!/usr/bin/env bash
# Release build into dist/ (relative URLs: deployable under any path of any static host):
# the installable offline app (index.html, sw.js, manifest.webmanifest) and the
# single-file inversa.html, both written by the post-build hook scripts/post-build.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
wasm=$(ls dist/*.wasm)
gzipped() { gzip -9c "$1" | wc -c; }
echo "dist/ ready: $(du -sh dist | cut -f1) on disk; wasm $(gzipped "$wasm") bytes gzipped"
echo "dist/inversa.html (the whole app in one file): $(wc -c < dist/inversa.html) bytes, $(gzipped dist/inversa.html) gzipped"
