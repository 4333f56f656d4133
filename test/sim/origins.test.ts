import { describe, expect, it } from 'vitest';
import { pickOrigins } from '../../src/sim/origins.ts';
import { seededRng } from '../../src/sim/random.ts';

describe('pickOrigins', () => {
  it('uses the named node for every message, by index or by name', () => {
    expect(pickOrigins(10, 3, '7', undefined, seededRng(1, 'o'))).toEqual([7, 7, 7]);
    expect(pickOrigins(3, 2, 'b', ['a', 'b', 'c'], seededRng(1, 'o'))).toEqual([1, 1]);
  });

  it('draws seeded random origins: the same seed gives the same list', () => {
    const a = pickOrigins(1000, 20, undefined, undefined, seededRng(5, 'origins'));
    expect(a).toEqual(pickOrigins(1000, 20, undefined, undefined, seededRng(5, 'origins')));
    expect(a).not.toEqual(pickOrigins(1000, 20, undefined, undefined, seededRng(6, 'origins')));
    expect(a.every((u) => u >= 0 && u < 1000)).toBe(true);
  });

  it('rejects a node that does not exist, naming the range', () => {
    expect(() => pickOrigins(10, 1, '10', undefined, seededRng(1, 'o'))).toThrow(/^origin '10' is not a node; allowed: 0 to 9/);
    expect(() => pickOrigins(3, 1, 'zed', ['a', 'b', 'c'], seededRng(1, 'o'))).toThrow(/or a node name such as 'a'/);
  });
});
