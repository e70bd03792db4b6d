#!/usr/bin/env bash
# Subsets the KERN UX Fira Sans weights the site uses to Latin (German, English, €, typographic
# punctuation) and writes them to public/fonts/. The results are committed; run this again only
# when the weights or the character range change. Needs: pip install fonttools brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/@kern-ux/native/dist/fonts/fira-sans
unicodes="U+0000-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+1E9E,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD"
for weight in Regular SemiBold; do
  pyftsubset "$src/FiraSans-$weight.woff2" --unicodes="$unicodes" --layout-features='kern,liga,tnum,lnum' \
    --flavor=woff2 --output-file="public/fonts/fira-sans-$(echo "$weight" | tr 'A-Z' 'a-z').woff2"
done
ls -l public/fonts
