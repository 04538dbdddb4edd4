#!/usr/bin/env bash
# Release build of the app into dist/, offline, with npm binaryen's wasm-opt;
# then the wasm-bindgen JS glue is minified (scripts/minify-glue.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
trunk build --release "$@"
node scripts/minify-glue.mjs dist
