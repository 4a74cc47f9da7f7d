#!/usr/bin/env bash
# Installs what is missing, builds, and serves the app at http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
port="${PORT:-8080}"
echo "Inversa is running at http://127.0.0.1:$port/ (Ctrl+C to stop)"
exec node e2e/serve.mjs dist "$port"
