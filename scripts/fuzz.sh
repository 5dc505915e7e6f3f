#!/usr/bin/env bash
# Runs every libFuzzer target for a while (default 300 s each) and prints how many inputs it ran.
#   scripts/fuzz.sh [SECONDS]
# CI runs a 30-second smoke of each through ctest (the fuzz preset); this is the long run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
for target in fuzz_kb_load fuzz_case fuzz_engine_api; do
  corpus="build/fuzz/fuzz-corpus/$target"
  mkdir -p "$corpus"
  seeds=(tests/cases/dev)
  [ "$target" = fuzz_kb_load ] && seeds=(tests/fixtures tests/fuzz/regressions)
  log="build/fuzz/$target.log"
  echo "== $target for ${seconds}s"
  "build/fuzz/tests/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/$target-" "$corpus" "${seeds[@]}" >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs' "$log"
done
