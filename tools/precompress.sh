#!/usr/bin/env bash
# Writes .br and .gz beside every text/wasm asset of the built site, so the server can send
# them as they are to clients that accept them.
set -euo pipefail
site=${1:?usage: precompress.sh SITE_ROOT}
find "$site" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' -o -name '*.txt' -o -name '*.json' \) |
while read -r file; do
  if [ ! -f "$file.br" ] || [ "$file" -nt "$file.br" ]; then
    brotli --force --best --output="$file.br" "$file"
    gzip --force --best --keep --no-name "$file"
  fi
done
