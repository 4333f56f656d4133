/**
 * Test helper: the gob fixtures in test/fixtures/gob/ (made by test/real/go/capture-fixtures.ts):
 * a stream as the TCP reads it arrived in (one hex line each) and the messages Go's own decoder
 * read from it (ids as decimal strings, read here as bigints).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../fixtures/gob/', import.meta.url));

export const FIXTURES = ['seed-node-lines', 'go-one-encoder', 'go-fresh-encoders'] as const;

export function fixtureChunks(name: (typeof FIXTURES)[number]): Buffer[] {
  return readFileSync(`${dir}${name}.hex`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Buffer.from(line, 'hex'));
}

export function fixtureExpected(name: (typeof FIXTURES)[number]): Array<{ text: string; id: bigint }> {
  return readFileSync(`${dir}${name}.expected.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = JSON.parse(line) as { text: string; id: string };
      return { text: m.text, id: BigInt(m.id) };
    });
}

/** A small seeded generator (mulberry32) for split points: the same splits every run. */
export function splitRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
