#!/usr/bin/env bash
# Installs what this project needs on Debian 12, only what is missing (safe to run again).
#   scripts/setup.sh          everything: build tools, Emscripten, browser-test tools
#   scripts/setup.sh --build  only what building and serving the page needs
# Node.js >= 20.11 with npm is the one prerequisite it cannot install (Debian 12's nodejs is
# 18.20): without it, the full setup stops at once with a one-line message saying what to get.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js >= 20.11 (the tests use import.meta.dirname) and npm (installs the pinned test tools).
# Building alone needs neither: Emscripten brings the Node it runs on.
check_node() {
  local need=() found
  if ! command -v node >/dev/null; then
    need+=("Node.js >= 20.11 (no node on PATH)")
  else
    found="$(node --version 2>/dev/null || echo unknown)"
    if ! [[ "$found" =~ ^v([0-9]+)\.([0-9]+)\. ]] ||
       ((BASH_REMATCH[1] < 20 || (BASH_REMATCH[1] == 20 && BASH_REMATCH[2] < 11))); then
      need+=("Node.js >= 20.11 (found $found at $(command -v node))")
    fi
  fi
  command -v npm >/dev/null || need+=("npm (no npm on PATH)")
  if ((${#need[@]})); then
    local what="${need[0]}"
    ((${#need[@]} == 1)) || what="${need[0]} and ${need[1]}"
    echo "setup: missing $what: install Node.js 20 LTS (>= 20.11, npm included) from https://nodejs.org/en/download or NodeSource's Debian packages (https://github.com/nodesource/distributions; Debian 12's own nodejs is 18), then run scripts/setup.sh again" >&2
    exit 1
  fi
}
[ "${1:-}" = "--build" ] || check_node

build_pkgs=(cmake ninja-build g++ python3 nlohmann-json3-dev emscripten)
test_pkgs=(libgtest-dev clang-format clang-tidy chromium clang libclang-rt-14-dev nginx-light brotli)
pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--build" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
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
