/**
 * The one error type for bad input. Every module that validates options throws it with a message
 * that names the module, the bad value and what is allowed; the CLI prints that line and exits 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Stable machine-readable code, e.g. 'ERR_BAD_DEGREE'. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Throws an InputError unless `ok` holds. */
export function check(ok: boolean, code: string, message: string): asserts ok {
  if (!ok) throw new InputError(code, message);
}
