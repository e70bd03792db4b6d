#!/usr/bin/env bash
# Load-tests a release build of Rathaus route by route and compares each route with "the
# machine's ceiling": tools/ceiling, a bare in-memory axum handler serving the same bytes.
#   tools/bench.sh PATH_TO_RATHAUS
# Settings: BENCH_SERVICES (generated services in the catalogue, default 438, so the A–Z lists 500),
#           BENCH_SECONDS (wrk duration per run, default 10), LEPTOS_SITE_ROOT (built site).
# Needs wrk, curl, gzip, brotli (tools/install.sh bench). Prints markdown tables on stdout,
# progress on stderr.
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
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/rathaus/target}
for tool in wrk curl gzip brotli cargo; do
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
measure() {
  local url=$1 out="$tmp/wrk.out"
  local script=()
  [ -z "${WRK_SCRIPT:-}" ] || script=(-s "$WRK_SCRIPT")
  if ! wrk -t2 -c32 -d"${seconds}s" --latency "${script[@]}" "$url" >"$out" 2>&1; then
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

# --- the database and the server -------------------------------------------------------------
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
rss_start=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$server/status")

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
rss_end=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$server/status")
stop "$server"
server=""

# --- search on 10,000 generated services -----------------------------------------------------
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
  search_rss=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$server/status")
  stop "$server"
  server=""
done
say "in-process search benchmark"
in_process=$(cargo run --release --quiet -p app --features ssr --example search_bench -- "$search_services")

# --- the report ------------------------------------------------------------------------------
echo
echo "Rathaus benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t2 -c32 -d${seconds}s, catalogue: $catalogue"
echo
echo "| route | req/s | p50 ms | p99 ms | errors | ceiling req/s | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Server RSS: $rss_start after start, $rss_end after the run."
echo
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
