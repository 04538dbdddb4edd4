// Command-line options of the scripts, from one table each: node:util's
// parseArgs reads them, and the same table gives the defaults and the usage
// text that --help prints.
//
// A table (`spec`):
//   { usage: 'node scripts/x.mjs [options] [dist]',  the first line of --help
//     about: '…',                                    what the script does (optional)
//     positionals: { max: 1 },                       how many plain arguments it takes (default none)
//     options: { name: { type, default, value, help } } }
// `type` is 'string', 'number' (read as a string, checked to be a number ≥ 0)
// or 'boolean' (a flag, false unless given); `value` names the argument in
// the usage text (e.g. 'DIR'); `default` is shown there and filled in.
import { parseArgs } from 'node:util';

/** A wrong command line: the caller prints the message and the usage. */
export class UsageError extends Error {}

/** The usage text of `spec`: its first line, what it does, one line per option. */
export function usage(spec) {
  const lines = [`Usage: ${spec.usage}`];
  if (spec.about) lines.push('', spec.about);
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const head = `--${name}${option.type === 'boolean' ? '' : ` ${option.value ?? (option.type === 'number' ? 'N' : 'VALUE')}`}`;
    const shown = option.default === undefined || option.default === '' || option.type === 'boolean' ? '' : ` (default: ${option.default})`;
    return [head, `${option.help}${shown}`];
  });
  rows.push(['--help', 'print this text and exit']);
  const width = Math.max(...rows.map(([head]) => head.length)) + 2;
  lines.push('', 'Options:', ...rows.map(([head, text]) => `  ${head.padEnd(width)}${text}`));
  return lines.join('\n');
}

/**
 * Reads `argv` by `spec`. Returns { values, positionals }: every option with
 * its default filled in, numbers as numbers. Throws UsageError for an unknown
 * option, a missing value, a number that is none, or too many positionals.
 * With --help: { help: true } (the caller prints usage(spec) and stops).
 */
export function readOptions(spec, argv) {
  const options = { help: { type: 'boolean' } };
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { type: option.type === 'boolean' ? 'boolean' : 'string' };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: Boolean(spec.positionals) });
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (parsed.values.help) return { help: true };
  const values = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const given = parsed.values[name];
    if (option.type === 'boolean') {
      values[name] = given ?? false;
    } else if (option.type === 'number') {
      const number = given === undefined ? option.default : Number(given);
      if (given !== undefined && (given.trim() === '' || !Number.isFinite(number) || number < 0)) {
        throw new UsageError(`--${name}: "${given}" is not a number ≥ 0`);
      }
      values[name] = number;
    } else {
      values[name] = given ?? option.default;
    }
  }
  const max = spec.positionals?.max ?? 0;
  if (parsed.positionals.length > max) {
    throw new UsageError(`unexpected argument${parsed.positionals.length - max > 1 ? 's' : ''}: ${parsed.positionals.slice(max).join(' ')}`);
  }
  return { values, positionals: parsed.positionals };
}

/**
 * readOptions() on this process's arguments, for a script's start, then
 * `derive` on the result (a script's own checks, which throw UsageError too).
 * Prints the usage and exits 0 on --help; prints the problem and the usage
 * line and exits 2 on a wrong command line.
 */
export function cli(spec, derive = (read) => read, argv = process.argv.slice(2)) {
  try {
    const read = readOptions(spec, argv);
    if (read.help) {
      console.log(usage(spec));
      process.exit(0);
    }
    return derive(read);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nUsage: ${spec.usage}\n(--help lists the options)`);
    process.exit(2);
  }
}

/** For a script whose one argument is a build directory (`usage` names it "[dist]"): that argument, or "dist". */
export function distArgument(usage, about) {
  return cli({ usage, about, positionals: { max: 1 }, options: {} }).positionals[0] ?? 'dist';
}
