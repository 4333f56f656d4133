/**
 * Nodes with keys: links come up only after the signed handshake, messages are signed and
 * verified, and an unsigned node cannot join a signed one.
 *
 *   a ── b ── c     a chain under flood: one message from a is 2 sends (a→b, b→c), each verified once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import type { SignedMsg } from '../../../src/real/trust/signed.ts';
import { closeAll, testNode, until } from '../nodes.ts';

afterEach(closeAll);

describe('signed nodes', () => {
  it('a chain of three passes signed messages, each shown with its author key', async () => {
    const keys = [generateNodeKey(), generateNodeKey(), generateNodeKey()];
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n, i) => testNode(n, { key: keys[i]! })));
    a!.node.connect('127.0.0.1', b!.node.port);
    b!.node.connect('127.0.0.1', c!.node.port);
    await until(() => a!.node.stats().connected === 1 && b!.node.stats().connected === 2 && c!.node.stats().connected === 1, 'the chain');
    a!.node.originate('signed hello');
    await until(() => c!.got.length === 1, 'c gets it');
    const got = c!.got[0] as SignedMsg;
    expect(got).toMatchObject({ origin: 'a', text: 'signed hello', key: keys[0]!.id });
    expect(got.id).toHaveLength(22);
    const all = [a!, b!, c!].map((x) => x.node.stats());
    expect(all.reduce((s, x) => s + x.sent, 0)).toBe(2);
    expect(all.reduce((s, x) => s + x.badSignatures + x.stale + x.unsigned + x.badFrames, 0)).toBe(0);
  });

  it('the same text authored twice in one millisecond is two messages, and both arrive', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((n) => testNode(n, { key: generateNodeKey() })));
    a!.node.connect('127.0.0.1', b!.node.port);
    await until(() => a!.node.stats().connected === 1 && b!.node.stats().connected === 1, 'the link');
    // A signed id is a hash of (key, name, text, time in ms): equal times must not make equal ids.
    const ids = Array.from({ length: 5 }, () => String(a!.node.originate('same again').id));
    expect(new Set(ids).size).toBe(5);
    await until(() => b!.got.length === 5, 'b gets all five');
    expect(b!.got.map((m) => String(m.id)).sort()).toEqual([...ids].sort());
    expect(b!.node.stats().stale + b!.node.stats().duplicates).toBe(0);
  });

  it('an unsigned node never gets a link to a signed one up, and its message is not shown', async () => {
    const signed = await testNode('s', { key: generateNodeKey() });
    const plain = await testNode('p');
    plain.node.connect('127.0.0.1', signed.node.port);
    plain.node.originate('let me in');
    await until(() => signed.logs.some((l) => /before the handshake finished/.test(l)), 'the refusal');
    expect(signed.node.stats().connected).toBe(0);
    expect(signed.got).toHaveLength(0);
  });

  it('a connection that never finishes its handshake is closed at the timeout', async () => {
    const signed = await testNode('s', { key: generateNodeKey(), limits: { handshakeTimeoutMs: 200 } });
    const plain = await testNode('p');
    plain.node.connect('127.0.0.1', signed.node.port);
    await until(() => signed.logs.some((l) => /no handshake within 200 ms/.test(l)), 'the timeout');
    expect(signed.node.stats().peers).toBe(0);
  });
});
