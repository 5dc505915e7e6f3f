#!/usr/bin/env bash
# Sets up what is missing, builds the WebAssembly engine and the page, and serves it on
# http://127.0.0.1:$PORT/ (PORT defaults to 8080) until stopped with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --build
cmake --preset wasm >/dev/null
cmake --build --preset wasm
port="${PORT:-8080}"
echo "Serving build/wasm/site on http://127.0.0.1:${port}/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build/wasm/site
