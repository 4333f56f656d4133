/**
 * Announce-then-fetch (Bitcoin's inv/getdata): a node that gets a message sends only its id (INV)
 * to every neighbour not known to have it, and the payload only to a neighbour that asks for it
 * (GETDATA). A node asks the first neighbour that announced the id; if the payload has not come
 * after a timeout it asks the next announcer. Payload sends fall to about N−1 per message, paid
 * for with about one announcement per link (Erlay's observation: with small payloads, the
 * announcements are a large share of the bytes).
 */
import type { MessageId, Msg } from '../message.ts';
import type { Control, Port, Protocol, TimerToken } from '../seam.ts';
import { RecentMap, addAnnouncer } from './recent.ts';

/** Default wait for a requested payload before asking the next announcer, in milliseconds. */
export const ANNOUNCE_TIMEOUT_MS = 50;

interface Pending {
  /** Links known to have the id (they announced it); they get no INV from us. */
  readonly known: Set<number>;
  /** Announcers not yet asked, oldest first. */
  readonly announcers: number[];
  /** Whether a request is outstanding (its timer pending). */
  waiting: boolean;
}

interface AnnounceState {
  /** Payloads received, to answer GETDATA. */
  readonly payloads: RecentMap<MessageId, Msg>;
  readonly pending: RecentMap<MessageId, Pending>;
}

const state = (port: Port): AnnounceState => port.state as AnnounceState;

function ask(port: Port, p: Pending, link: number, id: MessageId, timeoutMs: number): void {
  p.waiting = true;
  port.control!(link, { type: 'getdata', id });
  port.setTimer!(timeoutMs, id);
}

/** Announce ids, send payloads on request; ask the next announcer after `timeoutMs`. */
export function announce(timeoutMs: number = ANNOUNCE_TIMEOUT_MS): Protocol {
  const name = timeoutMs === ANNOUNCE_TIMEOUT_MS ? 'announce' : `announce:${timeoutMs}`;

  function accept(port: Port, fromLink: number, msg: Msg): void {
    const s = state(port);
    port.deliver(msg);
    s.payloads.set(msg.id, msg);
    const known = s.pending.get(msg.id)?.known;
    s.pending.delete(msg.id);
    const inv: Control = { type: 'inv', id: msg.id };
    const n = port.links;
    for (let link = 0; link < n; link++) {
      if (link !== fromLink && !known?.has(link)) port.control!(link, inv);
    }
  }

  return {
    name,
    ignoresDuplicates: true,
    requires: ['control', 'timers', 'state'],
    init: (): AnnounceState => ({ payloads: new RecentMap(), pending: new RecentMap() }),
    originate(port: Port, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, -1, msg);
    },
    receive(port: Port, fromLink: number, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, fromLink, msg);
    },
    onControl(port: Port, fromLink: number, ctrl: Control): void {
      const s = state(port);
      if (ctrl.type === 'getdata') {
        const msg = s.payloads.get(ctrl.id);
        if (msg) port.send(fromLink, msg);
        return;
      }
      if (ctrl.type !== 'inv' || s.payloads.has(ctrl.id)) return;
      let p = s.pending.get(ctrl.id);
      if (!p) s.pending.set(ctrl.id, (p = { known: new Set(), announcers: [], waiting: false }));
      p.known.add(fromLink);
      if (p.waiting) addAnnouncer(p.announcers, fromLink);
      else ask(port, p, fromLink, ctrl.id, timeoutMs);
    },
    onTimer(port: Port, token: TimerToken): void {
      const s = state(port);
      const p = s.pending.get(token);
      if (!p || s.payloads.has(token)) return;
      const next = p.announcers.shift();
      if (next === undefined)
        p.waiting = false; // a later INV asks again
      else ask(port, p, next, token, timeoutMs);
    },
  };
}
