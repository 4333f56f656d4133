// Gob integers against the examples in encoding/gob's doc.go, and the 64-bit limits exactly.
import { describe, expect, it } from 'vitest';
import { GobError } from '../../../../src/real/wire/gob/errors.ts';
import { GobReader, toSigned, writeInt, writeUint } from '../../../../src/real/wire/gob/varint.ts';

const hex = (f: (out: number[]) => void): string => {
  const out: number[] = [];
  f(out);
  return Buffer.from(out).toString('hex');
};

describe('gob integers', () => {
  it('encodes unsigned values as doc.go shows: 0, 7, 256', () => {
    expect(hex((o) => writeUint(o, 0n))).toBe('00');
    expect(hex((o) => writeUint(o, 7n))).toBe('07');
    expect(hex((o) => writeUint(o, 127n))).toBe('7f');
    expect(hex((o) => writeUint(o, 128n))).toBe('ff80');
    expect(hex((o) => writeUint(o, 256n))).toBe('fe0100');
    expect(hex((o) => writeUint(o, 2n ** 64n - 1n))).toBe('f8ffffffffffffffff');
  });

  it('encodes signed values as doc.go shows: -129, 3, 22, 33, and the type id -65', () => {
    expect(hex((o) => writeInt(o, -129n))).toBe('fe0101');
    expect(hex((o) => writeInt(o, 3n))).toBe('06');
    expect(hex((o) => writeInt(o, 22n))).toBe('2c');
    expect(hex((o) => writeInt(o, 33n))).toBe('42');
    expect(hex((o) => writeInt(o, -65n))).toBe('ff81');
    expect(hex((o) => writeInt(o, 65n))).toBe('ff82');
    expect(hex((o) => writeInt(o, -1n))).toBe('01');
  });

  it('round-trips the int64 limits and values near 2^53 exactly', () => {
    const values = [0n, 1n, -1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 7638624916288184356n];
    for (const v of values) {
      const out: number[] = [];
      writeInt(out, v);
      const r = new GobReader(Uint8Array.from(out));
      expect(r.int()).toBe(v);
      expect(r.remaining).toBe(0);
    }
    expect(toSigned(1n)).toBe(-1n);
  });

  it('refuses a byte count over 8 and a read past the end of the message', () => {
    expect(() => new GobReader(Uint8Array.from([0xf7, 1, 2, 3, 4, 5, 6, 7, 8, 9])).uint()).toThrow(/byte count 9 is over 8/);
    const short = new GobReader(Uint8Array.from([0xfe, 0x01]));
    expect(() => short.uint()).toThrow(GobError);
    expect(() => new GobReader(Uint8Array.from([5, 0x61])).string('Text', 100)).toThrow(/5 bytes announced but only 1 left/);
    expect(() => writeUint([], 2n ** 64n)).toThrow(/outside 0 .. 2\^64 - 1/);
  });
});
