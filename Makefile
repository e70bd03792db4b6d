# Rathaus: `make run` and `make test` do all the set-up on a fresh machine (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Build output lives outside the checkout, so clean clones (CI) reuse earlier builds.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/rathaus/target
export LEPTOS_SITE_ROOT ?= $(CURDIR)/target/site
BIN := $(CARGO_TARGET_DIR)/release/rathaus
BASE_URL ?= http://127.0.0.1:3000

.PHONY: run build test unit clippy e2e e2e-local bench tools

## run: install what is missing, build, create data/rathaus.db with demo data once, serve on :3000
run: build
	@if [ ! -f data/rathaus.db ]; then "$(BIN)" seed --demo; fi
	"$(BIN)" serve

## build: release build of server and wasm, then brotli/gzip variants of the bundles
build:
	tools/install.sh build
	PATH="$(CURDIR)/node_modules/.bin:$$PATH" cargo leptos build --release
	tools/precompress.sh "$(LEPTOS_SITE_ROOT)"

## test: every test: unit and database (SQLite and PostgreSQL), clippy, end-to-end with axe
test:
	tools/install.sh test
	$(MAKE) unit clippy build e2e-local

unit:
	export RATHAUS_TEST_POSTGRES_URL="$$(tools/postgres.sh)"; \
	cargo test -p app --features ssr && cargo test -p rathaus

clippy:
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p rathaus --all-targets -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

## e2e-local: start the release build on a fresh demo database and run the browser suite on it
e2e-local:
	tools/e2e-local.sh "$(BIN)"

## e2e: the end-to-end and accessibility suite against any running deployment (BASE_URL=…)
e2e:
	tools/install.sh e2e
	BASE_URL="$(BASE_URL)" npx playwright test --config end2end/playwright.config.ts

## bench: load-test a release build on a generated catalogue and print the table
bench: build
	tools/install.sh bench
	tools/bench.sh "$(BIN)"
