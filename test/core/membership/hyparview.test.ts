/**
 * HyParView's rules one at a time on a recording port: JOIN spreads FORWARDJOIN(ARWL) to the other
 * active neighbours, a FORWARDJOIN at ttl = PRWL adds the newcomer to the passive view and ends (link
 * opened) at ttl 0, a full active view drops a random member with DISCONNECT, NEIGHBOR priorities
 * (and when a short node insists),
 * repair from the passive view after a failure, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { hyparview, HYPARVIEW_DEFAULTS } from '../../../src/core/membership/hyparview.ts';
import type { HvState } from '../../../src/core/membership/hyparview-params.ts';
import { fakePort, linkUp, type FakePort } from './fake-port.ts';

const state = (port: FakePort): HvState => port.state as HvState;

describe('hyparview rules', () => {
  it("has the paper's defaults: active 5, passive 30, ARWL 6, PRWL 3, ka 3, kp 4", () => {
    expect(HYPARVIEW_DEFAULTS).toMatchObject({ activeSize: 5, passiveSize: 30, arwl: 6, prwl: 3, ka: 3, kp: 4, shuffleTtl: 6 });
  });

  it('a contact admits a JOIN and sends FORWARDJOIN(joiner, ARWL) to each other active neighbour', () => {
    const m = hyparview();
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    for (const l of [0, 1]) m.onControl(port, l, { type: 'neighbor', high: true });
    port.sent.length = 0;
    linkUp(m, port, 9);
    m.onControl(port, 2, { type: 'join' });
    expect([...state(port).active.keys()]).toEqual([1, 2, 9]);
    expect(port.sent).toEqual([0, 1].map((link) => ({ link, msg: { type: 'forward_join', joiner: 9, ttl: 6 } })));
  });

  it('a FORWARDJOIN walks on with ttl - 1, adds the joiner to the passive view at ttl = PRWL, and links at ttl 0', () => {
    const m = hyparview();
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2, 3);
    for (const l of [0, 1, 2]) m.onControl(port, l, { type: 'neighbor', high: true });
    port.sent.length = 0;
    m.onControl(port, 0, { type: 'forward_join', joiner: 9, ttl: 4 });
    expect(port.sent.map((s) => s.msg)).toEqual([{ type: 'forward_join', joiner: 9, ttl: 3 }]);
    expect(port.sent[0]!.link).not.toBe(0);
    expect(state(port).passive).toEqual([]);
    m.onControl(port, 0, { type: 'forward_join', joiner: 9, ttl: 3 });
    expect(state(port).passive).toEqual([9]);
    m.onControl(port, 0, { type: 'forward_join', joiner: 8, ttl: 0 });
    expect(port.opened).toEqual([8]);
    linkUp(m, port, 8);
    expect(port.sent.at(-1)).toEqual({ link: 3, msg: { type: 'join_accept' } });
    expect(state(port).active.has(8)).toBe(true);
  });

  it('admitting into a full active view first drops a random member: DISCONNECT, close, into the passive view', () => {
    const m = hyparview({ activeSize: 2 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2, 3);
    for (const l of [0, 1]) m.onControl(port, l, { type: 'neighbor', high: false });
    port.sent.length = 0;
    port.draws = [0.9]; // picks the second member, 2
    m.onControl(port, 2, { type: 'neighbor', high: true });
    expect(port.sent).toEqual([
      { link: 1, msg: { type: 'disconnect' } },
      { link: 2, msg: { type: 'neighbor_reply', accepted: true } },
    ]);
    expect(port.closed).toEqual([1]);
    expect([...state(port).active.keys()]).toEqual([1, 3]);
    expect(state(port).passive).toEqual([2]);
  });

  it('a full node refuses a low-priority NEIGHBOR and accepts a high-priority one', () => {
    const m = hyparview({ activeSize: 1 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1, 2);
    m.onControl(port, 0, { type: 'neighbor', high: false });
    m.onControl(port, 1, { type: 'neighbor', high: false });
    expect(port.sent.at(-1)).toEqual({ link: 1, msg: { type: 'neighbor_reply', accepted: false } });
    expect([...state(port).active.keys()]).toEqual([1]);
  });

  it('when an active link fails, asks passive nodes NEIGHBOR (high priority with an empty active view)', () => {
    const m = hyparview({ activeSize: 1 });
    const port = fakePort(m, 0);
    linkUp(m, port, 1);
    m.onControl(port, 0, { type: 'join' });
    state(port).passive.push(5, 6);
    port.peers[0] = undefined;
    port.draws = [0.1];
    m.onLinkDown(port, 0, 1);
    expect(state(port).active.size).toBe(0);
    expect(port.opened).toEqual([5]);
    linkUp(m, port, 5);
    expect(port.sent.at(-1)).toEqual({ link: 1, msg: { type: 'neighbor', high: true } });
    m.onControl(port, 1, { type: 'neighbor_reply', accepted: false });
    expect(port.closed).toEqual([1]);
    expect(port.opened).toEqual([5, 6]);
  });

  // Our addition (HyParViewNode.highPriority): a node short by two or more whose requests were all
  // refused for a shuffle period insists; a node short by one (as odd N·K can force) never does.
  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])('with %i of K = 4 links, after a period of refused low-priority NEIGHBORs the next one has high = %s', (linked, high) => {
    const m = hyparview({ activeSize: 4 });
    const port = fakePort(m, 0);
    linkUp(m, port, ...[1, 2, 3].slice(0, linked));
    for (let l = 0; l < linked; l++) m.onControl(port, l, { type: 'neighbor', high: true });
    state(port).passive.push(5);
    m.onTimer(port, 'shuffle');
    expect(port.opened).toEqual([5]);
    linkUp(m, port, 5);
    expect(port.sent.at(-1)).toEqual({ link: linked, msg: { type: 'neighbor', high: false } });
    m.onControl(port, linked, { type: 'neighbor_reply', accepted: false });
    port.peers[linked] = undefined;
    m.onTimer(port, 'shuffle');
    expect(port.opened).toEqual([5, 5]);
    linkUp(m, port, 5);
    expect(port.sent.at(-1)).toEqual({ link: linked + 1, msg: { type: 'neighbor', high } });
  });

  it('an unreachable passive node is forgotten and the next one tried', () => {
    const m = hyparview({ activeSize: 1 });
    const port = fakePort(m, 0);
    state(port).passive.push(5, 6);
    port.draws = [0.1];
    m.onTimer(port, 'shuffle');
    expect(port.opened).toEqual([5]);
    m.onOpenFailed(port, 5, 'unreachable');
    expect(state(port).passive).toEqual([6]);
    expect(port.opened).toEqual([5, 6]);
  });

  it('SHUFFLE: the origin sends itself, ka active and kp passive on a walk; the last node replies one-shot and both merge', () => {
    const m = hyparview({ activeSize: 2, passiveSize: 3, ka: 1, kp: 1 });
    const origin = fakePort(m, 0);
    linkUp(m, origin, 1, 2);
    for (const l of [0, 1]) m.onControl(origin, l, { type: 'neighbor', high: true });
    state(origin).passive.push(7, 8, 9);
    origin.sent.length = 0;
    origin.draws = [0.1, 0.5, 0.1];
    m.onTimer(origin, 'shuffle');
    expect(origin.sent).toEqual([{ link: 0, msg: { type: 'shuffle', origin: 0, nodes: [2, 7], ttl: 6 } }]);

    const last = fakePort(m, 1);
    linkUp(m, last, 0);
    m.onControl(last, 0, { type: 'neighbor', high: true }); // one active neighbour: the walk ends here
    state(last).passive.push(40, 41, 42);
    last.draws = [0, 0.5, 0.99];
    m.onControl(last, 0, { type: 'shuffle', origin: 0, nodes: [2, 7], ttl: 5 });
    // It replies with as many passive addresses as it got (2 nodes + the origin = 3: all of its 3).
    expect(last.sentTo).toHaveLength(1);
    const reply = last.sentTo[0]!.msg as { type: string; nodes: number[] };
    expect(reply.type).toBe('shuffle_reply');
    expect([...reply.nodes].sort()).toEqual([40, 41, 42]);
    // It merges 2 and 7 (0 is active, so not passive), evicting addresses it sent back: size stays 3.
    expect(state(last).passive).toHaveLength(3);
    expect(state(last).passive).toEqual(expect.arrayContaining([2, 7]));

    // The origin merges the reply, evicting first what it sent (7), then a random entry.
    m.onControl(origin, -1, { type: 'shuffle_reply', nodes: [40, 41] });
    expect(state(origin).passive).toHaveLength(3);
    expect(state(origin).passive).toEqual(expect.arrayContaining([40, 41]));
    expect(state(origin).passive).not.toContain(7);
  });

  it('a walk that meets a node with two or more other active neighbours is forwarded with ttl − 1, never back', () => {
    const m = hyparview();
    const port = fakePort(m, 3);
    linkUp(m, port, 1, 2, 4);
    for (const l of [0, 1, 2]) m.onControl(port, l, { type: 'neighbor', high: true });
    port.sent.length = 0;
    for (let i = 0; i < 10; i++) m.onControl(port, 1, { type: 'shuffle', origin: 0, nodes: [], ttl: 3 });
    expect(port.sent.every((x) => x.link !== 1 && x.msg.type === 'shuffle' && x.msg.ttl === 2)).toBe(true);
    expect(port.sentTo).toEqual([]);
  });

  it('refuses an active view below 1 with an InputError naming the value', () => {
    expect(() => hyparview({ activeSize: 0 })).toThrow(InputError);
    expect(() => hyparview({ activeSize: 0 })).toThrow('hyparview: activeSize 0 must be an integer >= 1');
  });
});
