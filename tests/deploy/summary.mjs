// Prints the deploy test's counts per server (from Playwright's JSON report)
// with the server's version, and the total as "deploy: N passed, N failed".
// Usage: node tests/deploy/summary.mjs target/deploy/report.json
import { existsSync, readFileSync } from 'node:fs';
import { serverVersion, SERVERS } from './servers.mjs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(`deploy: no report at ${file} (the test runner did not finish)`);
  console.log('deploy: 0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const counts = Object.fromEntries(SERVERS.map((server) => [server, { passed: 0, failed: 0, skipped: 0 }]));
function walk(suite) {
  for (const spec of suite.specs ?? []) {
    for (const run of spec.tests) {
      const count = (counts[run.projectName] ??= { passed: 0, failed: 0, skipped: 0 });
      if (run.status === 'skipped') count.skipped += 1;
      else if (run.status === 'expected') count.passed += 1;
      else count.failed += 1;
    }
  }
  for (const child of suite.suites ?? []) walk(child);
}
for (const suite of report.suites ?? []) walk(suite);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const [server, count] of Object.entries(counts)) {
  console.log(`${serverVersion(server)}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += count[key];
}
// A run that counted nothing did not test the servers.
if (total.passed === 0) total.failed += 1;
console.log(`deploy: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
