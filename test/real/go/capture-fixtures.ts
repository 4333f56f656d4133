/**
 * Regenerates the gob fixtures in test/fixtures/gob/ (run by hand: `npx tsx test/real/go/capture-fixtures.ts`).
 * seed-node-lines: the bytes the real Go chat node sent to a plain TCP listener it dialled through
 * its stdin `connect`, while lines were typed into it (one hex line per TCP read); the expected
 * messages are what Go's own decoder (the oracle) reads from those bytes. go-one-encoder and
 * go-fresh-encoders: edge values (negative, zero, ±2^63 limits, 2^53 + 1, empty text) written by
 * Go's encoding/gob with one Encoder for the stream and with a new Encoder per message.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startGoNode } from './go-node.ts';
import { goDecode, goEncode } from './oracle.ts';

const dir = fileURLToPath(new URL('../../fixtures/gob/', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function save(name: string, chunks: Buffer[], messages: Array<{ text: string; id: bigint }>): void {
  writeFileSync(`${dir}${name}.hex`, chunks.map((c) => c.toString('hex')).join('\n') + '\n');
  writeFileSync(`${dir}${name}.expected.jsonl`, messages.map((m) => `{"text":${JSON.stringify(m.text)},"id":"${m.id}"}\n`).join(''));
}

async function captureSeedNode(): Promise<void> {
  const chunks: Buffer[] = [];
  let socket: Socket | undefined;
  const server = createServer((s) => {
    socket = s;
    s.on('data', (c) => chunks.push(c));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const go = await startGoNode();
  try {
    go.type(`connect 127.0.0.1:${port}`);
    while (socket === undefined) await sleep(10);
    for (const line of ['hello', 'hello', 'héllo wörld ✓ 🚀 日本語', '', 'a longer line, with  spaces and punctuation: 1 + 1 = 2!']) {
      go.type(line);
      await sleep(300);
    }
  } finally {
    await go.stop();
    socket?.destroy();
    server.close();
  }
  const bytes = Buffer.concat(chunks);
  save('seed-node-lines', chunks, goDecode(bytes, 'fresh'));
}

const EDGES = [
  { text: 'first', id: 1n },
  { text: 'negative', id: -1n },
  { text: 'zero id', id: 0n },
  { text: '', id: 42n },
  { text: '', id: 0n },
  { text: 'max', id: 2n ** 63n - 1n },
  { text: 'min', id: -(2n ** 63n) },
  { text: 'above 2^53', id: 2n ** 53n + 1n },
  { text: 'first', id: 1n },
  { text: 'x'.repeat(300), id: -129n },
];

await captureSeedNode();
for (const mode of ['one', 'fresh'] as const) {
  const bytes = goEncode(EDGES, mode);
  save(mode === 'one' ? 'go-one-encoder' : 'go-fresh-encoders', [bytes], goDecode(bytes, mode));
}
console.log(`fixtures written to ${dir}`);
