// The project's static server for the build (tests/e2e/server.mjs) in a child
// process on a free port, for scripts and test suites that drive a browser
// outside Playwright's test runner.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './repo.mjs';

/**
 * Serves `root` (and with `csp` the security headers of docs/deploy.md);
 * resolves once the server has named its URL: { url, stop() }.
 */
export async function startStaticServer(root, { csp = false } = {}) {
  const args = [join(REPO, 'tests/e2e/server.mjs'), '--root', root, '--port', '0', ...(csp ? ['--csp'] : [])];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the static server exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      const found = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
  });
  return { url, stop: () => server.kill() };
}
