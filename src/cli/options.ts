/**
 * Parsers for command-line values. Each throws an InputError naming the flag, the bad value and
 * what is allowed, which the CLI turns into one line on stderr and exit code 2.
 */
import { InputError } from '../core/errors.ts';

/** An integer in [min, max]; accepts 1000, 1_000, 1e6. */
export function intOption(flag: string, min: number, max: number): (text: string) => number {
  return (text: string): number => {
    const value = Number(text.replaceAll('_', ''));
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      throw new InputError('ERR_BAD_OPTION', `${flag} '${text}' is not allowed; expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/**
 * A list of integers: '100,1000,10000', a range '2..12', a stepped range '2..12:2', or a mix
 * '2,4..8'. Each value must lie in [min, max].
 */
export function intListOption(flag: string, min: number, max: number): (text: string) => number[] {
  const one = intOption(flag, min, max);
  return (text: string): number[] => {
    const out: number[] = [];
    for (const part of text.split(',')) {
      const m = /^\s*([^.:]+)\.\.([^.:]+)(?::(\d+))?\s*$/.exec(part);
      if (!m) {
        out.push(one(part.trim()));
        continue;
      }
      const [from, to, step] = [one(m[1]!), one(m[2]!), m[3] === undefined ? 1 : Number(m[3])];
      if (from > to || step < 1) throw new InputError('ERR_BAD_OPTION', `${flag} '${part}' is not a range; write FROM..TO or FROM..TO:STEP with FROM ≤ TO`);
      for (let x = from; x <= to; x += step) out.push(x);
    }
    if (out.length > 10_000) throw new InputError('ERR_BAD_OPTION', `${flag} '${text}' has ${out.length} values; at most 10000 allowed`);
    return [...new Set(out)];
  };
}
