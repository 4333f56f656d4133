// Our gob codec against Go's own encoding/gob (the oracle) on 200 seeded messages: ids over the
// whole int64 range, texts of every length class and script, empty ones included, both ways.
import { beforeAll, describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage, encodeGobStream } from '../../../src/real/wire/gob/encoder.ts';
import type { GobMessage } from '../../../src/real/wire/gob/message.ts';
import { splitRng } from '../wire/gob/fixtures.ts';
import { buildGobOracle } from './build-go.ts';
import { goDecode, goEncode } from './oracle.ts';

const ALPHABET = ['a', 'Z', ' ', '0', 'é', 'ß', '✓', '日', '🚀', '"', '\\', '\t'];

function seededMessages(n: number): GobMessage[] {
  const rng = splitRng(2026);
  const out: GobMessage[] = [];
  for (let k = 0; k < n; k++) {
    let id = 0n;
    for (let b = 0; b < 8; b++) id = (id << 8n) | BigInt(Math.floor(rng() * 256));
    id = BigInt.asIntN(64, id >> BigInt(Math.floor(rng() * 64))); // every magnitude, both signs
    if (k % 17 === 0) id = 0n;
    const length = k % 13 === 0 ? 0 : Math.floor(rng() * (k % 5 === 0 ? 400 : 20));
    const text = Array.from({ length }, () => ALPHABET[Math.floor(rng() * ALPHABET.length)]).join('');
    out.push({ text, id });
  }
  return out;
}

beforeAll(() => void buildGobOracle(), 120_000);

describe("gob codec against Go's encoding/gob", () => {
  const messages = seededMessages(200);

  it('the seeded set covers negative ids, zero ids, ids beyond 2^53 and empty texts', () => {
    expect(messages.some((m) => m.id < -(2n ** 53n))).toBe(true);
    expect(messages.some((m) => m.id > 2n ** 53n)).toBe(true);
    expect(messages.filter((m) => m.id === 0n).length).toBe(12);
    expect(messages.filter((m) => m.text === '').length).toBeGreaterThanOrEqual(16);
  });

  it('Go reads what we write: a fresh stream per message, and one stream', () => {
    expect(goDecode(Buffer.concat(messages.map((m) => encodeGobMessage(m))), 'fresh')).toEqual(messages);
    expect(goDecode(encodeGobStream(messages), 'one')).toEqual(messages);
  });

  it('we read what Go writes, and write the same bytes', () => {
    for (const mode of ['fresh', 'one'] as const) {
      const bytes = goEncode(messages, mode);
      const got: GobMessage[] = [];
      const dec = new GobDecoder((m) => got.push(m));
      dec.push(bytes);
      dec.end();
      expect(got).toEqual(messages);
      const ours = mode === 'fresh' ? Buffer.concat(messages.map((m) => encodeGobMessage(m))) : encodeGobStream(messages);
      expect(ours.equals(bytes)).toBe(true);
    }
  });
});
