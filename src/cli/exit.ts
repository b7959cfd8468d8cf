/** The one place where errors become exit codes and messages. No stack traces for users. */
import { CaixunError } from '../util/errors.js';

export const EXIT = {
  ok: 0,
  /** The job ran, but some inputs failed (e.g. a file could not be imported). */
  partial: 1,
  usage: 2,
  store: 3,
  internal: 70,
} as const;

function exitCodeFor(err: unknown): number {
  if (err instanceof CaixunError) {
    if (err.code === 'usage' || err.code === 'invalid-document') return EXIT.usage;
    if (err.code === 'store') return EXIT.store;
  }
  return EXIT.internal;
}

/** Prints `caixun: <message>` to stderr and returns the exit code for the error. */
export function reportError(err: unknown): number {
  const code = exitCodeFor(err);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`caixun: ${message}\n`);
  if (code === EXIT.internal) {
    process.stderr.write('caixun: this is a bug; set CAIXUN_DEBUG=1 to see details\n');
    if (process.env.CAIXUN_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  }
  return code;
}
