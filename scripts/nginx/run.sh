#!/usr/bin/env bash
# Serves build/wasm/site with nginx and the production configuration, in the foreground.
#   scripts/nginx/run.sh [PORT]      (default 8081; SITE=... to serve another folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-${PORT:-8081}}"
site="$(realpath "${SITE:-build/wasm/site}")"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/symcheck-nginx-XXXXXX")"
sed -e "s|@ROOT@|$site|g" -e "s|@PORT@|$port|g" -e "s|@PREFIX@|$prefix|g" \
  scripts/nginx/symcheck.conf.template > "$prefix/nginx.conf"
cp scripts/nginx/security-headers.conf "$prefix/"
nginx -t -q -c "$prefix/nginx.conf" -p "$prefix"
echo "nginx serving $site on http://127.0.0.1:$port/ (config $prefix/nginx.conf)"
exec nginx -c "$prefix/nginx.conf" -p "$prefix"
