#!/usr/bin/env bash
# Runs the browser suite against the release binary: a fresh demo database, a free port,
# the server stopped afterwards whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: e2e-local.sh PATH_TO_RATHAUS}
work=$(mktemp -d)
port=${E2E_PORT:-3100}
export DATABASE_URL="sqlite://$work/e2e.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" RATHAUS_LOG=${RATHAUS_LOG:-warn}
# The suite starts and tracks many requests from one address; the default limits are for residents.
export RATHAUS_SUBMISSIONS_PER_MINUTE=${RATHAUS_SUBMISSIONS_PER_MINUTE:-1000} RATHAUS_TRACKING_PER_MINUTE=${RATHAUS_TRACKING_PER_MINUTE:-1000}
"$bin" seed --demo >"$work/seed.log"
# Staff test accounts (end2end/support/staff.ts): an editor, publishers, caseworkers and administrators with
# the second factor, several of each because a TOTP code is accepted only once.
export E2E_STAFF_PASSWORD=${E2E_STAFF_PASSWORD:-"e2e-Passwort-nur-zum-Testen"}
export E2E_TOTP_SECRET=${E2E_TOTP_SECRET:-"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}
for index in 0 1 2 3; do
  echo "$E2E_STAFF_PASSWORD" | "$bin" user add --email "e2e-editor-$index@rathaus.example" --role editor --name "Test-Redaktion $index" >>"$work/seed.log"
  for role in publisher caseworker administrator; do
    echo "$E2E_STAFF_PASSWORD" | "$bin" user add --email "e2e-$role-$index@rathaus.example" --role "$role" \
      --name "Test-$role $index" --totp-secret "$E2E_TOTP_SECRET" >>"$work/seed.log"
  done
done
"$bin" serve 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
BASE_URL="http://127.0.0.1:$port" npx playwright test --config end2end/playwright.config.ts ${E2E_ARGS:-} || {
  status=$?
  echo "--- server log ---" >&2
  tail -n 50 "$work/server.log" >&2
  exit $status
}
