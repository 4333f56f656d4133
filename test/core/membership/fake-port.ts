/**
 * A MembershipPort that records what a protocol asks for, for unit tests of single rules: links are
 * set by the test, `random` replays a list of numbers (then 0.5).
 */
import type { MembershipMsg } from '../../../src/core/membership/messages.ts';
import type { Address, Membership, MembershipPort } from '../../../src/core/membership/seam.ts';
import type { TimerToken } from '../../../src/core/seam.ts';

export interface FakePort extends MembershipPort {
  readonly peers: (Address | undefined)[];
  readonly sent: { link: number; msg: MembershipMsg }[];
  readonly sentTo: { to: Address; msg: MembershipMsg }[];
  readonly opened: Address[];
  readonly closed: number[];
  readonly timers: { delayMs: number; token: TimerToken }[];
  draws: number[];
  state: unknown;
}

export function fakePort(m: Membership, self: Address, entry?: Address): FakePort {
  const port: FakePort = {
    self,
    entry,
    peers: [],
    sent: [],
    sentTo: [],
    opened: [],
    closed: [],
    timers: [],
    draws: [],
    state: undefined,
    get links() {
      return port.peers.length;
    },
    peer: (l) => port.peers[l],
    random: () => port.draws.shift() ?? 0.5,
    open: (to) => void port.opened.push(to),
    close: (l) => void port.closed.push(l),
    control: (link, msg) => void port.sent.push({ link, msg }),
    controlTo: (to, msg) => void port.sentTo.push({ to, msg }),
    setTimer: (delayMs, token) => void port.timers.push({ delayMs, token }),
  };
  port.state = m.init(port);
  return port;
}

/** Gives the port links to `peers` (link i to peers[i]) and tells the protocol they came up. */
export function linkUp(m: Membership, port: FakePort, ...peers: Address[]): void {
  for (const p of peers) {
    port.peers.push(p);
    m.onLinkUp(port, port.peers.length - 1, p);
  }
}
