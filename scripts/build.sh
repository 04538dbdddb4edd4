#!/usr/bin/env bash
# Release build of the site into dist/, offline, with npm binaryen's wasm-opt:
# the finder (index.html), the embed-code generator's page (generator.html,
# its own Wasm, issue 16) and the maintenance page (pflege.html, issue 21). Trunk builds one HTML file per run and writes it as
# index.html into a dist directory it first empties, so the generator is built
# into target/generator-dist and its page and files are copied into dist/ as
# generator.html and its hashed files (the files both pages use, e.g. boot.js
# and app.css, are the same file under the same hashed name). Then the
# wasm-bindgen JS glue of both is minified (scripts/minify-glue.mjs).
# Arguments go to both `trunk build` runs (not --dist: the output is dist/).
# Then the publication package's Wasm for the maintenance page
# (scripts/build-publish.sh, issue 29: the build-time renderer below, built
# for the browser). Last, the finder's first view is written into dist/index.html by
# ia-prerender: the same components rendered natively (src/prerender.rs;
# docs/deploy.md), which then writes the compressed copies FILE.gz and
# FILE.br beside every text and Wasm file (src/precompress.rs). It is built
# in the `prerender` profile, whose dependencies `make test-native`'s ssr
# tests have already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
trunk build index.html --release "$@"
# The generator's and the maintenance page's (pflege.html, issue 21) own
# Wasm, each built like the finder and copied next to it.
for page in generator pflege; do
  stage=target/$page-dist
  trunk build $page.html --dist "$stage" --release "$@"
  mv "$stage/index.html" "$stage/$page.html"
  for file in "$stage"/*; do
    name=$(basename "$file")
    if [[ -d $file && $name != snippets ]]; then
      echo "build: unexpected directory $file" >&2
      exit 1
    elif [[ -d $file ]]; then
      # wasm-bindgen's inline JS (the maintenance page's dynamic import of
      # the publication Wasm), one folder per crate and hash.
      cp -r "$file" dist/
    elif [[ ! -e dist/$name ]]; then
      cp "$file" "dist/$name"
    elif ! cmp -s "$file" "dist/$name"; then
      echo "build: $name differs between the finder's and the $page page's build" >&2
      exit 1
    fi
  done
done
# The finder's Wasm in parts loaded on first use (issue 28): replaces the
# single Wasm Trunk wrote with the split, bound and optimised parts.
node scripts/split-wasm.mjs dist
node scripts/minify-glue.mjs dist
# The publication package's Wasm (issue 29), named in dist/pflege.html.
bash scripts/build-publish.sh dist
cargo build --quiet --profile prerender --no-default-features --features ssr --bin ia-prerender
target/prerender/ia-prerender dist
