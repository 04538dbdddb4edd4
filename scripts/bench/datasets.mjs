// The benchmark's datasets: the real one (public/data/agencies.json) and
// synthetic ones made by `ia-datatool synthetic`, each with the numbers the
// pages must show after each filter change, computed from the data itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO } from '../lib/repo.mjs';
import { BenchFailure, log } from './log.mjs';

/**
 * The offer codes in the app's order (ia_core::Offer::ALL, which numbers the
 * checkboxes #filter-offer-0, -1, …), read from the offers table of
 * docs/data-maintenance.md; the datatool's test
 * `the_guide_lists_the_codes_of_ia_core` keeps that table equal to the core's.
 */
export function readOfferCodes(file = join(REPO, 'docs/data-maintenance.md')) {
  const text = readFileSync(file, 'utf8');
  const block = /<!-- offers:start -->\n([\s\S]*?)<!-- offers:end -->/.exec(text)?.[1];
  const codes = [...(block ?? '').matchAll(/^\| `([a-z_]+)` \|/gm)].map(([, code]) => code);
  if (codes.length === 0) throw new BenchFailure(`${file} has no offers table (<!-- offers:start --> … <!-- offers:end -->)`);
  return codes;
}

/**
 * The offer the filter changes toggle: the first in the app's order that
 * some but not all agencies have, so that every change changes the result.
 * Null when there is none; throws when an agency has an offer the app does
 * not know (the checkbox numbers would be wrong).
 */
export function offerToToggle(agencies, codes) {
  const counts = new Map(codes.map((code) => [code, 0]));
  for (const agency of agencies) {
    for (const code of agency.offers) {
      if (!counts.has(code)) throw new BenchFailure(`an agency offers "${code}", which is none of the app's offers (${codes.join(', ')})`);
      counts.set(code, counts.get(code) + 1);
    }
  }
  const index = codes.findIndex((code) => counts.get(code) > 0 && counts.get(code) < agencies.length);
  return index < 0 ? null : { index, code: codes[index], n: counts.get(codes[index]) };
}

/** The dataset files of `options.sizes` ("real" or a count), made anew, with their figures. */
export function prepareDatasets(options) {
  mkdirSync('target/bench', { recursive: true });
  const codes = readOfferCodes();
  return options.sizes.map((size) => {
    let file = 'public/data/agencies.json';
    if (size !== 'real') {
      file = `target/bench/agencies-${size}-seed${options.seed}.json`;
      // Made anew every run (a few seconds at 100,000), so a changed generator is never measured stale.
      log(`generating ${size} synthetic agencies (seed ${options.seed}) into ${file}`);
      execFileSync('cargo', ['run', '--quiet', '-p', 'ia-datatool', '--', 'synthetic', '--count', size, '--seed', String(options.seed), '--out', file], {
        stdio: 'inherit',
      });
    }
    const raw = readFileSync(file);
    const agencies = JSON.parse(raw).agencies;
    if (size !== 'real' && agencies.length !== Number(size)) throw new BenchFailure(`${file} has ${agencies.length} agencies, not ${size}`);
    const total = agencies.length;
    const nSada = agencies.filter((a) => a.antidiscrimination).length;
    const offer = offerToToggle(agencies, codes);
    if (!offer || nSada === 0 || nSada === total) throw new BenchFailure(`${file}: no filter change would change the result`);
    return {
      name: size === 'real' ? 'real' : Number(size).toLocaleString('en-US'),
      size,
      file,
      total,
      rawBytes: raw.length,
      gzipBytes: gzipSync(raw, { level: 9 }).length,
      nSada,
      offer,
    };
  });
}
