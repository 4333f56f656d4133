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
import type { MessageId, Msg } from '../message.ts';
import type { Control, PortWith, Protocol, ProtocolWith, TimerToken } from '../seam.ts';
import { controlMaker } from './controls.ts';
import { LinkSet } from './link-set.ts';
import { RecentMap } from './recent.ts';

/** Default wait for the payload after an IHAVE before sending GRAFT, in milliseconds. */
export const PLUMTREE_TIMEOUT_MS = 50;

type Needs = 'control' | 'timers' | 'state';
type Port = PortWith<Needs>;

interface Missing {
  /** Links that announced the id and have not yet been asked for it, oldest first. */
  readonly announcers: number[];
  /** Whether a timer for the id is pending. */
  timing: boolean;
}

/**
 * One node's state. Its link set holds the lazy links; every other link is eager, so new links
 * start eager. The maps are made when first needed.
 */
class PlumState extends LinkSet {
  /** Payloads received, to answer GRAFT. */
  payloads: RecentMap<MessageId, Msg> | undefined;
  /** Ids announced by IHAVE whose payload has not arrived. */
  missing: RecentMap<MessageId, Missing> | undefined;

  has(id: MessageId): boolean {
    return this.payloads?.has(id) === true;
  }
}

const state = (port: Port): PlumState => port.state as PlumState;

/** Plumtree with `timeoutMs` before the first GRAFT and half of it between later ones. */
export function plumtree(timeoutMs: number = PLUMTREE_TIMEOUT_MS): Protocol {
  const name = timeoutMs === PLUMTREE_TIMEOUT_MS ? 'plumtree' : `plumtree:${timeoutMs}`;
  const ihave = controlMaker('ihave');
  const prune = controlMaker('prune');
  const graft = controlMaker('graft');

  /** Payload on eager links, IHAVE on lazy links, neither back to the sender. */
  function push(port: Port, s: PlumState, fromLink: number, msg: Msg): void {
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
    (s.payloads ??= new RecentMap()).set(msg.id, msg);
    s.missing?.delete(msg.id);
    if (fromLink >= 0) s.deleteLink(fromLink);
    push(port, s, fromLink, msg);
  }

  const protocol: ProtocolWith<Needs> = {
    name,
    requires: ['control', 'timers', 'state'],
    init: (): PlumState => new PlumState(),
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
          if (s.has(ctrl.id)) return;
          const missing = (s.missing ??= new RecentMap());
          let m = missing.get(ctrl.id);
          // An array literal of one, not [] then push: a pushed-to empty array reserves 17 slots.
          if (!m) missing.set(ctrl.id, (m = { announcers: [fromLink], timing: false }));
          else m.announcers.push(fromLink);
          if (!m.timing) {
            m.timing = true;
            port.setTimer(timeoutMs, ctrl.id);
          }
          return;
        }
        case 'graft': {
          s.deleteLink(fromLink);
          const msg = s.payloads?.get(ctrl.id);
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
      const s = state(port);
      const m = s.missing?.get(token);
      if (!m || s.has(token)) return;
      const link = m.announcers.shift();
      if (link === undefined) {
        m.timing = false; // a later IHAVE starts a new timer
        return;
      }
      s.deleteLink(link);
      port.control(link, graft(token));
      port.setTimer(timeoutMs / 2, token);
    },
  };
  return protocol;
}
