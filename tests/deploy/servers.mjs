// Real nginx and Caddy (Debian's nginx-light and caddy, installed by
// scripts/setup.sh) serving a build with the configurations of
// docs/deploy.md (tests/deploy/docs.mjs), on a free loopback port, as
// children of the test. Each server has a folder under target/deploy/ with
// its configuration, logs and process id; a server left running by an
// aborted run is stopped when its folder is used again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { REPO } from '../../scripts/lib/repo.mjs';
import { caddyConfig, localizeCaddy, localizeNginx, nginxConfig, readDocs, SUB_PATH } from './docs.mjs';

export const SERVERS = ['nginx', 'caddy'];
const STATE = join(REPO, 'target/deploy');

/** The server's name and version, e.g. "nginx 1.22.1" (nginx -v writes to stderr). */
export function serverVersion(kind) {
  if (kind === 'nginx') {
    const { stderr } = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
    return `nginx ${/nginx\/(\S+)/.exec(stderr)?.[1] ?? '(version unknown)'}`;
  }
  const { stdout } = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  return `Caddy ${stdout.trim().split(/\s+/)[0]}`;
}

/** Whether process `pid` runs and its command line mentions `needle`. */
function runsWith(pid, needle) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(needle);
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stops a server an aborted run left in `dir` (its pid file), if it is still ours. */
async function stopLeftover(dir) {
  const pidFile = join(dir, 'pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid > 0 && runsWith(pid, dir)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && runsWith(pid, dir); i++) await sleep(100);
    if (runsWith(pid, dir)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

/** Waits until `url` answers (any status), or the process exits, or 15 s pass. */
async function waitUntilServing(url, child, log) {
  let exited = null;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await sleep(50);
    }
  }
  const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(`${url}: the server ${exited ?? 'did not answer within 15 s'}\n${tail}`);
}

/**
 * Starts `kind` ("nginx" or "caddy") with the documented configuration
 * serving `folder` (default: dist/) under the documented sub-path, in its own
 * state folder `name` under target/deploy/. Resolves to
 * { url (the sub-path's URL, with the slash), origin, kind, dir, config, stop() }.
 */
export async function startServer(kind, { folder = join(REPO, 'dist'), name = kind } = {}) {
  const dir = join(STATE, name);
  mkdirSync(dir, { recursive: true });
  await stopLeftover(dir);
  const port = Number(process.env[`IA_DEPLOY_${kind.toUpperCase()}_PORT`] ?? 0) || (await freePort());
  const root = resolve(folder);
  const docs = readDocs();
  const log = join(dir, 'error.log');
  rmSync(log, { force: true });
  let child;
  let config;
  const accessLog = join(dir, 'access.log');
  if (kind === 'nginx') {
    const { snippet, server } = nginxConfig(docs);
    config = localizeNginx(server, { port, folder: root });
    mkdirSync(dirname(join(dir, snippet.path)), { recursive: true });
    writeFileSync(join(dir, snippet.path), snippet.text);
    writeFileSync(join(dir, 'server.conf'), config);
    // The main file a Debian host has around the documented block, with this
    // folder for what nginx writes. As root (CI), the workers stay root so
    // they can read a checkout under /root.
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((what) => `    ${what}_temp_path ${join(dir, `${what}-temp`)};`)
      .join('\n');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'pid')};
error_log ${log} warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${accessLog};
${temp}
    include server.conf;
}
`,
    );
    child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', log], { stdio: ['ignore', 'ignore', 'pipe'] });
  } else {
    config = localizeCaddy(caddyConfig(docs), { port, folder: root });
    writeFileSync(join(dir, 'Caddyfile'), config);
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
    child = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile'), '--pidfile', join(dir, 'pid')], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  const errors = [];
  child.stderr.on('data', (chunk) => {
    errors.push(chunk.toString());
    writeFileSync(log, errors.join(''), { flag: 'w' });
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${origin}/`, child, log);
  let stopped = false;
  return {
    kind,
    dir,
    origin,
    url: `${origin}${SUB_PATH}`,
    config,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const gone = new Promise((r) => child.once('exit', r));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(5_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(join(dir, 'pid'), { force: true });
    },
  };
}
