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

/** Reports an error thrown by a command the way the CLI promises. */
export function report(err: unknown): never {
  if (err instanceof InputError) fail(err.message, 2);
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
