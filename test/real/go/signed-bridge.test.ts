// Signed floodlab nodes (the default: each with a key) beside the real Go node. Gob links skip the
// signed handshake; Go messages pass marked unverified, named by the link's address, and keep their
// 'g' id over JSON links, so a bridge Go -> floodlab -> floodlab -> Go shows every line once at
// every node. A signed message that goes through a Go node and comes back is a duplicate. Under
// --wire json a signed node refuses the Go node.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnverifiedMsg } from '../../../src/real/trust/inbound.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { closeAll, testNode, until, type TestNode } from '../nodes.ts';
import { buildGoNode } from './build-go.ts';
import { startGoNode, stopAllGo, type GoNode } from './go-node.ts';

afterEach(async () => {
  await closeAll();
  await stopAllGo();
});
beforeAll(() => void buildGoNode(), 120_000);

const settle = (ms = 300): Promise<void> => new Promise((r) => setTimeout(r, ms));
const signed = (name: string, wire: 'auto' | 'json' = 'auto'): Promise<TestNode> => testNode(name, { key: generateNodeKey(), wire });

async function dialGo(f: TestNode, go: GoNode): Promise<void> {
  expect(f.node.connect('127.0.0.1', go.port, false, 'gob')).toBe(true);
  await go.waitLine(/^Handling connection: 127\.0\.0\.1:\d+$/);
  await until(() => f.node.peers().some((p) => p.connected && p.wire === 'gob'), 'the gob link up');
  await settle(50);
}

describe('signed floodlab nodes and the real Go node', { timeout: 30_000 }, () => {
  it('bridge Go -> floodlab -> floodlab -> Go: each line once at every node, unverified, its UniqueID kept', async () => {
    const go1 = await startGoNode();
    const go2 = await startGoNode();
    const f1 = await signed('f1');
    const f2 = await signed('f2');
    await go1.connectTo(f1.node.port);
    f1.node.connect('127.0.0.1', f2.node.port);
    await dialGo(f2, go2);
    await until(() => f1.node.stats().connected === 2 && f2.node.stats().connected === 2, 'the bridge (go1 taken for gob after 300 ms)');
    go1.type('from go1');
    await go2.waitLine(/ -> from go1$/);
    go2.type('from go2');
    await go1.waitLine(/ -> from go2$/);
    await until(() => f1.got.length === 2 && f2.got.length === 2, 'both lines at both floodlab nodes');
    await settle();
    // A changed id would bring a Go node its own line back as new: each shows the other's line only.
    expect(go1.received().map((r) => r.text)).toEqual(['from go2']);
    expect(go2.received().map((r) => r.text)).toEqual(['from go1']);
    for (const f of [f1, f2]) {
      expect(f.got.map((m) => m.text).sort()).toEqual(['from go1', 'from go2']);
      for (const m of f.got) {
        expect(m).toBeInstanceOf(UnverifiedMsg);
        expect(m.origin).toMatch(/^127\.0\.0\.1:\d+$/);
        expect(String(m.id)).toMatch(/^g\d+$/);
      }
      // Copies let in: its own Go node's line, the other line over JSON, and that one's echo from the
      // Go node (it sends every new message back to its sender too), a duplicate.
      expect(f.node.stats()).toMatchObject({ unverified: 3, duplicates: 1, unsigned: 0, badSignatures: 0, badFrames: 0 });
    }
    // One message, one id at both floodlab nodes, and one author: the address f1 sees go1 at.
    const byText = (f: TestNode, text: string) => f.got.find((m) => m.text === text)!;
    expect(byText(f2, 'from go1').id).toBe(byText(f1, 'from go1').id);
    expect(byText(f2, 'from go1').origin).toBe(byText(f1, 'from go1').origin);
    expect(byText(f1, 'from go2').origin).toBe(`127.0.0.1:${go2.port}`);
  });

  it('a signed line reaches the Go node and, echoed back under its Go id, is a duplicate', async () => {
    const go = await startGoNode();
    const f = await signed('f');
    await dialGo(f, go);
    f.node.originate('signed, then gob');
    await go.waitLine(/ -> signed, then gob$/);
    await until(() => f.node.stats().duplicates === 1, 'the echo counted as a duplicate');
    expect(f.got).toHaveLength(0);
    // The echo is one copy let in unverified, then found a duplicate of the signed line.
    expect(f.node.stats()).toMatchObject({ unverified: 1, unsigned: 0 });
  });

  it('--wire json: a Go node that dials in is refused, a silent socket is never taken for one, and gob:// is not dialed', async () => {
    const f = await signed('f', 'json');
    const go = await startGoNode();
    await go.connectTo(f.node.port);
    await settle(400); // past the 300 ms after which auto would take it for a Go node
    expect(f.node.peers().map((p) => p.wire)).toEqual(['?']);
    go.type('let me in');
    await until(() => f.logs.some((l) => /takes floodlab's wire only \(--wire json\)/.test(l)), 'the refusal');
    expect(f.node.stats()).toMatchObject({ connected: 0, received: 0 });
    expect(f.got).toHaveLength(0);
    expect(f.node.connect('127.0.0.1', go.port, false, 'gob')).toBe(false);
    expect(f.logs.some((l) => /not dialing gob:\/\//.test(l))).toBe(true);
  });
});
