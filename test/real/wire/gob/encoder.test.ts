// The encoder writes what Go's encoding/gob writes, byte for byte (compared with streams Go wrote),
// and round-trips through the decoder with exact ids.
import { describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage, encodeGobStream, encodeGobValue, MESSAGE_DEFINITION } from '../../../../src/real/wire/gob/encoder.ts';
import { gobIdToDecimal, parseGobId, type GobMessage } from '../../../../src/real/wire/gob/message.ts';
import { fixtureChunks, fixtureExpected } from './fixtures.ts';

describe('gob encoder', () => {
  it('the Message definition is the 44 bytes Go sends first (count 0x2b, then 43)', () => {
    expect(MESSAGE_DEFINITION.length).toBe(1 + 0x2b);
    const goFirst = fixtureChunks('seed-node-lines')[0]!;
    expect(goFirst.subarray(0, 44).equals(MESSAGE_DEFINITION)).toBe(true);
  });

  it('a fresh stream per message equals what Go wrote with a new Encoder per message', () => {
    const go = Buffer.concat(fixtureChunks('go-fresh-encoders'));
    const ours = Buffer.concat(fixtureExpected('go-fresh-encoders').map((m) => encodeGobMessage(m)));
    expect(ours.toString('hex')).toBe(go.toString('hex'));
  });

  it('one stream equals what one Go Encoder wrote', () => {
    const go = Buffer.concat(fixtureChunks('go-one-encoder'));
    expect(encodeGobStream(fixtureExpected('go-one-encoder')).toString('hex')).toBe(go.toString('hex'));
  });

  it("the seed node's captured lines: our bytes for its messages are its bytes", () => {
    const go = Buffer.concat(fixtureChunks('seed-node-lines'));
    const ours = Buffer.concat(fixtureExpected('seed-node-lines').map((m) => encodeGobMessage(m)));
    expect(ours.equals(go)).toBe(true);
  });

  it('leaves out zero fields: empty text and id 0 is the bare terminator', () => {
    expect(encodeGobValue({ text: '', id: 0n }).toString('hex')).toBe('03ff8200');
    expect(encodeGobValue({ text: 'a', id: 0n }).toString('hex')).toBe('06ff8201016100');
    expect(encodeGobValue({ text: '', id: 3n }).toString('hex')).toBe('05ff82020600');
  });

  it('round-trips ids at and beyond 2^53 and negative ids exactly', () => {
    const messages: GobMessage[] = [2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), -2n].map((id, k) => ({ text: `m${k}`, id }));
    const got: GobMessage[] = [];
    const dec = new GobDecoder((m) => got.push(m));
    for (const m of messages) dec.push(encodeGobMessage(m));
    expect(got).toEqual(messages);
  });

  it("refuses an id outside Go's int and a Text over the limit", () => {
    expect(() => encodeGobMessage({ text: 'x', id: 2n ** 63n })).toThrow(expect.objectContaining({ code: 'ERR_GOB_ID_RANGE' }));
    expect(() => encodeGobMessage({ text: 'x'.repeat(11), id: 1n }, 10)).toThrow(/Text of 11 bytes is over the limit of 10/);
  });

  it('decimal ids: exact both ways, and bad strings refused', () => {
    expect(gobIdToDecimal(2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(parseGobId('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseGobId('9007199254740993')).toBe(9007199254740993n);
    for (const bad of ['9223372036854775808', '01', '1e3', '', '-', ' 1', '12345678901234567890']) {
      expect(() => parseGobId(bad), bad).toThrow(expect.objectContaining({ code: 'ERR_GOB_ID_RANGE' }));
    }
  });
});
