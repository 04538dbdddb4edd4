#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently and fast when
# already installed: Debian Chromium + ChromeDriver, Firefox ESR + WebKitGTK's
# WebDriver under Xvfb with geckodriver (the engine tests), Java for the W3C HTML
# checker, the wasm32 target, Trunk, wasm-bindgen-cli (the exact version in
# Cargo.lock), npm packages, the vendored Leaflet files, and the open-data test's
# Python packages (PyPI). Only package registries are used (no GitHub, no CDN).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
log() { printf '[setup] %s\n' "$*"; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The other engines of tests/engines: Firefox ESR and WebKitGTK (WebKitWebDriver
# drives its MiniBrowser, under xvfb-run; xauth is what xvfb-run needs).
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null \
    || ! command -v xauth >/dev/null || [ ! -f /usr/share/i18n/locales/de_DE ]; then
    log "installing Debian firefox-esr, webkit2gtk-driver, xvfb and locales"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth locales >/dev/null
fi

# The web servers of docs/deploy.md, which make test-deploy runs with the documented
# configurations (on loopback ports, started and stopped by the test itself). Their
# packages would start a system-wide server at install: a policy-rc.d that refuses
# (as Docker images have) keeps them off while apt-get runs.
if ! command -v nginx >/dev/null || ! command -v caddy >/dev/null; then
    log "installing Debian nginx-light and caddy (not started)"
    export DEBIAN_FRONTEND=noninteractive
    policy=/usr/sbin/policy-rc.d
    made_policy=
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
    fi
    apt-get update -qq
    apt-get install -y -qq nginx-light caddy >/dev/null
    if [ -n "$made_policy" ]; then rm -f "$policy"; fi
fi

# WebKitGTK takes its UI language from the locale, which must exist: the tests read German.
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
    log "making the de_DE.UTF-8 locale"
    localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi

# geckodriver from its crate (the npm package downloads a binary, which this project must not).
if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }')" != "$GECKODRIVER_VERSION" ]; then
    log "installing geckodriver $GECKODRIVER_VERSION (about 4 minutes)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 5 minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly. It is
# installed without --locked: its own lockfile names a crate version the
# registry does not have.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
    log "installing wasm-bindgen-cli $WBG_VERSION (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi

# The W3C Nu Html Checker (npm vnu-jar, `make test-html`) runs on Java 11 or
# later, from Debian. Installed before the npm packages: vnu-jar's install
# script downloads a Java runtime when it finds none (this project downloads
# nothing but packages).
if ! java -version 2>&1 | grep -Eq 'version "(1[1-9]|[2-9][0-9])'; then
    log "installing Debian default-jre-headless (Java for the HTML checker)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq default-jre-headless >/dev/null
fi

# The splitter of the finder's Wasm (issue 28: parts loaded on first use;
# scripts/split-wasm.mjs): the library cargo-leptos uses for `--split`, with its CLI.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli, about 3 minutes)"
    cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
fi

# Leaflet is vendored from the npm package, with images/ next to its CSS.
VENDOR=public/vendor/leaflet
if ! cmp -s node_modules/leaflet/dist/leaflet.js "$VENDOR/leaflet.js" 2>/dev/null || [ ! -f "$VENDOR/leaflet.js.map" ]; then
    log "vendoring leaflet into $VENDOR"
    rm -rf "$VENDOR"
    mkdir -p "$VENDOR"
    cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images node_modules/leaflet/LICENSE "$VENDOR/"
fi

# The open-data test's readers (issue 27: pyshacl, rdflib, geojson; pinned in
# tests/opendata/requirements.txt) and the DCAT-AP 3.0 shapes (the data file of a PyPI
# package, tests/opendata/shapes-requirements.txt, without its dependencies) in a virtual
# environment of their own.
VENV=target/opendata-venv
REQS="$(cat tests/opendata/requirements.txt tests/opendata/shapes-requirements.txt)"
if [ ! -x "$VENV/bin/python" ] || [ "$REQS" != "$(cat "$VENV/requirements.txt" 2>/dev/null)" ]; then
    log "installing the open-data test's Python packages into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/opendata/requirements.txt
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes -r tests/opendata/shapes-requirements.txt
    printf '%s\n' "$REQS" > "$VENV/requirements.txt"
fi

cargo fetch --quiet
