/**
 * Parsers for the parameter after the colon in a protocol spec ('gossip:0.7', 'ttl:4'). Each
 * throws an InputError naming the spec, what the parameter is and an example that works.
 */
import { InputError } from '../errors.ts';

function bad(spec: string, what: string, example: string): InputError {
  return new InputError('ERR_BAD_PROTOCOL', `protocol: '${spec}' needs ${what}; write e.g. '${example}'`);
}

const NUMBER = /^\d+(\.\d+)?$|^\.\d+$/;

/** A probability in [0, 1], required. */
export function probability(arg: string, spec: string, example: string): number {
  const p = NUMBER.test(arg) ? Number(arg) : Number.NaN;
  if (!(p >= 0 && p <= 1)) throw bad(spec, 'P, a probability from 0 to 1', example);
  return p;
}

/** An integer from `min` to 1000000, required. */
export function count(arg: string, spec: string, min: number, what: string, example: string): number {
  const k = /^\d+$/.test(arg) ? Number(arg) : Number.NaN;
  if (!(Number.isInteger(k) && k >= min && k <= 1_000_000)) throw bad(spec, `${what}, an integer from ${min} to 1000000`, example);
  return k;
}

/** Milliseconds in (0, 60000]; `fallback` when the parameter is left out. */
export function millis(arg: string, spec: string, fallback: number, example: string): number {
  if (arg === '') return fallback;
  const ms = NUMBER.test(arg) ? Number(arg) : Number.NaN;
  if (!(ms > 0 && ms <= 60_000)) throw bad(spec, 'a timeout in milliseconds, above 0 and at most 60000 (or none for the default)', example);
  return ms;
}
