#!/usr/bin/env bash
# Installs what is missing for a purpose, and nothing that is already there.
#   tools/install.sh build   Rust toolchain + wasm target, cargo-leptos, wasm-bindgen, npm packages, brotli
#   tools/install.sh test    build + Chromium + PostgreSQL
#   tools/install.sh e2e     npm packages + Chromium (testing a running deployment)
#   tools/install.sh bench   build + wrk
# Versions come from tools/versions.env (and rust-toolchain.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
source tools/versions.env
purpose=${1:-build}

say() { printf '==> %s\n' "$*"; }

apt_packages=()
need_command() { command -v "$1" >/dev/null 2>&1 || apt_packages+=("$2"); }

rust_tools() {
  local channel
  channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
  if ! rustup toolchain list | grep -q "^$channel"; then
    say "installing Rust $channel"
    rustup toolchain install "$channel" --profile minimal --component clippy,rustfmt
  fi
  if ! rustup target list --installed --toolchain "$channel" | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown --toolchain "$channel"
  fi
  if ! rustup component list --installed --toolchain "$channel" | grep -q '^clippy'; then
    rustup component add clippy --toolchain "$channel"
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (takes 10-25 minutes once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its published lockfile pins a webpki-roots release the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

npm_packages() {
  for pair in "binaryen:$BINARYEN_VERSION" "@playwright/test:$PLAYWRIGHT_VERSION" \
              "@axe-core/playwright:$AXE_PLAYWRIGHT_VERSION" "@kern-ux/native:$KERN_UX_VERSION" \
              "otpauth:$OTPAUTH_VERSION"; do
    if ! grep -q "\"${pair%%:*}\": \"${pair#*:}\"" package.json; then
      echo "package.json does not pin ${pair%%:*} at ${pair#*:} as tools/versions.env says" >&2
      exit 1
    fi
  done
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

apt_install() {
  if [ ${#apt_packages[@]} -gt 0 ]; then
    say "installing ${apt_packages[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  fi
}

need_command curl curl
case "$purpose" in
  build) need_command brotli brotli ;;
  test) need_command brotli brotli; need_command chromium chromium; need_command pg_ctlcluster postgresql
        [ -d /usr/lib/postgresql ] && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || apt_packages+=(postgresql) ;;
  e2e) need_command chromium chromium ;;
  bench) need_command brotli brotli; need_command wrk wrk ;;
  *) echo "usage: $0 build|test|e2e|bench" >&2; exit 2 ;;
esac
apt_install
npm_packages
[ "$purpose" = e2e ] || rust_tools
