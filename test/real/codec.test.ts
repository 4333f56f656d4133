import { describe, expect, it } from 'vitest';
import { CodecError, decodeMessage, encodeMessageFrame, newMessageId } from '../../src/real/codec.ts';
import { PREFIX_BYTES } from '../../src/real/frame.ts';

const good = { i: 'AbCdEfGhIjKlMnOp', o: 'alice', t: 'hello', h: 2 };
const bodyOf = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function problem(value: unknown): string {
  try {
    decodeMessage(Buffer.isBuffer(value) ? value : bodyOf(value));
  } catch (err) {
    expect(err).toBeInstanceOf(CodecError);
    expect((err as CodecError).code).toBe('ERR_BAD_BODY');
    return (err as Error).message;
  }
  return 'accepted';
}

describe('message codec', () => {
  it('round-trips a message and its hop count', () => {
    const msg = { id: newMessageId(), origin: 'bob', text: 'hi → ✓' };
    const frame = encodeMessageFrame(msg, 7);
    expect(decodeMessage(frame.subarray(PREFIX_BYTES))).toEqual({ ...msg, hops: 7 });
  });

  it('writes origin and text as JSON.stringify would, plain or not', () => {
    for (const text of ['hello', 'hi → ✓', 'a "quote"', 'back\\slash', 'tab\there', '\u0000', '😀 pair', 'lone \ud800 half', '\udfff', '']) {
      const body = encodeMessageFrame({ id: 'abc', origin: text || 'n1', text }, 1)
        .subarray(PREFIX_BYTES)
        .toString();
      expect(body).toBe(`{"i":"abc","o":${JSON.stringify(text || 'n1')},"t":${JSON.stringify(text)},"h":1}`);
    }
  });

  it('writes every hop count and plain ASCII field as the JSON text would read', () => {
    const text = ' ~!#$%&()*+,-./09:;<=>?@AZ[]^_`az{|}\u007f';
    for (const hops of [0, 1, 9, 10, 99, 100, 999, 1000, 12_345, 65_535, 999_999_999, 1e9, 2.5]) {
      const body = encodeMessageFrame({ id: 'a-_Z9', origin: 'n 1', text }, hops);
      expect(body.readUInt32BE(0)).toBe(body.length - PREFIX_BYTES);
      expect(body.subarray(PREFIX_BYTES).toString()).toBe(`{"i":"a-_Z9","o":"n 1","t":${JSON.stringify(text)},"h":${hops}}`);
    }
  });

  it('keeps a 5-byte chat line well under 80 bytes on the wire', () => {
    const frame = encodeMessageFrame({ id: newMessageId(), origin: 'n49', text: 'hello' }, 12);
    expect(frame.length).toBeLessThanOrEqual(60);
  });

  it('makes 16-character url-safe ids from 12 random bytes, all different', () => {
    const ids = new Set(Array.from({ length: 1000 }, newMessageId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('checks every field and names the bad one', () => {
    expect(problem(good)).toBe('accepted');
    expect(problem(Buffer.from('{"i":'))).toMatch(/not JSON/);
    expect(problem([1, 2])).toMatch(/not a JSON object/);
    expect(problem(null)).toMatch(/not a JSON object/);
    expect(problem({ ...good, x: 1 })).toMatch(/unknown field 'x'/);
    expect(problem({ o: 'a', t: 'b', h: 1 })).toMatch(/missing/);
    expect(problem({ ...good, i: 42 })).toMatch(/field 'i'/);
    expect(problem({ ...good, i: 'has space' })).toMatch(/field 'i'/);
    expect(problem({ ...good, o: '' })).toMatch(/field 'o'/);
    expect(problem({ ...good, o: 'evil\u001b[2J' })).toMatch(/field 'o'/);
    expect(problem({ ...good, o: ' padded' })).toMatch(/field 'o'/);
    expect(problem({ ...good, t: 5 })).toMatch(/field 't'/);
    expect(problem({ ...good, t: 'x'.repeat(20_000) })).toMatch(/field 't'/);
    expect(problem({ ...good, h: 0 })).toMatch(/field 'h'/);
    expect(problem({ ...good, h: 1.5 })).toMatch(/field 'h'/);
    expect(problem({ ...good, h: '2' })).toMatch(/field 'h'/);
  });

  it('reads bodies with escapes, spacing or other key order the same way (general path)', () => {
    const msg = { id: 'id_1', origin: 'zoë "z"', text: 'tab\there, quote " and \\ backslash, ✓' };
    const fast = decodeMessage(encodeMessageFrame(msg, 3).subarray(PREFIX_BYTES));
    expect(fast).toEqual({ ...msg, hops: 3 });
    const reordered = Buffer.from(` { "h": 3, "t": ${JSON.stringify(msg.text)}, "o": ${JSON.stringify(msg.origin)}, "i": "id_1" } `);
    expect(decodeMessage(reordered)).toEqual(fast);
  });

  it('applies the same checks to bodies in the compact layout', () => {
    const compact = (i: string, o: string, t: string, h: string): Buffer => Buffer.from(`{"i":"${i}","o":"${o}","t":"${t}","h":${h}}`);
    expect(decodeMessage(compact('abc', 'n1', 'hi', '12')).hops).toBe(12);
    expect(problem(compact('a b', 'n1', 'hi', '1'))).toMatch(/field 'i'/);
    expect(problem(compact('abc', '', 'hi', '1'))).toMatch(/field 'o'/);
    expect(problem(compact('abc', 'n1', 'hi', '0'))).toMatch(/field 'h'/);
    expect(problem(compact('abc', 'n1', 'hi', '1234567'))).toMatch(/field 'h'/);
    expect(problem(compact('abc', 'n1', 'hi', '01'))).toMatch(/not JSON/);
    expect(problem(Buffer.concat([compact('abc', 'n1', 'hi', '1'), Buffer.from('x')]))).toMatch(/not JSON/);
  });

  it('judges compact fields on their bytes exactly as the patterns do', () => {
    const compact = (i: string, o: string, t: string, h: string): Buffer => Buffer.from(`{"i":"${i}","o":"${o}","t":"${t}","h":${h}}`);
    expect(decodeMessage(compact('a'.repeat(64), 'n1', 'hi', '1')).id).toHaveLength(64);
    expect(problem(compact('a'.repeat(65), 'n1', 'hi', '1'))).toMatch(/field 'i'/);
    expect(problem(compact('ab.c', 'n1', 'hi', '1'))).toMatch(/field 'i'/);
    expect(decodeMessage(compact('abc', 'o'.repeat(64), 'hi', '1')).origin).toHaveLength(64);
    expect(problem(compact('abc', 'o'.repeat(65), 'hi', '1'))).toMatch(/field 'o'/);
    expect(decodeMessage(compact('abc', 'a b', 'hi', '1')).origin).toBe('a b');
    expect(problem(compact('abc', 'ab ', 'hi', '1'))).toMatch(/field 'o'/);
    expect(problem(compact('abc', 'a\u007fb', 'hi', '1'))).toMatch(/field 'o'/); // a raw DEL byte
    expect(decodeMessage(compact('abc', 'zoë', 'hi', '1')).origin).toBe('zoë'); // non-ASCII: by the pattern
    expect(problem(compact('abc', 'zoë\u0085', 'hi', '1'))).toMatch(/field 'o'/); // a C1 control (raw UTF-8)
    expect(problem(compact('abc', '\u00a0x', 'hi', '1'))).toMatch(/field 'o'/); // a non-ASCII space at the start
    expect(decodeMessage(compact('abc', 'n1', 'x'.repeat(16_384), '1')).text).toHaveLength(16_384);
    expect(problem(compact('abc', 'n1', 'x'.repeat(16_385), '1'))).toMatch(/field 't'/);
    expect(decodeMessage(compact('abc', 'n1', '✓'.repeat(16_384), '1')).text).toHaveLength(16_384); // 49,152 bytes, 16,384 units
    expect(decodeMessage(compact('abc', 'n1', 'hi', '65535')).hops).toBe(65_535);
    expect(problem(compact('abc', 'n1', 'hi', '65536'))).toMatch(/field 'h'/);
  });
});
