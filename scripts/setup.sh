#!/usr/bin/env bash
# Installs what this project needs on Debian 12, only what is missing (safe to run again).
#   scripts/setup.sh          everything: build tools, Emscripten, browser-test tools
#   scripts/setup.sh --build  only what building and serving the page needs
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(cmake ninja-build g++ python3 nlohmann-json3-dev emscripten nodejs)
test_pkgs=(libgtest-dev clang-format chromium clang libclang-rt-14-dev nginx-light brotli)
pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--build" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
# Node 20 may come from a non-Debian build; accept any node >= 20 on PATH.
if command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  missing=("${missing[@]/nodejs/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" != "--build" ]; then
  # Test-only npm tools (playwright-core, axe, Lighthouse, bayesjs), pinned by tests/package-lock.json.
  if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    (cd tests && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
