// How the benchmark writes numbers in its tables and progress lines ("–" for none).

export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)}`);
export const mb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024 / 1024).toFixed(1)}`);
export const ms = (x) => (x == null ? '–' : `${x}`);
/** CLS to three decimals. */
export const cls3 = (x) => (x == null ? '–' : x.toFixed(3));

/** app / reference to two decimals (two significant digits below 0.1); "–" unless both are numbers. */
export function ratio(app, reference) {
  if (app == null || reference == null || typeof app !== 'number' || typeof reference !== 'number' || reference === 0) return '–';
  const r = app / reference;
  return r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
}

/** Whether a target is met: "met", "**not met**", or "–" when unknown. */
export const met = (ok) => (ok == null ? '–' : ok ? 'met' : '**not met**');

/** Text for a table cell: no pipes or line breaks, at most `max` characters. */
export const cell = (text, max = 50) => {
  const clean = String(text ?? '').replace(/[|\n\r]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
