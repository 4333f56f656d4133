/**
 * Latency models, parsed from the --latency spec. Users write milliseconds; the engine works in
 * integer microseconds so its calendar queue can bucket events by exact time.
 *
 *   constant[:MS]        every link takes MS (default 1): hop-synchronous rounds
 *   uniform:MIN-MAX      each transmission draws a delay uniformly in [MIN, MAX]
 *   exponential:MEAN     each transmission draws an exponential delay (cut at 20×MEAN, min 1 µs)
 *   per-link:MIN-MAX     each link draws one fixed delay in [MIN, MAX] at the start
 */
import { InputError } from '../core/errors.ts';

export type LatencyModel =
  | { readonly kind: 'constant'; readonly spec: string; readonly micros: number }
  | { readonly kind: 'uniform'; readonly spec: string; readonly min: number; readonly max: number }
  | { readonly kind: 'exponential'; readonly spec: string; readonly mean: number; readonly max: number }
  | { readonly kind: 'per-link'; readonly spec: string; readonly min: number; readonly max: number };

/** Exponential draws are cut here (in means): P(cut) = e^-20, about 2e-9 per draw. */
export const EXPONENTIAL_CUT = 20;

/** The largest delay a model can produce, in microseconds: the calendar queue's window. */
export function maxDelay(model: LatencyModel): number {
  return model.kind === 'constant' ? model.micros : model.max;
}

const ALLOWED = 'allowed: constant[:MS], uniform:MIN-MAX, exponential:MEAN, per-link:MIN-MAX (milliseconds, > 0, MAX ≤ 60000)';

function bad(spec: string, why: string): InputError {
  return new InputError('ERR_BAD_LATENCY', `latency: '${spec}' ${why}; ${ALLOWED}`);
}

function millis(spec: string, text: string): number {
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(ms > 0) || ms > 60000) throw bad(spec, `has a bad duration '${text}'`);
  return Math.max(1, Math.round(ms * 1000));
}

function range(spec: string, text: string): [number, number] {
  const parts = text.split('-');
  if (parts.length !== 2) throw bad(spec, 'needs a range MIN-MAX');
  const min = millis(spec, parts[0]!);
  const max = millis(spec, parts[1]!);
  if (min > max) throw bad(spec, 'has MIN above MAX');
  return [min, max];
}

/** Parses a --latency spec; throws an InputError naming the spec and the allowed forms. */
export function parseLatency(spec: string): LatencyModel {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? '' : spec.slice(colon + 1);
  switch (kind) {
    case 'constant':
      return { kind, spec, micros: arg === '' ? 1000 : millis(spec, arg) };
    case 'uniform':
    case 'per-link': {
      const [min, max] = range(spec, arg);
      return { kind, spec, min, max };
    }
    case 'exponential': {
      const mean = millis(spec, arg);
      return { kind, spec, mean, max: Math.min(60_000_000, mean * EXPONENTIAL_CUT) };
    }
    default:
      throw bad(spec, 'is not a latency model');
  }
}
