#!/usr/bin/env bash
# Sets up what is missing, builds everything and runs every test. Fails on the first failing step.
#   SKIP_FUZZ=1 scripts/test.sh   skips the 30-second fuzzing smoke runs
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==== %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "copies of ../shared in step"
scripts/check_shared_copies.sh

step "patient texts readable (Flesch-Kincaid, Fernández-Huerta)"
node --test tests/readability/

step "JavaScript lint and format (ESLint, Prettier)"
# eslint.config.mjs, .prettierrc.json and .prettierignore say what is checked and how; the tools are
# the ones pinned in tests/package.json (installed by scripts/setup.sh).
tests/node_modules/.bin/eslint --max-warnings 0 eslint.config.mjs web tests scripts
tests/node_modules/.bin/prettier --check eslint.config.mjs web tests 'scripts/**/*.mjs'

step "format (clang-format)"
mapfile -t sources < <(git ls-files 'engine/*.h' 'engine/*.cc' 'tests/*.h' 'tests/*.cc' 2>/dev/null || find engine tests -name '*.h' -o -name '*.cc')
clang-format --dry-run --Werror "${sources[@]}"
python3 scripts/format_kb.py --check data/kb/*.json

step "native build, unit tests, knowledge-base lint and dev-case targets"
cmake --workflow --preset native

step "clang-tidy (.clang-tidy) on the engine"
scripts/tidy.sh

step "WebAssembly build, the engine under Node, native/WebAssembly parity"
cmake --workflow --preset wasm
node --test --test-concurrency=1 tests/wasm/
node scripts/site_sizes.mjs --check

step "dev cases scored as FORMAT.md says (native and WebAssembly)"
scripts/benchmark.sh

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

step "AddressSanitizer + UndefinedBehaviorSanitizer build of the unit suite"
cmake --workflow --preset asan

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
  step "fuzzing smoke runs (30 s each)"
  cmake --workflow --preset fuzz
fi
step "all tests passed"
