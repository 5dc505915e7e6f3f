#!/usr/bin/env bash
# Scores the dev cases exactly as FORMAT.md says, with the native build and the WebAssembly build
# under Node, then prints the side-by-side accuracy table for the dev cases, the held-out written
# cases and all together, with the issue targets checked on all together.
set -euo pipefail
cd "$(dirname "$0")/.."
native=build/native/engine/symcheck
vocab=tests/cases/vocabulary.json
for runner in "$native" "node scripts/symcheck.mjs"; do
  echo "-- $runner"
  python3 scripts/score_cases.py --runner "$runner" --cases tests/cases/dev --vocabulary "$vocab" \
    --mode assess --min-top1 0.85 --min-triage 0.90 --max-emergency-under 0 \
    --max-urgent-under-rate 0.10 --max-over-rate 0.10 --verbose
  python3 scripts/score_cases.py --runner "$runner" --cases tests/cases/dev --vocabulary "$vocab" \
    --mode interview --max-emergency-under 0 --min-triage 0.85 --max-over-rate 0.15 --verbose
done
python3 scripts/benchmark_cases.py --runner "$native" --check
