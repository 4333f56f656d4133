/**
 * RealNode as a Port: counting is the transport's (sends, receipts, duplicates, bytes), link
 * slots are stable and reused, and a node will not link to itself.
 *
 *   a ── b
 *    \  /      a triangle: one message from a under flood = 2E − (N−1) = 6 − 2 = 4 sends,
 *     c        of which 4 − 2 = 2 arrive as duplicates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, testNode, until } from './nodes.ts';

afterEach(closeAll);

describe('RealNode', () => {
  it('counts sends, receipts, duplicates and bytes on a triangle', async () => {
    const [a, b, c] = await Promise.all([testNode('a'), testNode('b'), testNode('c')]);
    a.node.connect('127.0.0.1', b.node.port);
    b.node.connect('127.0.0.1', c.node.port);
    c.node.connect('127.0.0.1', a.node.port);
    await until(() => [a, b, c].every((x) => x.node.stats().connected === 2), 'the triangle');
    a.node.originate('hi');
    await until(() => [a, b, c].reduce((s, x) => s + x.node.stats().received, 0) === 4, 'four receipts');
    const all = [a, b, c].map((x) => x.node.stats());
    expect(all.reduce((s, x) => s + x.sent, 0)).toBe(4);
    expect(all.reduce((s, x) => s + x.duplicates, 0)).toBe(2);
    expect(all.map((x) => x.delivered)).toEqual([1, 1, 1]);
    expect(all.reduce((s, x) => s + x.bytesOut, 0)).toBe(all.reduce((s, x) => s + x.bytesIn, 0));
    expect(b.got[0]).toMatchObject({ origin: 'a', text: 'hi' });
  });

  it('keeps link numbers stable when a peer leaves, and reuses the empty slot', async () => {
    const [a, b, c, d] = await Promise.all([testNode('a'), testNode('b'), testNode('c'), testNode('d')]);
    a.node.connect('127.0.0.1', b.node.port);
    a.node.connect('127.0.0.1', c.node.port);
    await until(() => a.node.stats().connected === 2, 'two links');
    const toC = a.node.peers().find((p) => p.remote.endsWith(`:${c.node.port}`))!;
    expect(toC.link).toBe(1);
    await b.node.close();
    await until(() => a.node.stats().peers === 1, 'b to go');
    expect(a.node.links).toBe(2); // slot 0 is empty, c keeps link 1
    expect(a.node.peers().map((p) => p.link)).toEqual([1]);
    a.node.connect('127.0.0.1', d.node.port);
    expect(a.node.peers().find((p) => p.remote.endsWith(`:${d.node.port}`))!.link).toBe(0);
  });

  it('two nodes that dial each other at once keep one link between them, the same one on both sides', async () => {
    const [a, b] = await Promise.all([testNode('a'), testNode('b')]);
    a.node.connect('127.0.0.1', b.node.port);
    b.node.connect('127.0.0.1', a.node.port);
    await until(() => a.node.stats().peers === 1 && b.node.stats().peers === 1 && a.node.stats().connected === 1 && b.node.stats().connected === 1, 'one link each');
    // the kept link is the one dialed by the node with the lower port
    const lower = a.node.port < b.node.port ? a : b;
    expect(lower.node.peers().map((p) => p.direction)).toEqual(['out']);
    a.node.originate('once');
    await until(() => b.got.length === 1, 'b to get it');
    await new Promise((r) => setTimeout(r, 50));
    expect([a.node.stats().sent, b.node.stats().received, b.node.stats().duplicates]).toEqual([1, 1, 0]);
  });

  it('will not link to itself', async () => {
    const a = await testNode('a');
    a.node.connect('127.0.0.1', a.node.port);
    expect(a.node.stats().peers).toBe(0);
    expect(a.logs.at(-1)).toMatch(/is this node itself/);
  });
});
