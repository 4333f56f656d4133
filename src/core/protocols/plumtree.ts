/**
 * Plumtree (Leitão, Pereira, Rodrigues 2007, "Epidemic Broadcast Trees"): every link starts
 * eager. A node pushes the payload on its eager links and only the id (IHAVE) on its lazy ones.
 * A duplicate payload means a redundant link: the receiver makes it lazy and sends PRUNE so the
 * sender does too. An IHAVE for a message that has not arrived starts a timer; if it runs out, the
 * node sends GRAFT to the first announcer, which makes that link eager again and sends the
 * payload. So the eager links settle into a spanning tree shaped by the traffic, and lazy push
 * repairs it when a node on it fails. The tree is shared by all origins and kept across messages.
 *
 * Simplifications, all documented in docs/protocols.md: IHAVE is sent at once (no batching), and
 * there is no membership layer (HyParView), so links to failed nodes are never dropped.
 */
import type { Msg } from '../message.ts';
import type { Control, PortWith, Protocol, ProtocolWith, TimerToken } from '../seam.ts';
import { controlMaker } from './controls.ts';
import { LinkSet } from './link-set.ts';
import { MAX_ANNOUNCERS } from './recent.ts';

/** Default wait for the payload after an IHAVE before sending GRAFT, in milliseconds. */
export const PLUMTREE_TIMEOUT_MS = 50;

type Needs = 'control' | 'timers' | 'state' | 'payloads' | 'slots';
type Port = PortWith<Needs>;

/*
 * A node's state is its link set of lazy links; every other link is eager, so new links start
 * eager. The payloads it serves on GRAFT are the transport's (`port.payload`), and what it knows
 * of an id announced by IHAVE whose payload has not come sits in a slot (`port.slot`), laid out:
 */
/** 1 while a timer for the id is pending. */
const TIMING = 0;
/** How many links announced the id and have not yet been asked for it (at most MAX_ANNOUNCERS). */
const COUNT = 1;
/** Those links, oldest first. */
const LINKS = 2;
const WIDTH = LINKS + MAX_ANNOUNCERS;

const state = (port: Port): LinkSet => port.state as LinkSet;

/** Whether `link` is in ints[from, to). */
function among(ints: Int32Array, from: number, to: number, link: number): boolean {
  for (let i = from; i < to; i++) if (ints[i] === link) return true;
  return false;
}

/** Plumtree with `timeoutMs` before the first GRAFT and half of it between later ones. */
export function plumtree(timeoutMs: number = PLUMTREE_TIMEOUT_MS): Protocol {
  const name = timeoutMs === PLUMTREE_TIMEOUT_MS ? 'plumtree' : `plumtree:${timeoutMs}`;
  const ihave = controlMaker('ihave');
  const prune = controlMaker('prune');
  const graft = controlMaker('graft');

  /** Payload on eager links, IHAVE on lazy links, neither back to the sender. */
  function push(port: Port, s: LinkSet, fromLink: number, msg: Msg): void {
    const n = port.links;
    for (let link = 0; link < n; link++) {
      if (link === fromLink) continue;
      if (!s.hasLink(link)) port.send(link, msg);
      else port.control(link, ihave(msg.id));
    }
  }

  function accept(port: Port, fromLink: number, msg: Msg): void {
    const s = state(port);
    port.deliver(msg);
    if (fromLink >= 0) s.deleteLink(fromLink);
    push(port, s, fromLink, msg);
  }

  const protocol: ProtocolWith<Needs> = {
    name,
    requires: ['control', 'timers', 'state', 'payloads', 'slots'],
    slotWidth: WIDTH,
    init: (): LinkSet => new LinkSet(),
    originate(port: Port, msg: Msg): void {
      if (port.firstSight(msg.id)) accept(port, -1, msg);
    },
    receive(port: Port, fromLink: number, msg: Msg): void {
      if (port.firstSight(msg.id)) {
        accept(port, fromLink, msg);
        return;
      }
      state(port).addLink(fromLink);
      port.control(fromLink, prune(msg.id));
    },
    onControl(port: Port, fromLink: number, ctrl: Control): void {
      const s = state(port);
      switch (ctrl.type) {
        case 'ihave': {
          if (port.payload(ctrl.id)) return;
          const ints = port.ints;
          const at = port.slot(ctrl.id);
          // Each link once among those not yet asked, at most MAX_ANNOUNCERS: a repeated IHAVE cannot grow the list.
          const count = ints[at + COUNT]!;
          if (count < MAX_ANNOUNCERS && !among(ints, at + LINKS, at + LINKS + count, fromLink)) {
            ints[at + LINKS + count] = fromLink;
            ints[at + COUNT] = count + 1;
          }
          if (ints[at + TIMING] === 0) {
            ints[at + TIMING] = 1;
            port.setTimer(timeoutMs, ctrl.id);
          }
          return;
        }
        case 'graft': {
          s.deleteLink(fromLink);
          const msg = port.payload(ctrl.id);
          if (msg) port.send(fromLink, msg);
          return;
        }
        case 'prune':
          s.addLink(fromLink);
          return;
        default:
          return;
      }
    },
    onTimer(port: Port, token: TimerToken): void {
      if (port.payload(token)) return;
      const ints = port.ints;
      const at = port.slot(token);
      const count = ints[at + COUNT]!;
      if (count === 0) {
        ints[at + TIMING] = 0; // a later IHAVE starts a new timer
        return;
      }
      const link = ints[at + LINKS]!;
      ints.copyWithin(at + LINKS, at + LINKS + 1, at + LINKS + count);
      ints[at + COUNT] = count - 1;
      state(port).deleteLink(link);
      port.control(link, graft(token));
      port.setTimer(timeoutMs / 2, token);
    },
  };
  return protocol;
}
