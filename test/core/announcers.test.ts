/**
 * Protocol state a peer can grow is bounded: repeating IHAVE (plumtree) or INV (announce) for one
 * id adds its link once, and no id keeps more than MAX_ANNOUNCERS announcers, so the GRAFTs or
 * GETDATAs a flood of announcements can cause are bounded too.
 */
import { describe, expect, it } from 'vitest';
import type { MessageId, Msg } from '../../src/core/message.ts';
import { MessageSlots } from '../../src/core/message-slots.ts';
import { announce } from '../../src/core/protocols/announce.ts';
import { plumtree } from '../../src/core/protocols/plumtree.ts';
import { MAX_ANNOUNCERS } from '../../src/core/protocols/recent.ts';
import type { Control, Port, Protocol, TimerToken } from '../../src/core/seam.ts';

/** A port with `links` links that records control messages sent and collects timers to run by hand. */
function fakePort(protocol: Protocol, links: number): { port: Port; controls: Array<[number, Control]>; timers: TimerToken[] } {
  const controls: Array<[number, Control]> = [];
  const timers: TimerToken[] = [];
  const held = new Map<MessageId, Msg>();
  const slots = new MessageSlots(Math.max(1, protocol.slotWidth ?? 1));
  const port = {
    links,
    hop: 0,
    state: undefined as unknown,
    send: (): void => {},
    deliver: (msg: Msg): void => void held.set(msg.id, msg),
    payload: (id: MessageId): Msg | undefined => held.get(id),
    ints: slots.ints,
    slot: (id: MessageId): number => slots.slot(id),
    firstSight: (): boolean => true,
    random: (): number => 0.5,
    control: (link: number, ctrl: Control): void => void controls.push([link, ctrl]),
    setTimer: (_ms: number, token: TimerToken): void => void timers.push(token),
  } as unknown as Port & { state: unknown };
  (port as { state: unknown }).state = protocol.init?.(port);
  return { port, controls, timers };
}

/** Runs timers until none is left; returns how many ran. */
function drain(protocol: Protocol, port: Port, timers: TimerToken[]): number {
  let ran = 0;
  while (timers.length > 0 && ran < 1_000_000) {
    protocol.onTimer?.(port, timers.shift()!);
    ran++;
  }
  return ran;
}

describe('announcer lists are bounded', () => {
  it('plumtree: 100,000 IHAVEs for one id from 20 links cause at most MAX_ANNOUNCERS GRAFTs', () => {
    const p = plumtree();
    const { port, controls, timers } = fakePort(p, 20);
    for (let i = 0; i < 100_000; i++) p.onControl!(port, i % 20, { type: 'ihave', id: 'x' });
    drain(p, port, timers);
    const grafts = controls.filter(([, c]) => c.type === 'graft');
    expect(grafts).toHaveLength(MAX_ANNOUNCERS);
    expect(grafts.map(([l]) => l)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('announce: 100,000 INVs for one id from 20 links cause at most MAX_ANNOUNCERS GETDATAs', () => {
    const p = announce();
    const { port, controls, timers } = fakePort(p, 20);
    for (let i = 0; i < 100_000; i++) p.onControl!(port, i % 20, { type: 'inv', id: 'y' });
    drain(p, port, timers);
    const asks = controls.filter(([, c]) => c.type === 'getdata');
    // The first INV (link 0) starts the list and is asked at once; links 1..7 fill it, asked in turn.
    expect(asks).toHaveLength(MAX_ANNOUNCERS);
    expect(asks.map(([l]) => l)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(asks.map(([l]) => l)).size).toBe(asks.length);
  });

  it('a payload that arrives stops the requests', () => {
    const p = plumtree();
    const { port, controls, timers } = fakePort(p, 3);
    p.onControl!(port, 0, { type: 'ihave', id: 'z' });
    p.onControl!(port, 1, { type: 'ihave', id: 'z' });
    const msg: Msg = { id: 'z', origin: 'o', text: 't' };
    p.receive(port, 2, msg);
    drain(p, port, timers);
    expect(controls.filter(([, c]) => c.type === 'graft')).toHaveLength(0);
  });
});
