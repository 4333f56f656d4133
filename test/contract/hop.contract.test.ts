/**
 * `hop` means the same on both transports: while a node handles a control message or a timer
 * about a message, `port.hop` is the hop at which that node first got it (0 at its origin), as
 * it is during the receipt itself. A probe protocol floods, sets a timer on first sight and sends
 * a control message back to the sender; it records the hop it is shown in each. On a path only one
 * route exists, so node i first gets a message from origin o at hop |i − o| on either transport:
 *
 *   0 ─ 1 ─ 2 ─ 3 ─ 4 ─ 5
 */
import { describe, expect, it } from 'vitest';
import type { MessageId, Msg } from '../../src/core/message.ts';
import type { Control, Port, Protocol, TimerToken } from '../../src/core/seam.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';
import { simulated, tcp } from './transports.ts';

interface ProbeState {
  readonly first: Map<MessageId, number>;
  readonly shown: { kind: 'timer' | 'control'; id: MessageId; hop: number }[];
}

/** The probe, and the state of every node in start order (both transports start nodes 0..N−1 in order). */
function probe(): { protocol: Protocol; states: ProbeState[] } {
  const states: ProbeState[] = [];
  const st = (port: Port): ProbeState => port.state as ProbeState;
  const accept = (port: Port, fromLink: number, msg: Msg): void => {
    port.deliver(msg);
    st(port).first.set(msg.id, fromLink < 0 ? 0 : port.hop!);
    for (let link = 0; link < port.links; link++) if (link !== fromLink) port.send(link, msg);
    port.setTimer!(1, msg.id);
    if (fromLink >= 0) port.control!(fromLink, { type: 'probe', id: msg.id });
  };
  const protocol: Protocol = {
    name: 'hop-probe',
    requires: ['hop', 'control', 'timers', 'state'],
    init: () => {
      const s: ProbeState = { first: new Map(), shown: [] };
      states.push(s);
      return s;
    },
    originate: (port, msg) => void (port.firstSight(msg.id) && accept(port, -1, msg)),
    receive: (port, fromLink, msg) => void (port.firstSight(msg.id) && accept(port, fromLink, msg)),
    onControl: (port: Port, _from: number, ctrl: Control) => void st(port).shown.push({ kind: 'control', id: ctrl.id, hop: port.hop! }),
    onTimer: (port: Port, token: TimerToken) => void st(port).shown.push({ kind: 'timer', id: token, hop: port.hop! }),
  };
  return { protocol, states };
}

const N = 6;
const line: EdgeList = { order: N, size: N - 1, src: Int32Array.from({ length: N - 1 }, (_, i) => i), dst: Int32Array.from({ length: N - 1 }, (_, i) => i + 1) };
const origins = [0, 5, 2];

describe.each([simulated, tcp])('hop over the $name transport', (transport) => {
  it('is the hop of first receipt during control messages and timers', async () => {
    const { protocol, states } = probe();
    // every node gets one timer per message, and every node but the origin sends one control message
    const settled = (): boolean => states.reduce((s, x) => s + x.shown.length, 0) === origins.length * (N + N - 1);
    await transport.flood(line, protocol, origins, settled);
    expect(states).toHaveLength(N);
    expect(settled()).toBe(true);
    // ids differ by transport (k in the simulator, random strings over TCP); each node saw them in origin order
    for (let k = 0; k < origins.length; k++) {
      const o = origins[k]!;
      for (let i = 0; i < N; i++) {
        const id = [...states[i]!.first.keys()][k]!;
        const want = Math.abs(i - o);
        expect(states[i]!.first.get(id)).toBe(want);
        const shown = states[i]!.shown.filter((x) => x.id === id);
        // control messages come back from each neighbour farther from the origin: two at an inner origin, one at an inner node, none at an end
        const farther = [i - 1, i + 1].filter((j) => j >= 0 && j < N && Math.abs(j - o) > want).length;
        expect(shown.filter((x) => x.kind === 'timer').map((x) => x.hop)).toEqual([want]);
        expect(shown.filter((x) => x.kind === 'control').map((x) => x.hop)).toEqual(new Array(farther).fill(want));
      }
    }
  });
});
