/**
 * Announce-then-fetch (Bitcoin's inv/getdata): a node that gets a message sends only its id (INV)
 * to every neighbour not known to have it, and the payload only to a neighbour that asks for it
 * (GETDATA). A node asks the first neighbour that announced the id; if the payload has not come
 * after a timeout it asks the next announcer. Payload sends fall to about N−1 per message, paid
 * for with about one announcement per link (Erlay's observation: with small payloads, the
 * announcements are a large share of the bytes).
 *
 * It keeps no object per node: the payloads it serves are the transport's (`port.payload`), and
 * what it knows about an id it is fetching sits in a slot of int32s (`port.slot`, laid out below),
 * so a 10^6-node simulation holds no per-node map and allocates nothing per event.
 */
import type { MessageId, Msg } from '../message.ts';
import type { Control, PortWith, Protocol, ProtocolWith, TimerToken } from '../seam.ts';
import { controlMaker } from './controls.ts';
import { MAX_ANNOUNCERS } from './recent.ts';

/** Default wait for a requested payload before asking the next announcer, in milliseconds. */
export const ANNOUNCE_TIMEOUT_MS = 50;

type Needs = 'control' | 'timers' | 'payloads' | 'slots';
type Port = PortWith<Needs>;

// A slot, per node and id whose payload has not come:
/** How many links announced the id (each once, at most MAX_ANNOUNCERS): they have it, so they get no INV from us. */
const COUNT = 0;
/** Announcers before this index have been asked. */
const NEXT = 1;
/** 1 while a request is outstanding (its timer pending). */
const WAITING = 2;
/** The announcers' links, in the order they announced. */
const LINKS = 3;
const WIDTH = LINKS + MAX_ANNOUNCERS;

/** Whether `link` is among the announcers in the slot at `at`. */
function announced(ints: Int32Array, at: number, link: number): boolean {
  for (let i = at + LINKS, end = i + ints[at + COUNT]!; i < end; i++) if (ints[i] === link) return true;
  return false;
}

/** Announce ids, send payloads on request; ask the next announcer after `timeoutMs`. */
export function announce(timeoutMs: number = ANNOUNCE_TIMEOUT_MS): Protocol {
  const name = timeoutMs === ANNOUNCE_TIMEOUT_MS ? 'announce' : `announce:${timeoutMs}`;
  const inv = controlMaker('inv');
  const getdata = controlMaker('getdata');

  /** Asks the next announcer not yet asked, if any, and sets the timer; else stops waiting. */
  function askNext(port: Port, id: MessageId, at: number): void {
    const ints = port.ints;
    const next = ints[at + NEXT]!;
    if (next === ints[at + COUNT]) {
      ints[at + WAITING] = 0; // a later INV asks again
      return;
    }
    ints[at + NEXT] = next + 1;
    ints[at + WAITING] = 1;
    port.control(ints[at + LINKS + next]!, getdata(id));
    port.setTimer(timeoutMs, id);
  }

  function accept(port: Port, fromLink: number, msg: Msg): void {
    port.deliver(msg);
    const ints = port.ints;
    const at = port.slot(msg.id);
    const n = port.links;
    for (let link = 0; link < n; link++) {
      if (link !== fromLink && !announced(ints, at, link)) port.control(link, inv(msg.id));
    }
  }

  const protocol: ProtocolWith<Needs> = {
    name,
    ignoresDuplicates: true,
    requires: ['control', 'timers', 'payloads', 'slots'],
    slotWidth: WIDTH,
    originate(port: Port, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, -1, msg);
    },
    receive(port: Port, fromLink: number, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, fromLink, msg);
    },
    onControl(port: Port, fromLink: number, ctrl: Control): void {
      if (ctrl.type === 'getdata') {
        const msg = port.payload(ctrl.id);
        if (msg) port.send(fromLink, msg);
        return;
      }
      if (ctrl.type !== 'inv' || port.payload(ctrl.id)) return;
      const ints = port.ints;
      const at = port.slot(ctrl.id);
      // Each link once, at most MAX_ANNOUNCERS: a repeated INV cannot grow the list or keep requests going.
      const count = ints[at + COUNT]!;
      if (count < MAX_ANNOUNCERS && !announced(ints, at, fromLink)) {
        ints[at + LINKS + count] = fromLink;
        ints[at + COUNT] = count + 1;
      }
      if (ints[at + WAITING] === 0) askNext(port, ctrl.id, at);
    },
    onTimer(port: Port, token: TimerToken): void {
      if (!port.payload(token)) askNext(port, token, port.slot(token));
    },
  };
  return protocol;
}
