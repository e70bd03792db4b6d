#!/usr/bin/env bash
# Load-tests a release build of Rathaus route by route and compares each route with "the
# machine's ceiling": tools/ceiling, a bare in-memory axum handler serving the same bytes.
# Then it measures the online request journey: a question page, and acknowledged submissions
# (each timed request submits a draft filled in beforehand, untimed, by tools/bench-drafts.mjs).
#   tools/bench.sh PATH_TO_RATHAUS
# Settings: BENCH_SERVICES (generated services in the catalogue, default 438, so the A–Z lists 500),
#           BENCH_SECONDS (wrk duration per run, default 10), LEPTOS_SITE_ROOT (built site),
#           BENCH_ONLY (routes, search, requests or inbox: only that part; default all of them),
#           BENCH_INBOX_REQUESTS (generated requests in the caseworkers' inbox, default 100000),
#           BENCH_DRAFTS (drafts filled in for the submission run, default 12000),
#           BENCH_SUBMIT_SECONDS (duration of the submission run, default 5).
# Needs wrk, curl, gzip, brotli, node (tools/install.sh bench). Prints markdown tables on
# stdout, progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

# The routes to measure, "label|path". {css}, {js} and {wasm} stand for the hashed bundle of
# that kind, as linked from the home page.
ROUTES=(
  "home (de)|/"
  "service page (de)|/leistungen/personalausweis-beantragen"
  "service page (en)|/en/services/apply-for-an-id-card"
  "A–Z (all services)|/leistungen"
  "topic page|/themen/wohnen-melden"
  "office page|/dienststellen/buergerbuero-mitte"
  "imprint|/impressum"
  "healthz|/healthz"
  "css bundle|{css}"
)

bin=${1:?usage: tools/bench.sh PATH_TO_RATHAUS}
services=${BENCH_SERVICES:-438}
catalogue="demo + $services generated services"
seconds=${BENCH_SECONDS:-10}
site_root=${LEPTOS_SITE_ROOT:-$PWD/target/site}
only=${BENCH_ONLY:-all}
case $only in
  all | routes | search | requests | inbox) ;;
  *) echo "bench: BENCH_ONLY must be routes, search, requests or inbox, got '$only'" >&2; exit 1 ;;
esac
# Whether the part named $1 runs.
want() { [ "$only" = all ] || [ "$only" = "$1" ]; }
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/rathaus/target}
for tool in wrk curl gzip brotli cargo node; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run tools/install.sh bench" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "bench: $bin is not an executable" >&2; exit 1; }

say() { printf '==> %s\n' "$*" >&2; }

tmp=$(mktemp -d)
server=""
ceiling=""
stop() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$ceiling"
  stop "$server"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The server's memory: RSS, and PSS, which counts the SQLite file mapped by several connections
# (PRAGMA mmap_size) once instead of once per connection.
memory_of() {
  local rss pss
  rss=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$1/status")
  pss=$(awk '/^Pss:/ {print $2, $3}' "/proc/$1/smaps_rollup" 2>/dev/null || true)
  echo "$rss${pss:+ (PSS $pss)}"
}

# A port nobody listens on (a connection attempt to it is refused).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "bench: found no free port" >&2
  return 1
}

# Waits until URL answers 2xx while process PID lives; returns 1 otherwise.
wait_for() {
  local url=$1 pid=$2 tries=${3:-300}
  for _ in $(seq 1 "$tries"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# "408.00us" / "1.29ms" / "2.01s" → milliseconds with two decimals.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v; sub(/[a-z]+$/, "", n); u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0 || n == "") print "?"; else printf "%.2f", n * f
  }'
}

