import { describe, expect, it } from 'vitest';
import { maxDelay, parseLatency } from '../../src/sim/latency.ts';

describe('parseLatency', () => {
  it('reads each model in milliseconds and keeps integer microseconds', () => {
    expect(parseLatency('constant')).toMatchObject({ kind: 'constant', micros: 1000 });
    expect(parseLatency('constant:2.5')).toMatchObject({ kind: 'constant', micros: 2500 });
    expect(parseLatency('uniform:1-10')).toMatchObject({ kind: 'uniform', min: 1000, max: 10000 });
    expect(parseLatency('per-link:5-5')).toMatchObject({ kind: 'per-link', min: 5000, max: 5000 });
    const e = parseLatency('exponential:4');
    expect(e).toMatchObject({ kind: 'exponential', mean: 4000 });
    expect(maxDelay(e)).toBe(80_000);
  });

  it.each(['gaussian:3', 'uniform:10', 'uniform:10-1', 'uniform:a-b', 'constant:-1', 'exponential:', 'constant:0', 'uniform:1-99999999'])("rejects '%s' naming it and the allowed forms", (spec) => {
    expect(() => parseLatency(spec)).toThrow(new RegExp(`latency: '${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'.*allowed: constant`));
  });
});
