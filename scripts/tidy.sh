#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the native engine sources; needs the native build's
# compile_commands.json (cmake --preset native). Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/native/compile_commands.json ] || cmake --preset native >/dev/null
mapfile -t sources < <(git ls-files 'engine/core/*.cc' 'engine/io/*.cc' 'engine/api/*.cc' 'engine/cli/*.cc')
printf '%s\n' "${sources[@]}" | xargs -P "${JOBS:-2}" -n 4 clang-tidy -p build/native --quiet
echo "clang-tidy: ${#sources[@]} files, no findings"