# Runs wrk against URL; prints "rps p50_ms p99_ms errors" ("- - - wrk-failed" when wrk fails).
# WRK_SCRIPT (a Lua script), WRK_CONNECTIONS (default 32) and WRK_SECONDS (default BENCH_SECONDS)
# change the run; the full wrk output stays in $tmp/wrk.out.
measure() {
  local url=$1 out="$tmp/wrk.out"
  local script=()
  [ -z "${WRK_SCRIPT:-}" ] || script=(-s "$WRK_SCRIPT")
  if ! wrk -t2 -c"${WRK_CONNECTIONS:-32}" -d"${WRK_SECONDS:-$seconds}s" --latency "${script[@]}" "$url" >"$out" 2>&1; then
    cat "$out" >&2
    echo "- - - wrk-failed"
    return 0
  fi
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  # "Non-2xx or 3xx responses: N" and "Socket errors: connect A, read B, write C, timeout D".
  errors=$(awk '
    /Non-2xx or 3xx responses:/ { e += $NF }
    /Socket errors:/ { for (i = 3; i <= NF; i += 2) { x = $(i + 1); sub(/,/, "", x); e += x } }
    END { print e + 0 }' "$out")
  echo "${rps:-?} ${p50:-?} ${p99:-?} $errors"
}

# --- the routes, on demo data plus BENCH_SERVICES generated services ----------------------------
bench_routes() {
  export DATABASE_URL="sqlite://$tmp/bench.db"
  say "seeding the demo catalogue with $services generated services"
  if ! "$bin" seed --demo --synthetic "$services" >"$tmp/seed.log" 2>&1; then
    echo "note: 'seed --demo --synthetic $services' failed (the flag may not exist yet); benchmarking the plain demo catalogue:" >&2
    tail -n 5 "$tmp/seed.log" >&2
    rm -f "$tmp"/bench.db*
    "$bin" seed --demo >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
    catalogue="demo only (seed --synthetic unavailable)"
  fi

  port=$(free_port)
  base="http://127.0.0.1:$port"
  say "starting $bin serve on $base"
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site_root" RATHAUS_LOG=warn \
    "$bin" serve >"$tmp/server.log" 2>&1 &
  server=$!
  if ! wait_for "$base/readyz" "$server" 300; then
    echo "bench: the server did not become ready on $base/readyz; its log ends with:" >&2
    tail -n 40 "$tmp/server.log" >&2
    exit 1
  fi
  rss_start=$(memory_of "$server")

  say "building tools/ceiling"
  cargo build --release --locked --quiet --manifest-path tools/ceiling/Cargo.toml
  ceiling_bin="$CARGO_TARGET_DIR/release/ceiling"

  curl -fsS -o "$tmp/home.html" "$base/"
  # The hashed bundle of kind EXT (css, js, wasm) as linked from the home page.
  bundle_path() {
    grep -oE "/pkg/[^\"' ]+\\.$1" "$tmp/home.html" | head -n 1
  }

  # --- the routes ------------------------------------------------------------------------------
  rows=()
  for route in "${ROUTES[@]}"; do
    label=${route%%|*}
    path=${route#*|}
    if [[ $path =~ ^\{(css|js|wasm)\}$ ]]; then
      kind=${BASH_REMATCH[1]}
      path=$(bundle_path "$kind")
      if [ -z "$path" ]; then
        echo "bench: the home page links no .$kind bundle; skipping $label" >&2
        rows+=("| $label | no .$kind link on the home page | | | | | |")
        continue
      fi
    fi
    say "$label: $path"
    read -r rps p50 p99 errors < <(measure "$base$path")

    # The same bytes and content type from the ceiling server. curl sends no Accept-Encoding and
    # neither does wrk, so both serve the identity encoding.
    content_type=$(curl -sS -o "$tmp/body" -w '%{content_type}' "$base$path")
    [ -n "$content_type" ] || content_type=application/octet-stream
    cport=$(free_port)
    "$ceiling_bin" --addr "127.0.0.1:$cport" "$tmp/body" "$content_type" 2>"$tmp/ceiling.log" &
    ceiling=$!
    if wait_for "http://127.0.0.1:$cport/" "$ceiling" 50; then
      read -r crps _ _ _ < <(measure "http://127.0.0.1:$cport$path")
    else
      cat "$tmp/ceiling.log" >&2
      crps="-"
    fi
    stop "$ceiling"
    ceiling=""

    ratio=$(awk -v a="$rps" -v b="$crps" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f %%", 100 * a / b; else print "-" }')
    rows+=("| $label \`$path\` | $rps | $p50 | $p99 | $errors | $crps | $ratio |")
  done
  rss_end=$(memory_of "$server")
  stop "$server"
  server=""
}

# --- search on 10,000 generated services -----------------------------------------------------
bench_search() {
  search_services=${BENCH_SEARCH_SERVICES:-10000}
  export DATABASE_URL="sqlite://$tmp/search.db"
  say "seeding the demo catalogue with $search_services generated services for search"
  "$bin" seed --demo --synthetic "$search_services" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
  # A wrk script that cycles through the 104 queries of the quality set.
  node -e '
    const set = require(process.argv[1]);
    const paths = set.queries.map((q) => `/api/v1/search?lang=${q.lang}&limit=6&q=${encodeURIComponent(q.q)}`);
    console.log(`local paths = ${JSON.stringify(paths).replace(/^\[/, "{").replace(/\]$/, "}")}
  local i = 0
  request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
  end`);
  ' "$PWD/app/data/search/queries.json" >"$tmp/queries.lua"
  search_rows=()
  # Each route twice: with the suggestion cache off (what one new query costs) and on (the default).
  for cache in 0 4096; do
    port=$(free_port)
    base="http://127.0.0.1:$port"
    LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site_root" RATHAUS_LOG=warn RATHAUS_SUGGESTION_CACHE=$cache \
      "$bin" serve >"$tmp/server.log" 2>&1 &
    server=$!
    wait_for "$base/readyz" "$server" 600 || { tail -n 40 "$tmp/server.log" >&2; exit 1; }
    if [ "$cache" = 0 ]; then cached="uncached"; else cached="cached"; fi
    for route in "suggestions, selective word|/api/v1/search?q=perso&limit=6" "suggestions, common word|/api/v1/search?q=beantragen&limit=6" \
      "suggestions, the quality set in turn|/api/v1/search?q=(script)&limit=6" "results page|/suche?q=Personalausweis+verloren"; do
      label="${route%%|*} ($cached)"
      path=${route#*|}
      [ "$cache" != 0 ] && [[ $path == /suche* ]] && continue
      say "search: $label"
      if [[ $path == *"(script)"* ]]; then
        read -r rps p50 p99 errors < <(WRK_SCRIPT="$tmp/queries.lua" measure "$base/api/v1/search")
      else
        read -r rps p50 p99 errors < <(measure "$base$path")
      fi
      search_rows+=("| $label \`$path\` | $rps | $p50 | $p99 | $errors |")
    done
    search_rss=$(memory_of "$server")
    stop "$server"
    server=""
  done
  say "in-process search benchmark"
  in_process=$(cargo run --release --quiet -p app --features ssr --example search_bench -- "$search_services")
}

# --- online requests: a question page and acknowledged submissions ----------------------------
# Sperrmüll (the demo form with three question pages) on a fresh demo database, 16 connections.
# Each timed submission is a new one: every draft is submitted once, and the Lua script counts
# only a 303 to the draft's confirmation page (sent once the request is committed, SQLite in WAL
# mode with synchronous=FULL) as acknowledged. Filling the drafts in beforehand is not timed.
bench_requests() {
  local drafts=${BENCH_DRAFTS:-12000} submit_seconds=${BENCH_SUBMIT_SECONDS:-5}
  export DATABASE_URL="sqlite://$tmp/requests.db"
  say "requests: seeding the demo catalogue and forms"
  "$bin" seed --demo >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
  port=$(free_port)
  base="http://127.0.0.1:$port"
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site_root" RATHAUS_LOG=warn \
    RATHAUS_SUBMISSIONS_PER_MINUTE=1000000 RATHAUS_TRACKING_PER_MINUTE=1000000 \
    "$bin" serve >"$tmp/server.log" 2>&1 &
  server=$!
  wait_for "$base/readyz" "$server" 300 || { tail -n 40 "$tmp/server.log" >&2; exit 1; }

  say "requests: filling in $drafts drafts up to the check page (not timed)"
  node tools/bench-drafts.mjs "$base" $((drafts + 1)) "$tmp/drafts.txt" 8 2>"$tmp/drafts.log" || { cat "$tmp/drafts.log" >&2; exit 1; }
  drafts_note=$(tail -n 1 "$tmp/drafts.log")
  say "$drafts_note"
  # The first draft's question page is the page measured; the others are submitted.
  local page_code
  read -r page_code _ <"$tmp/drafts.txt"
  tail -n +2 "$tmp/drafts.txt" >"$tmp/submit.txt"
  local question="/antrag/$page_code/frage/sperrmuell"

  say "requests: question page $question"
  read -r rps p50 p99 errors < <(WRK_CONNECTIONS=16 measure "$base$question")
  request_rows+=("| question page \`/antrag/{code}/frage/sperrmuell\` | $rps | $p50 | $p99 | $errors |")
  question_verdict=$(awk -v p="$p99" -v e="$errors" 'BEGIN { print (p + 0 > 0 && p + 0 <= 50 && e == 0) ? "met (" p " ms)" : "MISSED (" p " ms, " e " errors)" }')

  # Each wrk thread submits its own share of the drafts in turn; a thread that runs out stops
  # (and the run is reported as too short of drafts).
  cat >"$tmp/submit.lua" <<EOF
local file, threads = "$tmp/submit.txt", 2
local count, all = 0, {}
function setup(thread)
  count = count + 1
  thread:set("id", count)
  all[#all + 1] = thread
end
function init(args)
  mine, pos, acknowledged, other, ran_out = {}, 0, 0, 0, 0
  form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  local i = 0
  for line in io.lines(file) do
    local code, key = line:match("^(%S+) (%S+)$")
    if code and i % threads == id - 1 then
      mine[#mine + 1] = { "/antrag/" .. code .. "/absenden", "schluessel=" .. key .. "&erklaerung=ja" }
    end
    i = i + 1
  end
end
function request()
  pos = pos + 1
  local draft = mine[pos]
  if draft == nil then
    ran_out = 1
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  return wrk.format("POST", draft[1], form, draft[2])
end
function response(status, headers, body)
  if status == 200 then return end -- the /healthz of a thread that ran out
  local location = headers["location"] or headers["Location"] or ""
  if status == 303 and location:find("/bestaetigung$") then
    acknowledged = acknowledged + 1
  else
    other = other + 1
  end
end
function done(summary, latency, requests)
  local a, o, r = 0, 0, 0
  for _, thread in ipairs(all) do
    a = a + thread:get("acknowledged")
    o = o + thread:get("other")
    r = r + thread:get("ran_out")
  end
  io.write(string.format("SUBMISSIONS %d %d %d %.3f\n", a, o, r, summary.duration / 1e6))
end
EOF
  say "requests: submitting for ${submit_seconds} s"
  read -r _ p50 p99 errors < <(WRK_CONNECTIONS=16 WRK_SECONDS="$submit_seconds" WRK_SCRIPT="$tmp/submit.lua" measure "$base/antrag/")
  local acknowledged other ran_out duration
  read -r _ acknowledged other ran_out duration < <(grep '^SUBMISSIONS ' "$tmp/wrk.out" || echo "SUBMISSIONS 0 0 0 0")
  rps=$(awk -v a="$acknowledged" -v d="$duration" 'BEGIN { if (d > 0) printf "%.0f", a / d; else print "?" }')
  local label="submission \`POST /antrag/{code}/absenden\`, acknowledged/s"
  if [ "$ran_out" != 0 ]; then
    label="$label (the $drafts drafts ran out before the end: a lower bound, raise BENCH_DRAFTS)"
  fi
  [[ ! $errors =~ ^[0-9]+$ ]] || errors=$((errors + other))
  request_rows+=("| $label | $rps | $p50 | $p99 | $errors |")
  submissions_note="$acknowledged submissions acknowledged in ${duration} s, $other other answers"
  submissions_verdict=$(awk -v r="$rps" -v o="$ran_out" 'BEGIN { print (r + 0 >= 600) ? "met (" r "/s)" : (o != 0) ? "not shown, the drafts ran out (" r "/s)" : "MISSED (" r "/s)" }')
  say "$submissions_note"
  requests_rss=$(memory_of "$server")
  stop "$server"
  server=""
}

# --- the caseworkers' inbox on BENCH_INBOX_REQUESTS generated requests -------------------------
# A caseworker signs in with curl (password, then the TOTP code computed here); wrk sends the
# session cookie. As in real use, the session row is written again only when its idle expiry has
# moved by a minute (app/src/auth/session_store.rs).
bench_inbox() {
  local count=${BENCH_INBOX_REQUESTS:-100000} secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" password="bench-Passwort-nur-zum-Messen"
  export DATABASE_URL="sqlite://$tmp/inbox.db"
  say "inbox: seeding the demo data and $count generated requests"
  "$bin" seed --demo --synthetic-requests "$count" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
  inbox_seed_note=$(grep '^Generated requests' "$tmp/seed.log")
  echo "$password" | "$bin" user add --email bench-caseworker@rathaus.example --role caseworker --name Bench \
    --totp-secret "$secret" >>"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
  port=$(free_port)
  base="http://127.0.0.1:$port"
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site_root" RATHAUS_LOG=warn "$bin" serve >"$tmp/server.log" 2>&1 &
  server=$!
  wait_for "$base/readyz" "$server" 300 || { tail -n 40 "$tmp/server.log" >&2; exit 1; }
  local jar="$tmp/cookies.txt" code cookie
  curl -sS -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" -H "Accept: text/html" \
    --data-urlencode "email=bench-caseworker@rathaus.example" --data-urlencode "password=$password" "$base/api/staff/sign-in"
  code=$(python3 -c 'import base64,hmac,hashlib,struct,sys,time
key = base64.b32decode(sys.argv[1]); mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15; print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$secret")
  curl -sS -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" -H "Accept: text/html" --data "code=$code" "$base/api/staff/sign-in/code"
  cookie=$(awk '$6 ~ /rathaus_staff/ {print $6 "=" $7}' "$jar")
  curl -sS -o "$tmp/inbox.html" -H "Cookie: $cookie" "$base/verwaltung/antraege"
  grep -q "Anträge gefunden" "$tmp/inbox.html" || { echo "bench: the caseworker could not open the inbox" >&2; tail -n 20 "$tmp/server.log" >&2; exit 1; }
  printf 'wrk.headers["Cookie"] = "%s"\nwrk.headers["Accept"] = "text/html"\n' "$cookie" >"$tmp/inbox.lua"
  local route
  for route in "first page|/verwaltung/antraege" \
    "open Sperrmüll requests, by decision date|/verwaltung/antraege?status=offen&leistung=sperrmuell-anmelden&sortierung=frist" \
    "overdue and unassigned|/verwaltung/antraege?ueberfaellig=1&bearbeitung=niemand" \
    "deep page (rows 49,976-50,000)|/verwaltung/antraege?seite=2000" \
    "name search|/verwaltung/antraege?q=anna+m%C3%BCller" \
    "one-word name search (8,000+ matches)|/verwaltung/antraege?q=anna" \
    "one-word name search, page 11|/verwaltung/antraege?q=anna&seite=11" \
    "one-word name search, page 100|/verwaltung/antraege?q=anna&seite=100" \
    "one-word name search by status, the middle page|/verwaltung/antraege?q=anna&sortierung=stand&seite=167" \
    "one-word name search, the last page|/verwaltung/antraege?q=anna&seite=334" \
    "open requests, one-word name search|/verwaltung/antraege?status=offen&q=anna" \
    "unassigned Sperrmüll, one-word name search|/verwaltung/antraege?bearbeitung=niemand&leistung=sperrmuell-anmelden&q=anna" \
    "unassigned, no other filter|/verwaltung/antraege?bearbeitung=niemand" \
    "unassigned, by decision date|/verwaltung/antraege?bearbeitung=niemand&sortierung=frist" \
    "reference search|/verwaltung/antraege?q=2026-ABCD-EFGH"; do
    say "inbox: ${route%%|*}"
    read -r rps p50 p99 errors < <(WRK_CONNECTIONS=8 WRK_SCRIPT="$tmp/inbox.lua" measure "$base${route#*|}")
    inbox_rows+=("| ${route%%|*} \`${route#*|}\` | $rps | $p50 | $p99 | $errors |")
  done
  inbox_rss=$(memory_of "$server")
  stop "$server"
  server=""
}

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
inbox_rows=()
rows=()
search_rows=()
request_rows=()
if want routes; then bench_routes; fi
if want search; then bench_search; fi
if want requests; then bench_requests; fi
if want inbox; then bench_inbox; fi

# --- the report ------------------------------------------------------------------------------
echo
echo "Rathaus benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before the runs: $load_before"
if want routes; then
  echo
  echo "Routes, catalogue: $catalogue (wrk -t2 -c32 -d${seconds}s):"
  echo
  echo "| route | req/s | p50 ms | p99 ms | errors | ceiling req/s | ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Server RSS: $rss_start after start, $rss_end after the run."
  echo
fi
if want search; then
  echo "Search, catalogue: demo + $search_services generated services (wrk -t2 -c32 -d${seconds}s):"
  echo
  echo "| route | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${search_rows[@]}"
  echo
  echo "Server RSS after the search runs: $search_rss."
  echo
  echo "$in_process"
  echo
fi
if want requests; then
  echo
  echo "Online requests, Sperrmüll form on the demo data, SQLite (WAL, synchronous=FULL), wrk -t2 -c16 (question page ${seconds} s, submissions ${BENCH_SUBMIT_SECONDS:-5} s):"
  echo
  echo "| route | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${request_rows[@]}"
  echo
  echo "Budgets: at least 600 acknowledged submissions/s: $submissions_verdict; question page p99 at most 50 ms: $question_verdict."
  echo "Drafts filled in beforehand (not timed): $drafts_note. Submissions: $submissions_note. Server RSS afterwards: $requests_rss."
fi
if want inbox; then
  echo
  echo "Caseworkers' inbox: $inbox_seed_note, SQLite, signed in as a caseworker, wrk -t2 -c8 -d${seconds}s (budget: p99 at most 50 ms per page):"
  echo
  echo "| page | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${inbox_rows[@]}"
  echo
  echo "Server RSS afterwards: $inbox_rss."
fi
if want routes; then
  echo "| asset | raw bytes | gzip -9 bytes | brotli -q 11 bytes |"
  echo "|---|---:|---:|---:|"
  found=0
  while IFS= read -r file; do
    found=1
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    echo "| $(basename "$file") | $raw | $gz | $br |"
  done < <(find "$site_root/pkg" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) 2>/dev/null | sort)
  [ "$found" = 1 ] || echo "| (no wasm, js or css files in $site_root/pkg) | | | |"
fi
