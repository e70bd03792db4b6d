#!/usr/bin/env bash
# Runs the browser suite against the release binary: a fresh demo database, a free port,
# the server stopped afterwards whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: e2e-local.sh PATH_TO_RATHAUS}
work=$(mktemp -d)
port=${E2E_PORT:-3100}
export DATABASE_URL="sqlite://$work/e2e.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" RATHAUS_LOG=${RATHAUS_LOG:-warn}
"$bin" seed --demo >"$work/seed.log"
"$bin" serve 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
BASE_URL="http://127.0.0.1:$port" npx playwright test --config end2end/playwright.config.ts || {
  status=$?
  echo "--- server log ---" >&2
  tail -n 50 "$work/server.log" >&2
  exit $status
}
