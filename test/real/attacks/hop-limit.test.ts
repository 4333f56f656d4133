/**
 * Attack: one frame with hop count 65,535 (the codec's limit). Before the fix a node forwarded
 * it as 65,536, every neighbour closed the link as a bad frame, and five frames left a 5-node
 * chain with 0 links. Now the node delivers it and forwards nothing past the limit.
 *
 *   n0 ── n1 ── n2 ── n3 ── n4      (unsigned nodes: a raw socket may speak to them)
 *    ▲     ▲     ▲     ▲     ▲
 *    └─────┴─────┴─────┴─────┴──── one raw socket each, one 47-byte frame each
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../src/real/frame.ts';
import { closeAll, testNode, until } from '../nodes.ts';
import { cleanup, rawSocket } from './attacker.ts';

afterEach(async () => {
  cleanup();
  await closeAll();
});

describe('attack: a frame at the hop limit', () => {
  it('is delivered once and never forwarded; all four links of the chain survive and chat flows', async () => {
    const nodes = await Promise.all([0, 1, 2, 3, 4].map((i) => testNode(`n${i}`)));
    for (let i = 0; i < 4; i++) nodes[i]!.node.connect('127.0.0.1', nodes[i + 1]!.node.port);
    await until(() => nodes.reduce((s, n) => s + n.node.stats().connected, 0) === 8, 'the chain');
    for (const [i, n] of nodes.entries()) {
      const evil = rawSocket(n.node.port);
      await evil.connected;
      const body = Buffer.from(`{"i":"hp${i}","o":"mallory","t":"x","h":65535}`);
      expect(encodeFrame(body).length).toBe(47);
      evil.socket.write(encodeFrame(body));
    }
    await until(() => nodes.every((n) => n.node.stats().hopLimited === 1), 'each node to hold back its frame');
    await new Promise((r) => setTimeout(r, 100));
    for (const [i, n] of nodes.entries()) {
      expect(n.got.map((m) => m.id)).toEqual([`hp${i}`]); // its own attacker's frame only: nothing was forwarded
      expect(n.node.stats().badFrames).toBe(0);
    }
    expect(nodes.reduce((s, n) => s + n.node.stats().connected, 0)).toBe(8 + 5); // 4 links × 2 ends + 5 attackers
    nodes[0]!.node.originate('still linked');
    await until(() => nodes[4]!.got.some((m) => m.text === 'still linked'), 'chat end to end');
  });
});
