# The two Quick-start commands: `make serve` and `make test`. Both install
# whatever is missing first (scripts/setup.sh, idempotent and fast when done).
SHELL := /bin/bash
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup build serve check test test-native test-data test-scripts test-wasm test-publish test-size test-html test-opendata test-e2e test-deploy test-engines lint data boundaries bench bench-specs twiggy package-time

setup:
	@bash scripts/setup.sh

build: setup
	@bash scripts/build.sh

## Serves the release build of the app on the bundled dataset.
serve: build
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	@node tests/e2e/server.mjs --root dist --port $(PORT)

## The loop a developer runs every few minutes, under a minute once compiled:
## formatting, clippy on the native build, and the native tests of the core,
## the import (upkeep) and the datatool. `make test` runs all of it and more.
check:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo test -p ia-core -p ia-upkeep -p ia-datatool --quiet

## Runs every test: lint, native, data, the scripts' own, wasm component, the CI workflow's
## publication step, size, the W3C HTML checker, open data, end-to-end in Chromium, the build
## through real nginx and Caddy, then the engine journeys in Firefox ESR and WebKitGTK.
test: setup lint test-native test-data test-scripts test-wasm build test-publish test-size test-html test-opendata test-e2e test-deploy test-engines

lint:
	cargo fmt --all --check
	node scripts/mutual-imports.mjs
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy -p ia-map --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
	cargo clippy -p ia-map --target wasm32-unknown-unknown --features split --all-targets --quiet -- -D warnings
	cargo clippy -p ia-map --no-default-features --features ssr --all-targets --quiet -- -D warnings

test-native:
	cargo test --workspace --quiet
	cargo test -p ia-map --profile prerender --no-default-features --features ssr --lib --quiet

## The datatool as `cargo test --workspace` builds it (test-native; its integration
## tests run the binary): `cargo run -p ia-datatool` would resolve the datatool's
## features alone and compile its dependencies (serde, syn …) a second time.
DATATOOL := target/debug/ia-datatool
test-data:
	cargo test --workspace --no-run --quiet
	$(DATATOOL) validate public/data/agencies.json
	$(DATATOOL) sizes
	$(DATATOOL) build --out target/agencies.rebuilt.json
	cmp public/data/agencies.json target/agencies.rebuilt.json && echo "dataset is reproducible from ../shared/data"
	$(DATATOOL) basemap --out-dir target/basemap.rebuilt
	diff -r public/data/basemap target/basemap.rebuilt && echo "map background is reproducible from ../shared/data"
	$(DATATOOL) coverage --check docs/dataset.md
	$(DATATOOL) changes --check

## The benchmark's and the scripts' own logic (options, offer codes), no browser: a second.
test-scripts:
	node --test scripts/test/*.test.mjs

test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
		cargo test -p ia-map --target wasm32-unknown-unknown --test web

## The publication step of the CI workflow .forgejo/workflows/publish.yml (issue 29) on the
## build just made: checks the dataset and the built site against it, copies it for upload.
test-publish:
	bash scripts/publish-site.sh --built target/site-publish

test-size:
	node scripts/size-report.mjs dist

## The W3C Nu Html Checker (npm vnu-jar, Debian's Java) on the five kinds of page in dist/.
test-html:
	node --test tests/html/

## The open-data files of the release build (issue 27), read back by independent
## readers (Python's csv, the geojson package) and compared with the JSON; the
## catalogue record data/dcat.ttl validated with pyshacl (tests/opendata/).
test-opendata:
	target/opendata-venv/bin/python tests/opendata/check.py dist

test-e2e:
	npx playwright test

## The documented nginx and Caddy configurations (docs/deploy.md, as written but for
## port, folder and TLS) serving dist/ under their sub-path, in Chromium (issue 30):
## headers of every file, compression, redirect, 404, CSP, offline. Prints each
## server's version and counts.
test-deploy:
	bash tests/deploy/run.sh

## The journeys of issue 22 in Firefox ESR and WebKitGTK over WebDriver (tests/engines),
## against dist/; prints each engine's counts. Screenshots go to test-output/engines/.
test-engines:
	bash tests/engines/run.sh

## Benchmark against plain Leaflet + markercluster (issue 7), not part of `make test`:
## release build, datasets up to 100,000, both pages in headless Chromium, Lighthouse.
## Writes bench/results.json and bench/RESULTS.md; see bench/README.md. Options go in
## BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes real,1000 --no-lighthouse" or
## make bench BENCH_ARGS="--only phone --no-build" (the phone profile of issue 16 alone);
## node scripts/bench.mjs --help lists the options. Then the benchmark-like specs.
BENCH_ARGS ?=
bench: setup
	node scripts/bench.mjs $(BENCH_ARGS)
	$(MAKE) --no-print-directory bench-specs

## The benchmark-like Playwright specs (tests/bench), against dist/: the input
## latency at 214 agencies (printed, and written to target/bench/latency.json),
## the reference page against the app, and 5,000 agencies on the map (markers
## around the view only). Part of make bench, not of make test.
bench-specs:
	IA_SPECS=bench npx playwright test

## The publication package's time and size on the maintenance page (issue 29), CPU throttled
## 4x, every run printed; not part of `make test`. Options go in PACKAGE_ARGS, e.g.
## make package-time PACKAGE_ARGS="--runs 5 --site https://karte.example.org/ia/".
PACKAGE_ARGS ?=
package-time: setup
	node scripts/measure-package.mjs $(PACKAGE_ARGS)

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
