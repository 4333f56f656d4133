/**
 * Announce-then-fetch (Bitcoin's inv/getdata): a node that gets a message sends only its id (INV)
 * to every neighbour not known to have it, and the payload only to a neighbour that asks for it
 * (GETDATA). A node asks the first neighbour that announced the id; if the payload has not come
 * after a timeout it asks the next announcer. Payload sends fall to about N−1 per message, paid
 * for with about one announcement per link (Erlay's observation: with small payloads, the
 * announcements are a large share of the bytes).
 */
import type { MessageId, Msg } from '../message.ts';
import type { Control, PortWith, Protocol, ProtocolWith, TimerToken } from '../seam.ts';
import { controlMaker } from './controls.ts';
import { RecentMap, addAnnouncer } from './recent.ts';

/** Default wait for a requested payload before asking the next announcer, in milliseconds. */
export const ANNOUNCE_TIMEOUT_MS = 50;

type Needs = 'control' | 'timers' | 'state' | 'payloads';
type Port = PortWith<Needs>;

interface Pending {
  /** Links that announced the id, in order: they have it, so they get no INV from us. */
  readonly announcers: number[];
  /** announcers[next..] have not been asked yet. */
  next: number;
  /** Whether a request is outstanding (its timer pending). */
  waiting: boolean;
}

/**
 * One node's state: the ids announced whose payload has not come, the map made when first needed.
 * The payloads it holds, to answer GETDATA, the transport keeps (`port.payload`).
 */
class AnnounceState {
  pending: RecentMap<MessageId, Pending> | undefined;
}

const state = (port: Port): AnnounceState => port.state as AnnounceState;

/** Announce ids, send payloads on request; ask the next announcer after `timeoutMs`. */
export function announce(timeoutMs: number = ANNOUNCE_TIMEOUT_MS): Protocol {
  const name = timeoutMs === ANNOUNCE_TIMEOUT_MS ? 'announce' : `announce:${timeoutMs}`;
  const inv = controlMaker('inv');
  const getdata = controlMaker('getdata');

  function ask(port: Port, p: Pending, link: number, id: MessageId): void {
    p.waiting = true;
    port.control(link, getdata(id));
    port.setTimer(timeoutMs, id);
  }

  function accept(port: Port, fromLink: number, msg: Msg): void {
    const s = state(port);
    port.deliver(msg);
    const known = s.pending?.get(msg.id)?.announcers;
    s.pending?.delete(msg.id);
    if (s.pending?.size === 0) s.pending = undefined;
    const n = port.links;
    for (let link = 0; link < n; link++) {
      if (link !== fromLink && !known?.includes(link)) port.control(link, inv(msg.id));
    }
  }

  const protocol: ProtocolWith<Needs> = {
    name,
    ignoresDuplicates: true,
    requires: ['control', 'timers', 'state', 'payloads'],
    init: (): AnnounceState => new AnnounceState(),
    originate(port: Port, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, -1, msg);
    },
    receive(port: Port, fromLink: number, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, fromLink, msg);
    },
    onControl(port: Port, fromLink: number, ctrl: Control): void {
      const s = state(port);
      if (ctrl.type === 'getdata') {
        const msg = port.payload(ctrl.id);
        if (msg) port.send(fromLink, msg);
        return;
      }
      if (ctrl.type !== 'inv' || port.payload(ctrl.id)) return;
      const pending = (s.pending ??= new RecentMap());
      let p = pending.get(ctrl.id);
      // An array literal of one, not [] then push: a pushed-to empty array reserves 17 slots.
      // Each link once, at most MAX_ANNOUNCERS: a repeated INV cannot grow the list or keep requests going.
      if (!p) pending.set(ctrl.id, (p = { announcers: [fromLink], next: 0, waiting: false }));
      else addAnnouncer(p.announcers, fromLink);
      if (!p.waiting && p.next < p.announcers.length) ask(port, p, p.announcers[p.next++]!, ctrl.id);
    },
    onTimer(port: Port, token: TimerToken): void {
      const s = state(port);
      const p = s.pending?.get(token);
      if (!p || port.payload(token)) return;
      if (p.next === p.announcers.length)
        p.waiting = false; // a later INV asks again
      else ask(port, p, p.announcers[p.next++]!, token);
    },
  };
  return protocol;
}
