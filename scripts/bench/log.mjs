// The benchmark's progress lines and its one kind of fatal error.

/** A failure that makes the whole run worthless: stop at once, exit 1. */
export class BenchFailure extends Error {}

/** A progress line with the time of day: "[bench 21:10:05] …". */
export const log = (...parts) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
