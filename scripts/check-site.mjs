// Checks a built site against its dataset (scripts/publish-site.sh, issue 29):
// the site serves exactly this dataset, every agency has its page and preview
// image in agentur/, no page is left of an agency the data no longer has, the
// first view names the dataset's "Stand", and with a sitemap every agency page
// is listed in it. Exits 1 with what is wrong.
//   node scripts/check-site.mjs DIST DATASET
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What is wrong with the site in `dist` for the dataset bytes `dataset`; empty when nothing. */
export function siteProblems(dist, dataset) {
  const problems = [];
  const served = join(dist, 'data/agencies.json');
  if (!existsSync(served)) return [`${served} is missing`];
  if (!readFileSync(served).equals(dataset)) problems.push(`${served} is not the dataset to publish`);
  const data = JSON.parse(dataset.toString('utf8'));
  const ids = new Set(data.agencies.map((agency) => agency.id));
  const folder = join(dist, 'agentur');
  const pages = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.html')).map((name) => name.slice(0, -5)) : [];
  for (const id of ids) {
    if (!pages.includes(id)) problems.push(`agentur/${id}.html is missing`);
    if (!existsSync(join(folder, `${id}.png`))) problems.push(`agentur/${id}.png is missing`);
  }
  for (const page of pages) if (!ids.has(page)) problems.push(`agentur/${page}.html belongs to no agency of the dataset`);
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  if (!index.includes(data.as_of)) problems.push(`index.html does not show the dataset's Stand ${data.as_of}`);
  const sitemap = join(dist, 'sitemap.xml');
  if (existsSync(sitemap)) {
    const listed = readFileSync(sitemap, 'utf8');
    for (const id of ids) if (!listed.includes(`/agentur/${id}.html<`)) problems.push(`sitemap.xml does not list agentur/${id}.html`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, dataset] = process.argv.slice(2);
  if (!dist || !dataset) {
    console.error('usage: node scripts/check-site.mjs DIST DATASET');
    process.exit(2);
  }
  const problems = siteProblems(dist, readFileSync(dataset));
  if (problems.length > 0) {
    console.error(`check-site: ${dist} does not match ${dataset}:\n  ${problems.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-site: ${dist} matches ${dataset}`);
}
