# KAM Planner — the two commands: `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CHROMEDRIVER ?= /usr/bin/chromedriver

# The release build compiles the standard library with the app, optimised for size
# (`-Zbuild-std`, through RUSTC_BOOTSTRAP on the pinned stable toolchain, with its `rust-src`),
# and drops the file/line of panic locations: 53 KB less gzip (bench/SIZE.md). `make build
# RELEASE_ENV=` builds with the prebuilt standard library instead.
RELEASE_ENV ?= RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size RUSTFLAGS=-Zlocation-detail=none

.PHONY: run test build setup setup-test fmt lint test-native test-wasm test-size test-e2e clean bench bench-first-load fuzz

## Install what is missing, build, and serve on http://127.0.0.1:8080
run: setup
	$(RELEASE_ENV) trunk serve --release --address 127.0.0.1 --port 8080

## Install what the tests need and run every layer, stopping at the first failure
test: setup-test
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo test
	$(MAKE) test-wasm
	$(MAKE) build
	$(MAKE) test-size
	$(MAKE) test-e2e

## Release build into dist/
build: setup
	$(RELEASE_ENV) trunk build --release

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

test-native:
	cargo test

test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test web

## The built wasm against its budget (bench/size-budget.json): raw, gzip and brotli sizes
test-size:
	node scripts/size-check.mjs

test-e2e:
	node --test --test-concurrency=1 e2e/

fmt:
	cargo fmt --all

lint:
	cargo clippy --all-targets -- -D warnings

## Benchmark (not part of `make test`): tiering + concentration at 100k and 1M customers,
## native and in headless Chromium against plain JavaScript and Arquero, and the rule-edit
## round trip in the app → bench/RESULTS.md
bench:
	bench/run.sh

## First load of the built app (not part of `make test`; run `make build` first): cold loads in
## Chromium, CPU 4x slower, 10 Mbit/s and 40 ms emulated, served uncompressed, gzip and brotli;
## the median of FIRST_LOAD_RUNS per way as a markdown table (figures of record: bench/SIZE.md)
FIRST_LOAD_DIST ?= dist
FIRST_LOAD_RUNS ?= 5
FIRST_LOAD_LABEL ?= $(notdir $(abspath $(FIRST_LOAD_DIST)))
bench-first-load:
	node bench/first-load.mjs $(FIRST_LOAD_DIST) --runs $(FIRST_LOAD_RUNS) --label $(FIRST_LOAD_LABEL)

## Fuzz the workspace load, the CSV import and the XLSX import (not part of `make test`; see
## README.md, "Fuzzing"): FUZZ_SECONDS per target, FUZZ_WORKERS processes, FUZZ_TARGETS to pick
FUZZ_SECONDS ?= 300
FUZZ_WORKERS ?= 2
FUZZ_TARGETS ?= csv_import xlsx_import load_json
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_WORKERS=$(FUZZ_WORKERS) FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz.sh

clean:
	cargo clean
	rm -rf fuzz/target fuzz/logs
	rm -rf dist e2e/screenshots bench/target bench/.out bench/web/pkg-o3 bench/web/pkg-app
