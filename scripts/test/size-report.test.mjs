// The size report (scripts/size-report.mjs) counts each file of a build once:
// the compressed copies ia-prerender writes beside them (FILE.gz, FILE.br)
// are listed apart, never as files of their own; an archive that is nobody's
// copy is an ordinary file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { REPO } from '../lib/repo.mjs';

test('compressed copies are listed apart, not counted as files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'ia-size-'));
  try {
    const js = Buffer.from('export const x = 1;\n'.repeat(200));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="./ia-map-0123456789abcdef.js"></script>');
    writeFileSync(join(dist, 'ia-map-0123456789abcdef.js'), js);
    writeFileSync(join(dist, 'ia-map-0123456789abcdef.js.gz'), gzipSync(js));
    writeFileSync(join(dist, 'ia-map-0123456789abcdef.js.br'), brotliCompressSync(js));
    writeFileSync(join(dist, 'export.tar.gz'), 'an archive');
    const out = execFileSync(process.execPath, [join(REPO, 'scripts/size-report.mjs'), dist], { encoding: 'utf8' });
    assert.match(out, /^ {2}js\s.*\(1 files\)$/m);
    assert.match(out, /^ {2}other\s.*\(1 files\)$/m);
    assert.match(out, /^ {2}html\s.*\(1 files\)$/m);
    assert.match(out, /compressed copies \(\*\.gz\)\s.*\(1 files, not counted above\)/);
    assert.match(out, /compressed copies \(\*\.br\)\s.*\(1 files, not counted above\)/);
    assert.doesNotMatch(out, /\(4 files\)|\(2 files\)/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
