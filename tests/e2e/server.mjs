// The end-to-end tests' static server (scripts/lib/static-server.mjs, the
// project's one): serves dist/ at "/" and again under a sub-path
// ("/sub/path/"), so the tests prove the build works from any static host;
// nothing is cached. Optional security headers mirror docs/deploy.md.
// Usage: node tests/e2e/server.mjs --root dist --port 4173 [--csp] [--frame-ancestors "'self' https://partner.example"]
// (--port 0 picks a free port; the line printed at start names it.)
import { resolve } from 'node:path';
import { securityHeaders, serveStatic } from '../../scripts/lib/static-server.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return pairs;
  }, []),
);
const root = resolve(args.root ?? 'dist');
const SUB_PATH = '/sub/path/';

const server = await serveStatic({
  mounts: [
    [SUB_PATH, root],
    ['/', root],
  ],
  redirects: [SUB_PATH.slice(0, -1)],
  headers: args.csp ? () => securityHeaders(root, args['frame-ancestors']) : undefined,
  port: Number(args.port ?? 4173),
});
console.log(`serving ${root} on ${server.url} and ${SUB_PATH}${args.csp ? ' with security headers' : ''}`);
