// Ids between the wires: a Go id as 'g' + decimal and back exactly; a floodlab id given one fixed
// 63-bit UniqueID at every node; one canonical name for both spellings.
import { describe, expect, it } from 'vitest';
import { canonicalId, gobIdOf, gobIdOfG, jsonIdOfGob, uniqueIdWords } from '../../../../src/real/wire/gob/ids.ts';
import { newMessageId } from '../../../../src/real/codec.ts';

describe('gob ids on the JSON wire', () => {
  it('a Go id travels as g + decimal and comes back exact, negative and extreme ones too', () => {
    for (const id of [0n, 1n, -1n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n)]) {
      expect(gobIdOfG(jsonIdOfGob(id))).toBe(id);
      expect(gobIdOf(jsonIdOfGob(id))).toBe(id);
      expect(jsonIdOfGob(id)).toMatch(/^[A-Za-z0-9_-]{1,64}$/); // a valid id on floodlab's JSON wire
    }
    expect(gobIdOfG('g9223372036854775808')).toBeUndefined(); // 2^63: outside Go's int
    expect(gobIdOfG('g007')).toBeUndefined();
  });

  it('a floodlab id gets its first 8 bytes (base64url) as a non-negative 63-bit UniqueID, the same every time', () => {
    const id = 'AAAAAAAAAQAAAAAA'; // chars 8..11 'AQAA' are bytes 6..8 = 01 00 00: the first 8 bytes are 0x0000000000000100
    expect(gobIdOf(id)).toBe(0x100n);
    expect(gobIdOf('_____________________'.slice(0, 16))).toBe(2n ** 63n - 1n); // all ones, top bit cleared
    const fresh = newMessageId();
    expect(gobIdOf(fresh)).toBe(gobIdOf(fresh));
    expect(gobIdOf(fresh) >= 0n && gobIdOf(fresh) < 2n ** 63n).toBe(true);
    expect(gobIdOf('m1')).toBe(gobIdOf('m1')); // other ids: from SHA-256
    expect(gobIdOf('m1')).not.toBe(gobIdOf('m2'));
  });

  it('both spellings of one message have one canonical name', () => {
    const fresh = newMessageId();
    expect(canonicalId(fresh)).toBe(canonicalId(jsonIdOfGob(gobIdOf(fresh))));
    expect(canonicalId('g42')).toBe('g42');
  });
});

describe("the UniqueID words (the seen ids' key)", () => {
  const key = (id: string): string => {
    const { hi, lo } = uniqueIdWords(id, { hi: 0, lo: 0 });
    return `${hi}:${lo}`;
  };

  it('are one value per UniqueID: both spellings of a message alike, different messages apart', () => {
    const ids = [
      ...Array.from({ length: 2000 }, () => newMessageId()),
      '________________',
      'AAAAAAAAAAAAAAAA',
      'gAAAAAAAAAAAAAAA',
      'g123456789012345',
      'm1',
      'm2',
      'g0',
      'g-1',
      'g9223372036854775807',
      'g-9223372036854775808',
    ];
    const keys = new Map<string, string>();
    for (const id of ids) {
      const k = key(id);
      expect(key(jsonIdOfGob(gobIdOf(id)))).toBe(k); // its Go spelling
      expect(keys.get(k) ?? canonicalId(id)).toBe(canonicalId(id)); // no two messages share a key
      keys.set(k, canonicalId(id));
    }
    expect(keys.size).toBe(ids.length - 3); // A… and gA… (top bit cleared) are g0, _… is g9223372036854775807
    expect(keys.size).toBe(new Set(ids.map(canonicalId)).size);
  });

  it('hold the UniqueID bits: a floodlab id without BigInt gives what its Go id gives with it', () => {
    expect(key('AAAAAAAAAQAAAAAA')).toBe('0:256'); // UniqueID 0x100, as above
    expect(key('________________')).toBe(`${2 ** 31 - 1}:${2 ** 32 - 1}`); // 2^63 - 1
    expect(key('g-1')).toBe(`${2 ** 32 - 1}:${2 ** 32 - 1}`); // -1 as 64 bits
    for (let k = 0; k < 200; k++) {
      const id = newMessageId();
      const u = BigInt.asUintN(64, gobIdOf(id));
      expect(key(id)).toBe(`${u >> 32n}:${u & 0xffffffffn}`);
    }
  });
});
