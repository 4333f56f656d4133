/**
 * A Port for one node that records what the protocol asked for, with every optional seam member,
 * so a protocol's rules can be checked call by call without any transport.
 */
import type { MessageId, Msg } from '../../../src/core/message.ts';
import { MessageSlots } from '../../../src/core/message-slots.ts';
import type { Control, Port, Protocol, TimerToken } from '../../../src/core/seam.ts';

export interface RecordingPort extends Port {
  hop: number;
  state: unknown;
  readonly sent: number[];
  readonly controls: [number, string, MessageId][];
  readonly timers: [number, TimerToken][];
  readonly delivered: Msg[];
  /** Clears the records (not the seen set or the state). */
  clear(): void;
}

/** A node with `links` links; `draws` are returned by random() in turn (0.5 when exhausted). */
export function recordingPort(links: number, options: { draws?: number[]; tree?: number[]; protocol?: Protocol } = {}): RecordingPort {
  const seen = new Set<MessageId>();
  const held = new Map<MessageId, Msg>(); // what deliver() got, kept across clear() as a transport keeps it
  const slots = new MessageSlots(Math.max(1, options.protocol?.slotWidth ?? 1));
  const draws = [...(options.draws ?? [])];
  const port: RecordingPort = {
    links,
    hop: 0,
    state: undefined,
    sent: [],
    controls: [],
    timers: [],
    delivered: [],
    send(link) {
      this.sent.push(link);
    },
    deliver(msg) {
      this.delivered.push(msg);
      held.set(msg.id, msg);
    },
    payload: (id) => held.get(id),
    ints: slots.ints,
    slot: (id) => slots.slot(id),
    firstSight: (id) => (seen.has(id) ? false : (seen.add(id), true)),
    random: () => draws.shift() ?? 0.5,
    control(link: number, ctrl: Control) {
      this.controls.push([link, ctrl.type, ctrl.id]);
    },
    setTimer(delayMs: number, token: TimerToken) {
      this.timers.push([delayMs, token]);
    },
    treeLink: (link) => (options.tree ?? []).includes(link),
    clear() {
      this.sent.length = 0;
      this.controls.length = 0;
      this.timers.length = 0;
      this.delivered.length = 0;
    },
  };
  if (options.protocol?.init) port.state = options.protocol.init(port);
  return port;
}

export const msg: Msg = { id: 'm1', origin: 'alice', text: 'hi' };
