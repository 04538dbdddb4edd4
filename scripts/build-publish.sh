#!/usr/bin/env bash
# The publication package's Wasm (issue 29): the build-time renderer
# (feature ssr, src/bin/publish.rs) for the browser, which the maintenance
# page (pflege.html) loads only when staff ask for the package. Trunk cannot
# build an ssr binary for the browser, so this is its own step, run by
# scripts/build.sh after Trunk: cargo (profile package-wasm: fast rather than
# small), wasm-bindgen (the pinned CLI), wasm-opt from npm binaryen, then
# scripts/publish-wasm.mjs minifies the glue, gives both files hashed names
# in DIST and names them in DIST/pflege.html (<meta name="ia-publish">).
#   bash scripts/build-publish.sh [DIST]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
dist=${1:-dist}
stage=target/publish-dist
cargo build --quiet --profile package-wasm --target wasm32-unknown-unknown \
  --no-default-features --features ssr --bin publish
rm -rf "$stage"
wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name publish \
  target/wasm32-unknown-unknown/package-wasm/publish.wasm
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$stage/publish_bg.wasm" -o "$stage/publish_bg.wasm"
node scripts/publish-wasm.mjs "$stage" "$dist"
