#!/usr/bin/env bash
# Runs the engine journeys (issue 22) against the release build in dist/:
# Firefox ESR (headless), then WebKitGTK (under xvfb-run, as MiniBrowser has no
# headless mode), and prints each engine's counts and the total. Screenshots
# and each engine's TAP report go to test-output/engines/.
set -uo pipefail
cd "$(dirname "$0")/../.."
# As the Makefile: geckodriver is in ~/.cargo/bin (scripts/setup.sh installs it).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
OUT=test-output/engines
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/*.tap

status=0
lines=()
total=(0 0 0)
for engine in firefox webkit; do
    wrap=()
    [ "$engine" = webkit ] && wrap=(xvfb-run -a -s "-screen 0 1920x1200x24")
    start=$SECONDS
    "${wrap[@]}" node --test --test-concurrency=1 \
        --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$OUT/$engine.tap" \
        "tests/engines/$engine.test.mjs" || status=1
    count() { awk -v key="$1" '$1 == "#" && $2 == key { print $3 }' "$OUT/$engine.tap" | tail -1; }
    pass=$(count pass); fail=$(count fail); skipped=$(count skipped)
    pass=${pass:-0}; fail=${fail:-0}; skipped=${skipped:-0}
    # No count at all means the runner itself failed.
    [ -s "$OUT/$engine.tap" ] || { fail=1; status=1; }
    total=($((total[0] + pass)) $((total[1] + fail)) $((total[2] + skipped)))
    name=$([ "$engine" = firefox ] && echo Firefox || echo WebKit)
    lines+=("$name: $pass passed, $fail failed, $skipped skipped")
    echo "[engines] $name took $((SECONDS - start)) s"
done
printf '%s\n' "${lines[@]}"
echo "engines: ${total[0]} passed, ${total[1]} failed, ${total[2]} skipped"
exit $status
