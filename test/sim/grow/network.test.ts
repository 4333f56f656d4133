/**
 * The membership network's crash, as a TCP peer sees one: each far end holds its link until it
 * hears (one link delay later, within the 1–10 ms latency), what it sends meanwhile is lost, and a
 * node that loses several links hears of them one by one, each time with one link fewer.
 */
import { describe, expect, it } from 'vitest';
import type { MembershipMsg } from '../../../src/core/membership/messages.ts';
import type { Membership, MembershipPort } from '../../../src/core/membership/seam.ts';
import { MembershipNet } from '../../../src/sim/grow/network.ts';
import { seededRng } from '../../../src/sim/random.ts';

/** Every node opens a link to its entry; link-downs and control messages are recorded. */
function recorder() {
  const downs: { at: number; u: number; peer: number; linksLeft: number }[] = [];
  const received: { u: number; msg: MembershipMsg }[] = [];
  let net: MembershipNet | undefined;
  const links = (port: MembershipPort): number => {
    let k = 0;
    for (let l = 0; l < port.links; l++) if (port.peer(l) !== undefined) k++;
    return k;
  };
  const m: Membership = {
    name: 'recorder',
    want: 1,
    linkSlots: 4,
    init: () => undefined,
    onStart: (port) => (port.entry === undefined ? undefined : port.open(port.entry)),
    onLinkUp: () => {},
    onLinkDown: (port, _link, peer) => downs.push({ at: net!.now, u: port.self as number, peer: peer as number, linksLeft: links(port) }),
    onOpenFailed: () => {},
    onControl: (port, _link, msg) => void received.push({ u: port.self as number, msg }),
    onTimer: () => {},
  };
  net = new MembershipNet({ membership: m, maxNodes: 8, rng: seededRng(1, 'network-test') });
  return { net, downs, received };
}

describe('membership network: a crash', () => {
  it('far ends hold the link until they hear, one link delay later; what they send meanwhile is lost; several losses arrive one by one', () => {
    const { net, downs, received } = recorder();
    net.addNode();
    for (let i = 1; i <= 3; i++) net.addNode(0);
    net.run(100);
    expect(net.topology.liveLinks(0)).toBe(3);
    const linkTo = (v: number): number => [0, 1, 2, 3].find((l) => net.peerOf(0, l) === v)!;
    const to1 = linkTo(1);

    const t = net.now;
    net.crash(1);
    net.crash(2);
    // Node 0 has heard nothing yet: it still holds both links and its message to 1 leaves, to be lost.
    expect(net.peerOf(0, to1)).toBe(1);
    expect(net.topology.liveLinks(0)).toBe(3);
    net.control(0, to1, { type: 'join' });
    net.run(t + 10);
    expect(received).toEqual([]);
    expect(downs.map((d) => [d.u, d.peer]).sort()).toEqual([
      [0, 1],
      [0, 2],
    ]);
    for (const d of downs) expect(d.at - t).toBeGreaterThanOrEqual(1), expect(d.at - t).toBeLessThanOrEqual(10);
    expect(downs.map((d) => d.linksLeft)).toEqual([2, 1]); // each heard with that link already gone
    expect(net.peerOf(0, to1)).toBeUndefined();
    expect(net.topology.liveLinks(0)).toBe(1);
  });
});
