// Telling the wires apart from the first bytes: floodlab's JSON frames vs a Go gob stream.
import { describe, expect, it } from 'vitest';
import { encodeTextFrame } from '../../../../src/real/frame.ts';
import { DETECT_BYTES, detectWire } from '../../../../src/real/wire/gob/detect.ts';
import { encodeGobMessage } from '../../../../src/real/wire/gob/encoder.ts';
import { fixtureChunks } from './fixtures.ts';

/** The answers for every prefix of `bytes`, from 0 bytes to all. */
const prefixes = (bytes: Buffer): string[] => Array.from({ length: bytes.length + 1 }, (_, n) => detectWire(bytes.subarray(0, n)));

describe('detectWire', () => {
  it('a stream the Go node sent is gob once its first 4 bytes are in, and more before', () => {
    const go = fixtureChunks('seed-node-lines')[0]!; // 2b ff 81 03 ...
    expect(prefixes(go.subarray(0, 6))).toEqual(['more', 'more', 'more', 'more', 'gob', 'gob', 'gob']);
  });

  it("our encoder's stream is gob too", () => {
    expect(detectWire(encodeGobMessage({ text: 'x', id: 1n }))).toBe('gob');
  });

  it('a JSON frame is json once its fifth byte, `{`, is in', () => {
    const frame = encodeTextFrame('{"hello":"n1"}');
    expect(prefixes(frame.subarray(0, 6))).toEqual(['more', 'more', 'more', 'more', 'more', 'json', 'json']);
  });

  it('neither: garbage, a gob value without a definition, text, an oversized or non-object frame', () => {
    expect(detectWire(Buffer.from('GET / HTTP/1.1\r\n'))).toBe('unknown');
    expect(detectWire(Buffer.from('07ff82012c014200', 'hex'))).toBe('unknown'); // a value first: never how a stream starts
    expect(detectWire(Buffer.from('00010001', 'hex'))).toBe('unknown'); // 65537 bytes: over the frame limit
    expect(detectWire(encodeTextFrame('[1,2]'))).toBe('unknown');
    expect(detectWire(Buffer.from('80', 'hex'))).toBe('unknown'); // a count of 128 bytes
    expect(detectWire(Buffer.from('2bff8108', 'hex'))).toBe('unknown'); // wireType has no field 7
  });

  it('answers within DETECT_BYTES for the longest counts and ids', () => {
    const longest = Buffer.from('f8000000000000002bf8ffffffffffffff7f03', 'hex'); // 8-byte count, 8-byte id
    expect(longest.length).toBe(DETECT_BYTES);
    expect(detectWire(longest.subarray(0, DETECT_BYTES - 1))).toBe('more');
    expect(detectWire(longest)).toBe('gob');
  });
});
