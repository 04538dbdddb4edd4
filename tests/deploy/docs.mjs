// What docs/deploy.md tells a deployer, read from the page itself: the nginx
// and Caddy configurations (code blocks tagged `nginx` and `caddyfile`), the
// security headers, the cache rule for hashed files and the MIME table. The
// deploy test (tests/deploy/) runs these as written; `localize*` change only
// what a local run must: the port, the folder and no TLS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../scripts/lib/repo.mjs';

export const DOCS = join(REPO, 'docs/deploy.md');
/** The folder the documented configurations serve, and the sub-path they serve it under. */
export const DOCS_FOLDER = '/srv/ia-map';
export const SUB_PATH = '/integrationsagenturen/';

export function readDocs(path = DOCS) {
  return readFileSync(path, 'utf8');
}

/** The fenced code blocks of `markdown` whose info string is `lang`, in order. */
export function codeBlocks(markdown, lang) {
  const blocks = [];
  const fence = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const [, info, body] of markdown.matchAll(fence)) {
    if (info.trim() === lang) blocks.push(body);
  }
  return blocks;
}

/**
 * The nginx configuration: the included snippet (its path, relative to
 * /etc/nginx, from its first line's comment) and the server block.
 */
export function nginxConfig(markdown) {
  const blocks = codeBlocks(markdown, 'nginx');
  if (blocks.length !== 2) throw new Error(`docs/deploy.md: expected 2 nginx blocks (snippet, server), found ${blocks.length}`);
  const [snippet, server] = blocks;
  const path = /^# \/etc\/nginx\/(\S+)\n/.exec(snippet)?.[1];
  if (!path) throw new Error('docs/deploy.md: the nginx snippet does not start with "# /etc/nginx/<path>"');
  if (!server.includes(`include ${path};`)) throw new Error(`docs/deploy.md: the nginx server block does not include ${path}`);
  return { snippet: { path, text: snippet }, server };
}

/** The Caddyfile. */
export function caddyConfig(markdown) {
  const blocks = codeBlocks(markdown, 'caddyfile');
  if (blocks.length !== 1) throw new Error(`docs/deploy.md: expected 1 caddyfile block, found ${blocks.length}`);
  return blocks[0];
}

/** Replaces `from` by `to` in `text`, failing when `from` is not there exactly `count` times. */
function replaceExactly(text, from, to, count, what) {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`docs/deploy.md: ${what}: expected ${JSON.stringify(from)} ${count} times, found ${found}`);
  return text.split(from).join(to);
}

/**
 * The documented nginx server block made local: `listen` on a loopback port
 * without TLS, and `folder` for the documented folder. Nothing else changes.
 */
export function localizeNginx(server, { port, folder }) {
  let text = server.replace(/^(\s*)listen\s+443\s+ssl;/m, (_, indent) => `${indent}listen 127.0.0.1:${port};`);
  if (text === server) throw new Error('docs/deploy.md: the nginx server block has no "listen 443 ssl;"');
  // Every mention of the folder, comments included (`alias /srv/ia-map/;`).
  text = replaceExactly(text, DOCS_FOLDER, folder, 2, 'nginx folder');
  return text;
}

/**
 * The documented Caddyfile made local: the site address becomes plain HTTP
 * on a loopback port (so no certificate), `folder` the documented folder;
 * and, in a global options block of its own in front, no admin endpoint
 * (it would listen on the shared port 2019).
 */
export function localizeCaddy(caddyfile, { port, folder }) {
  const site = /^([a-z0-9.-]+\.[a-z]+) \{$/m.exec(caddyfile);
  if (!site) throw new Error('docs/deploy.md: the Caddyfile does not start a site block with a host name');
  let text = caddyfile.replace(site[0], `http://127.0.0.1:${port} {`);
  text = replaceExactly(text, DOCS_FOLDER, folder, 1, 'Caddy folder');
  return `{\n\tadmin off\n}\n\n${text}`;
}

/** The security headers of the "Security headers" section: [name, value] pairs. */
export function securityHeaders(markdown) {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Security headers'));
  const block = section && /^```\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (!block) throw new Error('docs/deploy.md: no header block under "Security headers"');
  return block
    .trim()
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(': ');
      return [line.slice(0, colon), line.slice(colon + 2)];
    });
}

/**
 * The MIME table of "MIME types and compression": extension → the accepted
 * types (the first, and any given as "(or `…`)").
 */
export function mimeTypes(markdown) {
  const types = new Map();
  for (const [, ext, rest] of markdown.matchAll(/^\| `(\.[a-z]+)` \| (.*)\|$/gm)) {
    const accepted = [...rest.matchAll(/`([^`]+)`/g)].map(([, type]) => type);
    if (accepted.length) types.set(ext, accepted);
  }
  if (!types.has('.wasm')) throw new Error('docs/deploy.md: no MIME table with .wasm');
  return types;
}

/** The extensions the docs say to compress ("Compress `.wasm`, `.js`, … with brotli or gzip"). */
export function compressedExtensions(markdown) {
  const sentence = /^Compress ((?:`\.[a-z]+`(?:, | and )?)+) with/m.exec(markdown);
  if (!sentence) throw new Error('docs/deploy.md: no "Compress `.wasm`, … with" sentence');
  return [...sentence[1].matchAll(/`(\.[a-z]+)`/g)].map(([, ext]) => ext);
}
