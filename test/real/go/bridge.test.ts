// floodlab nodes and the real Go chat node on one network: floodlab dials Go (gob://), Go dials
// floodlab (recognised by its silence), chains both ways, repeated texts, ids beyond 2^53 kept
// exact end to end, and a burst paced so the Go node shows every line.
import { connect, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage } from '../../../src/real/wire/gob/encoder.ts';
import type { GobMessage } from '../../../src/real/wire/gob/message.ts';
import { closeAll, testNode, until, type TestNode } from '../nodes.ts';
import { buildGoNode } from './build-go.ts';
import { startGoNode, stopAllGo, type GoNode } from './go-node.ts';

const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await closeAll();
  await stopAllGo();
});
beforeAll(() => void buildGoNode(), 120_000);

const texts = (t: TestNode): string[] => t.got.map((m) => m.text);
const settle = (ms = 300): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** floodlab node `f` dials Go node `go` over gob and waits until the Go node has the link listed. */
async function dialGo(f: TestNode, go: GoNode): Promise<void> {
  expect(f.node.connect('127.0.0.1', go.port, false, 'gob')).toBe(true);
  await go.waitLine(/^Handling connection: 127\.0\.0\.1:\d+$/);
  await until(() => f.node.peers().some((p) => p.connected && p.wire === 'gob'), 'the gob link up');
  await settle(50); // the Go node prints "Handling connection" just before it adds the link
}

describe('floodlab and the real Go node', { timeout: 30_000 }, () => {
  it("floodlab dials a Go node: lines pass both ways, shown once, a Go line by the link's address", async () => {
    const go = await startGoNode();
    const f = await testNode('f');
    await dialGo(f, go);
    f.node.originate('hello from floodlab');
    await go.waitLine(/ -> hello from floodlab$/);
    go.type('hello from go');
    await until(() => f.got.length === 1, 'the Go line at floodlab');
    expect(f.got[0]).toMatchObject({ origin: `127.0.0.1:${go.port}`, text: 'hello from go' });
    expect(f.got[0]!.id).toMatch(/^g\d+$/);
    await settle();
    // The Go node sends every new message back to its sender too: floodlab knows it and shows nothing more.
    expect(texts(f)).toEqual(['hello from go']);
    expect(go.count(/ -> hello from floodlab$/)).toBe(1);
  });

  it('a Go node dials floodlab: silent, it is taken for gob after 300 ms; a line sent meanwhile is queued, not lost', async () => {
    const f = await testNode('f');
    const go = await startGoNode();
    go.type(`connect 127.0.0.1:${f.node.port}`);
    await until(() => f.node.peers().length === 1, 'the inbound link');
    f.node.originate('sent while the wire was unknown');
    expect(f.node.peers()[0]!.wire).toBe('?');
    await go.waitLine(/ -> sent while the wire was unknown$/);
    expect(f.node.peers()[0]!.wire).toBe('gob');
    go.type('typed at go');
    await until(() => f.got.length === 1, 'the Go line');
    expect(f.got[0]).toMatchObject({ text: 'typed at go' });
    expect(f.got[0]!.origin).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('chain Go -> floodlab -> Go: lines pass both ways and show once at every node (ids kept, or a Go node would show its own line)', async () => {
    const go1 = await startGoNode();
    const go2 = await startGoNode();
    const f = await testNode('f');
    await go1.connectTo(f.node.port);
    await dialGo(f, go2);
    await settle(400); // go1's link: silent, so gob after 300 ms
    go1.type('from go1');
    await go2.waitLine(/ -> from go1$/);
    go2.type('from go2');
    await go1.waitLine(/ -> from go2$/);
    await until(() => f.got.length === 2, 'both at floodlab');
    await settle();
    expect(go1.received().map((r) => r.text)).toEqual(['from go2']);
    expect(go2.received().map((r) => r.text)).toEqual(['from go1']);
    expect(texts(f).sort()).toEqual(['from go1', 'from go2']);
  });

  it('chain floodlab -> Go -> floodlab: lines pass both ways and show once at every node', async () => {
    const go = await startGoNode();
    const f1 = await testNode('f1');
    const f2 = await testNode('f2');
    await dialGo(f1, go);
    await dialGo(f2, go);
    f1.node.originate('from f1');
    await until(() => f2.got.length === 1, 'f1 line at f2');
    f2.node.originate('from f2');
    await until(() => f1.got.length === 1, 'f2 line at f1');
    await settle();
    expect(texts(f1)).toEqual(['from f2']);
    expect(texts(f2)).toEqual(['from f1']);
    expect(f2.got[0]!.origin).toBe(`127.0.0.1:${go.port}`);
    expect(
      go
        .received()
        .map((r) => r.text)
        .sort(),
    ).toEqual(['from f1', 'from f2']);
  });

  it('the same text twice shows twice, both ways', async () => {
    const go = await startGoNode();
    const f = await testNode('f');
    await dialGo(f, go);
    go.type('again');
    go.type('again');
    f.node.originate('twice');
    f.node.originate('twice');
    await go.waitCount(/ -> twice$/, 2);
    await until(() => f.got.length === 2, 'both lines at floodlab');
    await settle();
    expect(texts(f)).toEqual(['again', 'again']);
    expect(go.count(/ -> twice$/)).toBe(2);
  });

  it('an id beyond 2^53 crosses gob -> floodlab -> JSON -> floodlab -> gob to the real Go node exact', async () => {
    const f1 = await testNode('f1');
    const f2 = await testNode('f2');
    const go = await startGoNode();
    f2.node.connect('127.0.0.1', f1.node.port);
    await dialGo(f2, go);
    // A second plain gob socket on the Go node sees what it relays (it sends new messages to every link).
    const watch = connect(go.port, '127.0.0.1');
    sockets.push(watch);
    const seen: GobMessage[] = [];
    const decoder = new GobDecoder((m) => seen.push(m));
    watch.on('data', (c) => decoder.push(c));
    await go.waitCount(/^Handling connection/, 2);
    await settle(50);
    // A gob peer of f1 writes a message with a 63-bit id that a double cannot hold.
    const id = 2n ** 63n - 7n;
    const source = connect(f1.node.port, '127.0.0.1');
    sockets.push(source);
    source.setNoDelay(true);
    await new Promise<void>((r) => source.once('connect', () => r()));
    source.write(encodeGobMessage({ text: 'big id', id }));
    await until(() => seen.length === 1, 'the message at the Go node', 8000);
    expect(seen[0]).toEqual({ text: 'big id', id });
    expect(f2.got[0]!.id).toBe(`g${id}`);
    await go.waitLine(/ -> big id$/);
  });

  it("a burst of 200 lines from floodlab, paced on the Go node's echoes, reaches it whole and in order", async () => {
    const go = await startGoNode();
    const f = await testNode('f');
    await dialGo(f, go);
    for (let k = 0; k < 200; k++) f.node.originate(`burst ${k}`);
    await go.waitCount(/ -> burst \d+$/, 200, 20_000);
    expect(go.received().map((r) => r.text)).toEqual(Array.from({ length: 200 }, (_, k) => `burst ${k}`));
  });
});
