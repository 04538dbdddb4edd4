# The two Quick-start commands: `make serve` and `make test`. Both install
# whatever is missing first (scripts/setup.sh, idempotent and fast when done).
SHELL := /bin/bash
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup build serve test test-native test-data test-scripts test-wasm test-opendata test-e2e test-engines lint data boundaries bench twiggy

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

## Serves the release build of the app on the bundled dataset.
serve: build
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	@node tests/e2e/server.mjs --root dist --port $(PORT)

## Runs every test: lint, native, data, the scripts' own, wasm component, size,
## open data, end-to-end in Chromium, then the engine journeys in Firefox ESR and WebKitGTK.
test: setup lint test-native test-data test-scripts test-wasm build test-size test-opendata test-e2e test-engines

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy -p ia-map --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
	cargo clippy -p ia-map --no-default-features --features ssr --all-targets --quiet -- -D warnings

test-native:
	cargo test --workspace --quiet
	cargo test -p ia-map --no-default-features --features ssr --lib --quiet

test-data:
	cargo run --quiet -p ia-datatool -- validate public/data/agencies.json
	cargo run --quiet -p ia-datatool -- sizes
	cargo run --quiet -p ia-datatool -- build --out target/agencies.rebuilt.json
	cmp public/data/agencies.json target/agencies.rebuilt.json && echo "dataset is reproducible from ../shared/data"
	cargo run --quiet -p ia-datatool -- basemap --out-dir target/basemap.rebuilt
	diff -r public/data/basemap target/basemap.rebuilt && echo "map background is reproducible from ../shared/data"
	cargo run --quiet -p ia-datatool -- coverage --check docs/dataset.md
	cargo run --quiet -p ia-datatool -- changes --check

## The benchmark's and the scripts' own logic (options, offer codes), no browser: a second.
test-scripts:
	node --test scripts/test/*.test.mjs

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
		cargo test -p ia-map --target wasm32-unknown-unknown --test web

test-size:
	node scripts/size-report.mjs dist

## The open-data files of the release build (issue 27), read back by independent
## readers (Python's csv, the geojson package) and compared with the JSON; the
## catalogue record data/dcat.ttl validated with pyshacl (tests/opendata/).
test-opendata:
	target/opendata-venv/bin/python tests/opendata/check.py dist

test-e2e:
	npx playwright test

## The journeys of issue 22 in Firefox ESR and WebKitGTK over WebDriver (tests/engines),
## against dist/; prints each engine's counts. Screenshots go to test-output/engines/.
test-engines:
	bash tests/engines/run.sh

## Benchmark against plain Leaflet + markercluster (issue 7), not part of `make test`:
## release build, datasets up to 100,000, both pages in headless Chromium, Lighthouse.
## Writes bench/results.json and bench/RESULTS.md; see bench/README.md. Options go in
## BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes real,1000 --no-lighthouse" or
## make bench BENCH_ARGS="--only phone --no-build" (the phone profile of issue 16 alone);
## node scripts/bench.mjs --help lists the options.
BENCH_ARGS ?=
bench: setup
	node scripts/bench.mjs $(BENCH_ARGS)

## What the app's Wasm is made of (issue 16): twiggy on the release Wasm with its names,
## written to bench/twiggy-top20.md; installs twiggy 0.8.0 if missing. Not part of `make test`.
twiggy: setup
	node scripts/twiggy-top.mjs

## Regenerates public/data from ../shared/data.
data:
	cargo run --quiet -p ia-datatool -- build
	cargo run --quiet -p ia-datatool -- boundaries
	cargo run --quiet -p ia-datatool -- basemap
	cargo run --quiet -p ia-datatool -- places
	cargo run --quiet -p ia-datatool -- coverage --write docs/dataset.md
