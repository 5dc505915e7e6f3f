#!/usr/bin/env bash
# The repository carries copies of ../shared (dev cases, audit presentations, vocabulary, case format, UI contract,
# scorer) so that a clone builds and tests alone. Where ../shared exists, this checks the copies
# are in step; `scripts/check_shared_copies.sh --update` refreshes them.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/cases" ]; then
  echo "shared copies: ../shared not present, nothing to compare (copies in tests/cases are used)"
  exit 0
fi
pairs=(
  "$shared/cases/dev:tests/cases/dev"
  "$shared/cases/audit:tests/cases/audit"
  "$shared/cases/vocabulary.json:tests/cases/vocabulary.json"
  "$shared/cases/FORMAT.md:tests/cases/FORMAT.md"
  "$shared/cases/UI.md:tests/cases/UI.md"
  "$shared/cases/body-regions.json:tests/cases/body-regions.json"
  "$shared/tools/score_cases.py:scripts/score_cases.py"
)
status=0
for pair in "${pairs[@]}"; do
  from=${pair%%:*} to=${pair#*:}
  if [ "${1:-}" = "--update" ]; then
    rm -rf "$to" && cp -r "$from" "$to"
  elif ! diff -rq "$from" "$to" >/dev/null; then
    echo "shared copies: $to differs from $from (run scripts/check_shared_copies.sh --update)"
    status=1
  fi
done
[ $status -ne 0 ] || echo "shared copies: in step with ../shared"
exit $status
