/**
 * A half-edge's word keeps its three fields apart: the delay to the µs, the far link index up to
 * 255, and the closing flag, set and cleared without touching the others; out-of-range sizes are refused.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { HalfWords } from '../../../src/sim/grow/half-words.ts';

describe('HalfWords', () => {
  it('keeps delay, far link and closing apart, at the ends of their ranges', () => {
    const w = new HalfWords(4, 8000, 256);
    w.set(0, 8000, 255);
    w.set(1, 1.2345678, 0);
    expect([w.delay(0), w.farLink(0), w.closing(0)]).toEqual([8000, 255, false]);
    expect([w.delay(1), w.farLink(1)]).toEqual([1.235, 0]); // kept to the µs
    w.setClosing(0, true);
    expect([w.delay(0), w.farLink(0), w.closing(0), w.closing(1)]).toEqual([8000, 255, true, false]);
    w.setClosing(0, false);
    expect([w.delay(0), w.farLink(0), w.closing(0)]).toEqual([8000, 255, false]);
  });

  it('refuses delays past 8,388 ms and more than 256 links per node', () => {
    expect(() => new HalfWords(4, 8389, 10)).toThrow(InputError);
    expect(() => new HalfWords(4, 10, 257)).toThrow('need at most 8,388 ms and 256 slots');
  });
});
