// The decoder on streams captured from the real Go node and written by Go's encoding/gob (one
// Encoder, or a new one per message), whole, byte by byte and split at seeded random points.
import { describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../../src/real/wire/gob/decoder.ts';
import type { GobMessage } from '../../../../src/real/wire/gob/message.ts';
import { FIXTURES, fixtureChunks, fixtureExpected, splitRng } from './fixtures.ts';

function decodeChunks(chunks: readonly Uint8Array[]): GobMessage[] {
  const got: GobMessage[] = [];
  const dec = new GobDecoder((m) => got.push(m));
  for (const c of chunks) dec.push(c);
  dec.end();
  expect(dec.buffered).toBe(0);
  return got;
}

function splitAt(bytes: Buffer, rng: () => number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(rng() * 12);
    pieces.push(bytes.subarray(at, at + n));
    at += n;
  }
  return pieces;
}

describe('gob decoder on streams Go wrote', () => {
  for (const name of FIXTURES) {
    const whole = Buffer.concat(fixtureChunks(name));
    const expected = fixtureExpected(name);

    it(`${name}: reads every message Go's decoder read, in the reads it arrived in`, () => {
      expect(decodeChunks(fixtureChunks(name))).toEqual(expected);
    });

    it(`${name}: the same fed one byte at a time`, () => {
      expect(decodeChunks([...whole].map((b) => Uint8Array.of(b)))).toEqual(expected);
    });

    it(`${name}: the same split at 50 seeded random sets of points`, () => {
      for (let seed = 1; seed <= 50; seed++) expect(decodeChunks(splitAt(whole, splitRng(seed)))).toEqual(expected);
    });
  }

  it('the seed node capture: five lines, the same text twice, unicode, empty text, every id above 2^53', () => {
    const got = decodeChunks(fixtureChunks('seed-node-lines'));
    expect(got.map((m) => m.text)).toEqual(['hello', 'hello', 'héllo wörld ✓ 🚀 日本語', '', 'a longer line, with  spaces and punctuation: 1 + 1 = 2!']);
    for (const m of got) expect(m.id > 2n ** 53n).toBe(true);
    // The exact digits, as Go's own decoder printed them, not through a JS number.
    expect(got[0]!.id).toBe(7638624916288184356n);
    expect(Number(got[0]!.id).toString()).not.toBe('7638624916288184356');
  });

  it('the seed node capture: the empty text is a value without field 0 (delta 2 to UniqueID)', () => {
    const chunks = fixtureChunks('seed-node-lines');
    // Its definition and value came in separate reads; the value is 0d ff 82 02 f8 ...: delta 2.
    const value = chunks.find((c) => c[0] === 0x0d)!;
    expect(value.subarray(0, 4).toString('hex')).toBe('0dff8202');
  });

  it('one Encoder: one definition for ten values; edge ids and empty texts exact', () => {
    const chunks = fixtureChunks('go-one-encoder');
    const whole = Buffer.concat(chunks);
    expect(whole.indexOf('Message')).toBe(whole.lastIndexOf('Message'));
    const got = decodeChunks(chunks);
    expect(got.map((m) => m.id)).toEqual([1n, -1n, 0n, 42n, 0n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 1n, -129n]);
    expect(got[4]).toEqual({ text: '', id: 0n });
  });

  it('a new Encoder per message: ten definitions, held as one type', () => {
    const whole = Buffer.concat(fixtureChunks('go-fresh-encoders'));
    let definitions = 0;
    for (let at = whole.indexOf('Message'); at >= 0; at = whole.indexOf('Message', at + 1)) definitions++;
    expect(definitions).toBe(10);
    expect(decodeChunks([whole])).toHaveLength(10);
  });

  it('emits nothing after stop(), even from the rest of the same chunk', () => {
    const got: GobMessage[] = [];
    const dec = new GobDecoder((m) => {
      got.push(m);
      dec.stop();
    });
    dec.push(Buffer.concat(fixtureChunks('go-one-encoder')));
    expect(got).toHaveLength(1);
  });
});
