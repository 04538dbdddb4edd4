#!/usr/bin/env bash
# Release build of the app into dist/, offline, with npm binaryen's wasm-opt;
# then the wasm-bindgen JS glue is minified (scripts/minify-glue.mjs), and the
# finder's first view is written into dist/index.html by ia-prerender, the
# same components rendered natively (src/prerender.rs; docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
trunk build --release "$@"
node scripts/minify-glue.mjs dist
cargo build --quiet --profile prerender --no-default-features --features ssr --bin ia-prerender
target/prerender/ia-prerender dist
