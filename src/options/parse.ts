/**
 * Parsers for option values, shared by the CLI and the page's query. Each throws an InputError
 * naming the bad value and what is allowed, but not the flag: the CLI adds '--nodes', the page
 * adds 'n', so the same check reads right wherever it was called from.
 */
import { InputError } from '../core/errors.ts';

/** A value parser: text in, value out, InputError on bad text. */
export type Parse<T> = (text: string) => T;

/** An integer in [min, max]; accepts 1000, 1_000, 1e6. */
export function intIn(min: number, max: number): Parse<number> {
  return (text: string): number => {
    const value = Number(text.replaceAll('_', ''));
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      throw new InputError('ERR_BAD_OPTION', `'${text}' is not allowed; expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/**
 * A list of integers: '100,1000,10000', a range '2..12', a stepped range '2..12:2', or a mix
 * '2,4..8'. Each value must lie in [min, max]; at most 10,000 values.
 */
export function intListIn(min: number, max: number): Parse<number[]> {
  const one = intIn(min, max);
  return (text: string): number[] => {
    const out: number[] = [];
    for (const part of text.split(',')) {
      const m = /^\s*([^.:]+)\.\.([^.:]+)(?::(\d+))?\s*$/.exec(part);
      if (!m) {
        out.push(one(part.trim()));
        continue;
      }
      const [from, to, step] = [one(m[1]!), one(m[2]!), m[3] === undefined ? 1 : Number(m[3])];
      if (from > to || step < 1) throw new InputError('ERR_BAD_OPTION', `'${part}' is not a range; write FROM..TO or FROM..TO:STEP with FROM ≤ TO`);
      for (let x = from; x <= to; x += step) out.push(x);
    }
    if (out.length > 10_000) throw new InputError('ERR_BAD_OPTION', `'${text}' has ${out.length} values; at most 10000 allowed`);
    return [...new Set(out)];
  };
}

/** A number in [min, max] (or (min, max] with `openMin`); accepts 0.5, 1e-3. */
export function numberIn(min: number, max: number, openMin = false): Parse<number> {
  return (text: string): number => {
    const value = Number(text.replaceAll('_', ''));
    if (text.trim() === '' || !Number.isFinite(value) || value > max || (openMin ? value <= min : value < min)) {
      throw new InputError('ERR_BAD_OPTION', `'${text}' is not allowed; expected a number ${openMin ? 'above' : 'from'} ${min} ${openMin ? 'up ' : ''}to ${max}`);
    }
    return value;
  };
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(words: readonly T[]): Parse<T> {
  return (text: string): T => {
    if (!(words as readonly string[]).includes(text)) throw new InputError('ERR_BAD_OPTION', `'${text.slice(0, 40)}' is not one of ${words.join(', ')}`);
    return text as T;
  };
}

/** Free text of at most `max` characters (a spec checked later by its own parser). */
export function textUpTo(max: number): Parse<string> {
  return (text: string): string => {
    if (text.length > max) throw new InputError('ERR_BAD_OPTION', `is ${text.length} characters long; at most ${max} allowed`);
    return text;
  };
}

/** Re-throws an InputError from `parse` with `name` (a flag or a query key) in front, the way each caller names it. */
export function named<T>(name: string, parse: Parse<T>): Parse<T> {
  return (text: string): T => {
    try {
      return parse(text);
    } catch (err) {
      if (!(err instanceof InputError) || err.message.startsWith(name)) throw err;
      throw new InputError(err.code, `${name} ${err.message}`);
    }
  };
}
