// What the scripts share about the checkout they run in: its root, the tools
// scripts/setup.sh installs, Debian's Chromium, and how a report names the
// commit and the time it was made from.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Debian's Chromium, which Playwright and Lighthouse drive (nothing is downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/** Makes the repository root the working directory and puts node_modules/.bin and ~/.cargo/bin on PATH (as the Makefile does). */
export function enterRepo() {
  process.chdir(REPO);
  process.env.PATH = `${join(REPO, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
}

/**
 * The short hash of HEAD, with `note` added when files under `paths` have
 * uncommitted changes (the report then is not of that commit alone); "unknown"
 * outside a git checkout.
 */
export function commitLabel(paths, note) {
  try {
    const git = (args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
    const hash = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', ...paths]);
    return dirty ? `${hash} ${note}` : hash;
  } catch {
    return 'unknown';
  }
}

/** Now, to the minute: "2026-12-01 21:10 UTC". */
export const utcMinute = () => `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
