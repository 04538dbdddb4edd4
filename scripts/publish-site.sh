#!/usr/bin/env bash
# Rebuilds the site for publication after its data changed (issue 29, item 4):
# what the CI workflow .forgejo/workflows/publish.yml runs on a push that
# changes public/data/agencies.json, and what `make test` runs after its build
# (with --built), so the workflow cannot silently rot.
#   1. checks the dataset (ia-datatool validate: a push with a broken
#      dataset stops here, nothing is deployed);
#   2. builds dist/ (scripts/build.sh: the apps, then ia-prerender writes the
#      first view, agentur/, ort/, sitemap.xml and robots.txt from the data);
#   3. checks the build against the data (scripts/check-site.mjs: the served
#      dataset is this one, one page per agency and none for removed ones);
#   4. copies dist/ to OUT, ready to upload as a whole (agentur/ and ort/ must
#      replace the server's folders: the workflow's deploy step uses
#      rsync --delete).
#   bash scripts/publish-site.sh OUT           setup, validate, build, check, copy
#   bash scripts/publish-site.sh --built OUT   the same on the dist/ already built
# The site address for canonical links, the sitemap and QR codes comes from
# IA_SITE_URL or config.json's site_url, as for scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
if [[ ${1-} == --built ]]; then
  build=0
  shift
fi
if [[ $# -ne 1 || -z $1 || $1 == -* ]]; then
  echo "usage: bash scripts/publish-site.sh [--built] OUT" >&2
  exit 2
fi
out=$1
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if ((build)); then
  bash scripts/setup.sh
fi
cargo run --quiet -p ia-datatool -- validate public/data/agencies.json
if ((build)); then
  bash scripts/build.sh
fi
node scripts/check-site.mjs dist public/data/agencies.json
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -r dist "$out"
echo "publish-site: $out is ready to upload (replace agentur/ and ort/ as a whole)"
