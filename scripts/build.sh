#!/usr/bin/env bash
# Release build into dist/ (relative URLs: deployable under any path of any static host).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
wasm=$(ls dist/*.wasm)
echo "dist/ ready: $(du -sh dist | cut -f1) on disk; wasm $(gzip -9c "$wasm" | wc -c) bytes gzipped"
