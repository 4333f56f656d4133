/**
 * Real nodes build and heal their network (issue 12, item 7): 12 nodes on 127.0.0.1, each started
 * with only the entry's address, all reach K links by the core membership protocol over TCP and a
 * chat line reaches all 12. Then 4 are killed, the entry among them: within 10 s the 8 survivors
 * are connected again, each back at K links (blog; HyParView: 1 to K), and a line reaches every survivor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hyparview } from '../../../src/core/membership/hyparview.ts';
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import type { HvState } from '../../../src/core/membership/hyparview-params.ts';
import { startMemberNode, type MemberNode, type MembershipSpec } from '../../../src/real/membership/start.ts';
import { connected, startMembers, until, type Members } from './members.ts';

const N = 12;
// K = 4: with K = 3 a late joiner whose three neighbours are all among the four killed knows no
// live address (it joined last, so no request passed it) and stays alone: the blog rule's stranding
// (docs/membership.md), seen once in a full-suite run. With K = 4 all four must be its neighbours.
const K = 4;
const KILLED = [0, 3, 6, 9]; // the entry among them
// HyParView repairs from the passive view, which shuffles fill. Killed as soon as the links were
// in place, the survivors stayed apart for good in 2 runs of 24 (a pair at 1 link each beside a
// full 6; two cliques of 4): no live address outside their part was known. So its network is
// settled when each node knows 8 of the other 11 addresses (active or passive): then at least 4
// live ones, more than its own clique of 4 could hold.
const KNOWN = 8;

/** Distinct addresses a HyParView node knows: its active and passive views. */
const hyparviewKnows = (x: MemberNode): number => new Set([...x.membership.peers(), ...(x.membership.state as HvState).passive]).size;

let members: Members | undefined;
afterEach(async () => {
  await members?.close();
  members = undefined;
});

interface Grown {
  /** Links each node must have before the kill. */
  readonly links: (links: number) => boolean;
  /** Addresses (other than its own) each node must know before the kill. */
  readonly knows?: (x: MemberNode) => number;
}

async function growKillRepair(spec: Omit<MembershipSpec, 'join'>, signed: boolean, grown: Grown, atK: (links: number) => boolean = grown.links): Promise<void> {
  const m = (members = await startMembers(N, spec, signed));
  const degrees = (): number[] => m.nodes.map((x) => x.membership.peers().length);
  const known = (): number[] => (grown.knows ? m.nodes.map(grown.knows) : []);
  const settled = await until(() => degrees().every(grown.links) && known().every((k) => k >= KNOWN) && connected(m.nodes), 20_000);
  expect(settled, `degrees ${degrees().join(' ')}, known ${known().join(' ')}\n${m.lines.slice(-20).join('\n')}`).toBe(true);

  const first = String(m.nodes[5]!.node.originate('hello all').id);
  expect(await until(() => m.got.every((g) => g.has(first)), 5_000), 'the first line reaches all 12').toBe(true);

  for (const i of KILLED) await m.kill(i);
  const live = m.nodes.filter((_, i) => !KILLED.includes(i));
  const liveGot = m.got.filter((_, i) => !KILLED.includes(i));
  const started = Date.now();
  const liveDegrees = (): number[] => live.map((x) => x.membership.peers().length);
  const repaired = await until(() => liveDegrees().every(atK) && connected(live), 10_000);
  expect(repaired, `after the kill: degrees ${liveDegrees().join(' ')}\n${m.lines.slice(-20).join('\n')}`).toBe(true);
  expect(Date.now() - started).toBeLessThanOrEqual(10_500);

  const second = String(live[2]!.node.originate('after the kill').id);
  expect(await until(() => liveGot.every((g) => g.has(second)), 5_000), 'the second line reaches every survivor').toBe(true);
  // No link to a killed node is left, and no node has two links to one peer.
  for (const x of live) {
    const peers = x.membership.peers();
    expect(new Set(peers).size).toBe(peers.length);
    for (const i of KILLED) expect(peers).not.toContain(`127.0.0.1:${m.nodes[i]!.node.port}`);
  }
}

describe('a restarted node', () => {
  it('rejoins by itself on the same address, and the others link to it again', async () => {
    const m = (members = await startMembers(5, { overlay: 'blog', want: 2 }, false));
    expect(await until(() => m.nodes.every((x) => x.membership.peers().length >= 2), 15_000)).toBe(true);
    const port = m.nodes[3]!.node.port;
    await m.kill(3);
    const again = await startMemberNode({ name: 'n3', protocol: parseProtocol('flood'), port }, { overlay: 'blog', want: 2, join: `127.0.0.1:${m.nodes[0]!.node.port}` });
    try {
      expect(again.node.port).toBe(port);
      const linkedBack = (): boolean =>
        again.membership.peers().length >= 2 && again.membership.peers().every((p) => m.nodes.some((x) => x.membership.peers().includes(`127.0.0.1:${port}`) && p === `127.0.0.1:${x.node.port}`));
      expect(await until(linkedBack, 10_000), again.membership.peers().join(' ')).toBe(true);
    } finally {
      await again.close();
    }
  }, 40_000);
});

describe('real nodes join through one entry and repair after a kill', () => {
  it(`blog, signed links: ${N} nodes reach K = ${K}; the survivors of 4 kills repair within 10 s`, async () => {
    await growKillRepair({ overlay: 'blog', want: K }, true, { links: (d) => d >= K });
  }, 60_000);

  // HyParView promises connectivity and at most K, not K everywhere: a node one link short among
  // full active views is refused (low priority) until a view changes, as in the simulator's
  // atWantAfterRepair; a node short by two or more insists (docs/membership.md). So: settled means
  // K − 1 to K links and 8 addresses known each (KNOWN above); after the kill, connected with 1 to
  // K links each, and the line reaches every survivor.
  // K = 4 here: with K = 3 the 8 survivors once split into two cliques of 4, every node full at 3
  // links, so no one asked for more (seen in a full-suite run); with K = 4 a clique of 4 is short.
  it('hyparview (shuffle every 2 s), unsigned: active views of K − 1 to K = 4 grown, 1 to K after the kill, never more; connected again within 10 s', async () => {
    await growKillRepair(
      { overlay: 'hyparview', want: 4, protocol: hyparview({ activeSize: 4, shuffleMs: 2_000 }) },
      false,
      { links: (d) => d >= 3 && d <= 4, knows: hyparviewKnows },
      (d) => d >= 1 && d <= 4,
    );
  }, 60_000);
});
