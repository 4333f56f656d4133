// The gob codec against the real Go chat node (built from test/fixtures/seed-go): what we write, it
// shows; what it sends, we read, ids exact; paced writes reach it whole where plain writes do not.
import { connect, createServer, Server, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage } from '../../../src/real/wire/gob/encoder.ts';
import type { GobMessage } from '../../../src/real/wire/gob/message.ts';
import { PacedWriter } from '../../../src/real/wire/gob/pace.ts';
import { until } from '../nodes.ts';
import { buildGoNode } from './build-go.ts';
import { startGoNode, stopAllGo, type GoNode } from './go-node.ts';

/** A plain socket on a Go node: decodes what it sends, writes through a PacedWriter or directly. */
interface RawLink {
  readonly socket: Socket;
  readonly got: GobMessage[];
  readonly pacer: PacedWriter;
  /** The address the Go node shows our messages from. */
  readonly address: string;
}

const open: Array<Socket | Server> = [];

function attach(socket: Socket): RawLink {
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  const got: GobMessage[] = [];
  const pacer = new PacedWriter((bytes) => socket.write(bytes));
  const decoder = new GobDecoder((m) => (got.push(m), pacer.received(m.id)));
  socket.on('data', (chunk) => decoder.push(chunk));
  open.push(socket);
  return { socket, got, pacer, address: `127.0.0.1:${socket.localPort}` };
}

async function dial(go: GoNode): Promise<RawLink> {
  const socket = connect(go.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const link = attach(socket);
  await go.waitLine(new RegExp(`^Handling connection: ${link.address}$`));
  await new Promise((r) => setTimeout(r, 50)); // it prints that line just before adding the link
  return link;
}

/** A plain listener the Go node dials through its stdin `connect`; resolves with the accepted link. */
async function dialledBy(go: GoNode): Promise<RawLink> {
  let accepted: RawLink | undefined;
  const server = createServer((s) => (accepted = attach(s)));
  open.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await go.connectTo((server.address() as { port: number }).port);
  await until(() => accepted !== undefined, 'the Go node to dial in', 8000);
  return accepted!;
}

const send = (link: RawLink, text: string, id: bigint): boolean => link.pacer.send(encodeGobMessage({ text, id }), id);

afterEach(async () => {
  for (const x of open.splice(0)) x instanceof Server ? x.close() : x.destroy();
  await stopAllGo();
});

beforeAll(() => void buildGoNode(), 120_000);

describe('the real Go node and the gob codec', { timeout: 30_000 }, () => {
  it('shows a message we wrote, from our address, and sends it back with the same id above 2^53', async () => {
    const go = await startGoNode();
    const link = await dial(go);
    const id = 2n ** 63n - 12_345n;
    send(link, 'hello from floodlab', id);
    await go.waitLine(new RegExp(`^${link.address} -> hello from floodlab$`));
    await until(() => link.got.length === 1, 'the echo');
    expect(link.got).toEqual([{ text: 'hello from floodlab', id }]);
  });

  it('tells ids apart that a double cannot, and drops an id it has seen, so ids reach Go exact', async () => {
    const go = await startGoNode();
    const link = await dial(go);
    const one = 2n ** 60n + 1n;
    const two = 2n ** 60n + 2n;
    expect(Number(one)).toBe(Number(two));
    send(link, 'one', one);
    send(link, 'two', two);
    await until(() => link.got.length === 2, 'both echoes');
    // The id of "one" again, written past the pacer (which would skip an id the peer sent): the Go node drops it.
    link.socket.write(encodeGobMessage({ text: 'three', id: one }));
    await new Promise((r) => setTimeout(r, 100));
    send(link, 'four', -5n);
    await go.waitLine(/ -> four$/);
    expect(go.received().map((r) => r.text)).toEqual(['one', 'two', 'four']);
  });

  it('the same text twice shows twice; unicode and empty text show as sent', async () => {
    const go = await startGoNode();
    const link = await dial(go);
    const texts = ['same', 'same', 'héllo wörld ✓ 🚀 日本語', ''];
    texts.forEach((t, k) => send(link, t, 10_000_000_000_000_000n + BigInt(k)));
    await go.waitCount(/ -> /, 4);
    expect(go.received()).toEqual(texts.map((text) => ({ from: link.address, text })));
  });

  it('a line typed into a Go node that dialled us decodes to that text; a second Go node relays the same id', async () => {
    const a = await startGoNode();
    const b = await startGoNode();
    const fromA = await dialledBy(a);
    const fromB = await dialledBy(b);
    await a.connectTo(b.port);
    a.type('typed into the Go node');
    await b.waitLine(/ -> typed into the Go node$/);
    await until(() => fromA.got.length === 1 && fromB.got.length === 1, 'the line at both listeners');
    expect(fromA.got[0]!.text).toBe('typed into the Go node');
    expect(fromB.got[0]).toEqual(fromA.got[0]);
  });

  it('plain back-to-back writes lose messages at the Go node; paced on its echo, a burst of 300 arrives whole and in order', async () => {
    const plain = await startGoNode();
    const raw = await dial(plain);
    for (let k = 0; k < 300; k++) raw.socket.write(encodeGobMessage({ text: `p${k}`, id: BigInt(k + 1) }));
    await new Promise((r) => setTimeout(r, 500));
    expect(plain.count(/ -> p\d+$/)).toBeLessThan(300);

    const go = await startGoNode();
    const link = await dial(go);
    for (let k = 0; k < 300; k++) expect(send(link, `m${k}`, 2n ** 62n + BigInt(k))).toBe(true);
    await go.waitCount(/ -> m\d+$/, 300, 20_000);
    expect(go.received().map((r) => r.text)).toEqual(Array.from({ length: 300 }, (_, k) => `m${k}`));
    await until(() => link.got.length === 300, 'all 300 echoes');
    expect(link.pacer.dropped).toBe(0);
  });
});
