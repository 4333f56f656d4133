/**
 * Wraps a command's action so that bad input never shows a stack trace: an InputError prints its
 * one line and exits 2; anything else is a bug, reported in one line (stack with FLOODLAB_DEBUG=1)
 * and exit 1.
 */
import { InputError } from '../core/errors.ts';

/** Prints `floodlab: <message>` to stderr and exits with `code`. */
export function fail(message: string, code: number): never {
  process.stderr.write(`floodlab: ${message}\n`);
  process.exit(code);
}

/**
 * The library names a bad value by what it is ("origin '10' is not a node"); the CLI says which
 * flag set it. Keyed by the error's code: [the library's leading word, the flag].
 */
const FLAG_OF: Readonly<Record<string, readonly [string, string]>> = {
  ERR_BAD_ORIGIN: ['origin ', '--origin '],
};

/** An InputError's message with the flag put where the library named the value. */
export function withFlag(err: InputError): string {
  const pair = FLAG_OF[err.code];
  return pair && err.message.startsWith(pair[0]) ? pair[1] + err.message.slice(pair[0].length) : err.message;
}

/** Reports an error thrown by a command the way the CLI promises. */
export function report(err: unknown): never {
  if (err instanceof InputError) fail(withFlag(err), 2);
  if (process.env['FLOODLAB_DEBUG']) console.error(err);
  fail(`internal error: ${err instanceof Error ? err.message : String(err)} (set FLOODLAB_DEBUG=1 for details)`, 1);
}

/** Turns an async or sync command body into a commander action with the error policy above. */
export function action<A extends unknown[]>(body: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A): Promise<void> => {
    try {
      await body(...args);
    } catch (err) {
      report(err);
    }
  };
}
