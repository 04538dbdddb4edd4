#!/usr/bin/env bash
# make test-deploy: the release build in dist/ through real nginx and Caddy with
# the configurations of docs/deploy.md (tests/deploy/deploy.spec.ts), then each
# server's version and counts. Each server's configuration and logs stay in
# target/deploy/<server>/ for a look after a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p target/deploy
rm -f target/deploy/report.json
start=$SECONDS
npx playwright test -c tests/deploy/playwright.config.ts
status=$?
node tests/deploy/summary.mjs target/deploy/report.json || status=1
echo "[deploy] took $((SECONDS - start)) s"
exit $status
