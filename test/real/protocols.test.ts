/**
 * The protocol ladder on real nodes: the same core code as in the simulator, over TCP on
 * 127.0.0.1. Ten nodes wired as the Petersen graph (3-regular, 15 links, diameter 2):
 *
 *        0                 outer cycle 0─1─2─3─4─0, spokes i─(i+5),
 *     4     1              inner star 5─7─9─6─8─5
 *      3   2
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseProtocol } from '../../src/core/protocols/index.ts';
import type { NodeStats } from '../../src/real/node.ts';
import { sumStats } from '../../src/real/wait.ts';
import { closeAll, testNode, until, type TestNode } from './nodes.ts';

const EDGES = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 0],
  [0, 5],
  [1, 6],
  [2, 7],
  [3, 8],
  [4, 9],
  [5, 7],
  [7, 9],
  [9, 6],
  [6, 8],
  [8, 5],
] as const;
const N = 10;
const E = EDGES.length;

async function petersen(protocol: string): Promise<TestNode[]> {
  const p = parseProtocol(protocol);
  const nodes = await Promise.all(Array.from({ length: N }, (_, i) => testNode(`n${i}`, { protocol: p })));
  for (const [a, b] of EDGES) nodes[a]!.node.connect('127.0.0.1', nodes[b]!.node.port);
  await until(() => nodes.every((x) => x.node.stats().connected === 3), 'the Petersen graph');
  return nodes;
}

/** Sends one message from `origin`, waits until everyone has it and every frame is received. */
async function oneMessage(nodes: TestNode[], origin: number, before: NodeStats): Promise<NodeStats> {
  const msg = nodes[origin]!.node.originate(`from n${origin}`);
  let after = before;
  let last = '';
  await until(() => {
    if (!nodes.every((x, i) => i === origin || x.got.some((m) => m.id === msg.id))) return false;
    after = sumStats(nodes.map((x) => x.node.stats()));
    const key = `${after.sent}/${after.received}/${after.controlSent}/${after.controlReceived}`;
    const quiet = after.sent === after.received && after.controlSent === after.controlReceived && key === last;
    last = key;
    return quiet;
  }, `message from n${origin} to reach everyone and go quiet`);
  return after;
}

afterEach(closeAll);

describe('protocols over TCP', () => {
  it('plumtree floods the first message, then sends N−1 payloads and 2(E−N+1) IHAVEs per message', async () => {
    // a long timer: on a loaded machine a payload must never lose the race against a GRAFT
    const nodes = await petersen('plumtree:2000');
    let before = sumStats(nodes.map((x) => x.node.stats()));
    const perMessage: [number, number][] = [];
    for (const origin of [0, 7, 3, 9, 5]) {
      const after = await oneMessage(nodes, origin, before);
      perMessage.push([after.sent - before.sent, after.controlSent - before.controlSent]);
      before = after;
    }
    // first message: every link eager, a flood; each of its 2E − 2(N−1) duplicates sends PRUNE
    expect(perMessage[0]).toEqual([2 * E - (N - 1), 2 * E - 2 * (N - 1)]);
    for (const m of perMessage.slice(1)) expect(m).toEqual([N - 1, 2 * (E - (N - 1))]);
  });

  it('announce sends each payload once, on request', async () => {
    const nodes = await petersen('announce:2000');
    const before = sumStats(nodes.map((x) => x.node.stats()));
    const after = await oneMessage(nodes, 4, before);
    expect(after.sent - before.sent).toBe(N - 1);
    expect(after.duplicates - before.duplicates).toBe(0);
    // N−1 requests plus between E and 2E announcements
    const control = after.controlSent - before.controlSent;
    expect(control).toBeGreaterThanOrEqual(N - 1 + E);
    expect(control).toBeLessThanOrEqual(N - 1 + 2 * E);
  });

  it('ttl:1 reads the hop count: the message reaches the origin’s neighbours only', async () => {
    const nodes = await petersen('ttl:1');
    nodes[0]!.node.originate('near');
    await until(() => [1, 4, 5].every((i) => nodes[i]!.got.length === 1), 'the three neighbours');
    await new Promise((r) => setTimeout(r, 100));
    expect(nodes.map((x) => x.got.length)).toEqual([0, 1, 0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('refuses tree, which needs a configured spanning tree real nodes do not have', async () => {
    await expect(testNode('t', { protocol: parseProtocol('tree') })).rejects.toThrow(/real node: protocol 'tree' needs tree/);
  });
});
