/**
 * The MembershipPort of a real node: the same core membership objects the simulator runs
 * (core/membership: blog, hyparview) over TCP. A node is known by its listening address
 * 'a.b.c.d:port'; a link is a membership link once it is up and its peer's listening address is
 * known (dialed, or from its hello), and its index is the node's link slot, so dissemination and
 * membership see the same links. open dials through the node's LinkManager (which refuses a
 * second link to one node); controlTo goes over the link to that node if there is one, else by
 * courier (courier.ts). Timers are setTimeout. Links without a listening address (a courier's)
 * carry one-shot messages only: they reach the protocol as NO_LINK and are closed at once.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import { NO_LINK, type Address, type Membership, type MembershipPort, type OpenFailure } from '../../core/membership/seam.ts';
import type { TimerToken } from '../../core/seam.ts';
import type { CloseKind, Link } from '../link.ts';
import { listeningAddress } from '../link-address.ts';
import type { LinkWatch } from '../link-manager.ts';
import type { RealNode } from '../node.ts';
import type { Courier } from './courier.ts';
import { encodeMembershipFrame } from './wire.ts';

/** What the port reports besides calling the protocol. */
export interface MembershipEvents {
  readonly log: (line: string) => void;
  /** A dial or one-shot to `to` reached something that is not a floodlab node (it failed the wire or handshake). */
  readonly notFloodlab?: (to: string, reason: string) => void;
}

export class TcpMembershipPort implements MembershipPort, LinkWatch {
  node: RealNode | undefined;
  courier: Courier | undefined;
  state: unknown;
  /** Membership links: link → its slot and peer address, kept past the slot's release for onLinkDown. */
  private readonly members = new Map<Link, { readonly index: number; readonly peer: string }>();
  /** Links this node dialed for `open`, until up or closed. */
  private readonly opening = new Map<Link, string>();
  private readonly closedByUs = new WeakSet<Link>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Whether the last line told said the node is at K links. */
  private atWant = false;
  /** Failed tries toward each address, for rate-limited log lines. */
  private readonly failures = new Map<string, number>();
  controlSent = 0;
  controlReceived = 0;

  constructor(
    readonly membership: Membership,
    readonly entry: string | undefined,
    private readonly events: MembershipEvents,
  ) {}

  get self(): string {
    return `${this.node!.host}:${this.node!.port}`;
  }
  get links(): number {
    return this.node!.mesh.table.size;
  }
  random(): number {
    return this.node!.random();
  }
  peer(link: number): Address | undefined {
    const l = this.node!.mesh.table.at(link);
    return l ? this.members.get(l)?.peer : undefined;
  }
  /** The overlay's peers (links the protocol admits: HyParView's active view), in link order. */
  peers(): string[] {
    const admitted = (index: number): boolean => this.membership.admitted?.(this, index) ?? true;
    return [...this.members.values()]
      .filter((m) => admitted(m.index))
      .sort((a, b) => a.index - b.index)
      .map((m) => m.peer);
  }

  open(to: Address): void {
    const [host, port] = split(String(to));
    const mesh = this.node!.mesh;
    if (this.stopped) return;
    if (mesh.linkTo(host, port) || !this.node!.connect(host, port, false)) {
      queueMicrotask(() => this.call((m) => m.onOpenFailed(this, to, 'linked')));
      return;
    }
    const link = mesh.linkTo(host, port);
    if (link) this.opening.set(link, String(to));
  }

  close(link: number): void {
    const l = this.node!.mesh.table.at(link);
    if (!l) return;
    this.closedByUs.add(l);
    l.close('local', 'membership closed it');
  }

  control(link: number, msg: MembershipMsg): void {
    if (this.node!.mesh.table.at(link)?.send((codec) => (codec.name === 'json' ? encodeMembershipFrame(msg) : undefined))) this.controlSent++;
  }

  controlTo(to: Address, msg: MembershipMsg): void {
    const [host, port] = split(String(to));
    const there = this.node!.mesh.linkTo(host, port);
    if (there && this.members.has(there)) return this.control(there.link, msg);
    if (this.courier?.send(host, port, msg)) this.controlSent++;
  }

  setTimer(delayMs: number, token: TimerToken): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.call((m) => m.onTimer(this, token));
    }, delayMs);
    this.timers.add(timer);
  }

  // ---- LinkWatch: what the node's links tell ----

  up(link: Link): void {
    this.admit(link);
  }

  event(link: Link, event: Parameters<LinkWatch['event']>[1]): void {
    if (event.kind === 'hello') return this.admit(link);
    if (event.kind !== 'membership') return;
    this.controlReceived++;
    const member = this.members.get(link);
    if (member) return this.call((m) => m.onControl(this, member.index, event.msg));
    if (listeningAddress(link) !== undefined) return; // a listening peer's link is a member once up: nothing arrives before
    // A courier's link: one message, handed over as a one-shot, then the link is closed.
    this.closedByUs.add(link);
    link.close('local', 'one-shot message received');
    this.call((m) => m.onControl(this, NO_LINK, event.msg));
  }

  /** Dissemination sends on membership links the protocol admits, and on links that are no one's (gob); not on couriers'. */
  carries(link: Link): boolean {
    const member = this.members.get(link);
    if (member) return this.membership.admitted?.(this, member.index) ?? true;
    return !(link.hello && link.hello.port === 0);
  }

  closed(link: Link, kind: CloseKind, reason: string): void {
    const to = this.opening.get(link);
    this.opening.delete(link);
    const member = this.members.get(link);
    this.members.delete(link);
    if (member) {
      if (!this.closedByUs.has(link)) this.call((m) => m.onLinkDown(this, member.index, member.peer));
      this.tell();
      return;
    }
    if (to === undefined) return;
    const why: OpenFailure = kind === 'local' ? 'linked' : link.everConnected ? 'refused' : 'unreachable';
    if (why !== 'linked') this.failed(to, kind, link.everConnected, reason);
    this.call((m) => m.onOpenFailed(this, to, why));
  }

  /** A dial (or courier link) to `to` failed: said on the log, every try at first, then every tenth. */
  failed(to: string, _kind: CloseKind, connected: boolean, reason: string): void {
    const n = (this.failures.get(to) ?? 0) + 1;
    this.failures.set(to, n);
    if (this.failures.size > 256) this.failures.clear();
    const what = to === this.entry ? `entry ${to}` : to;
    // Bytes that are not floodlab frames say 'not a floodlab node'; a timeout may be a slow floodlab node, so it is only retried.
    if (connected && reason.startsWith('bad frame')) this.events.notFloodlab?.(to, reason);
    if (n <= 3 || n % 10 === 0)
      this.events.log(connected ? `${what} answered but no floodlab link came up (${reason}); still trying (${n} failed)` : `${what} is unreachable; still trying (${n} failed)`);
  }

  /** Starts the protocol (the node listens and the courier exists). */
  start(): void {
    this.state = this.membership.init(this);
    this.call((m) => m.onStart(this));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** A link becomes a membership link once it is up and its listening address is known. */
  private admit(link: Link): void {
    if (this.members.has(link) || !link.up || !link.hello || link.link < 0) return;
    const peer = listeningAddress(link);
    if (peer === undefined) return;
    this.opening.delete(link);
    this.failures.delete(peer);
    this.members.set(link, { index: link.link, peer });
    this.call((m) => m.onLinkUp(this, link.link, peer));
    this.tell();
  }

  /** One line when the node reaches K links or falls below: `/peers` has the rest. */
  private tell(): void {
    const n = this.members.size;
    const want = this.membership.want;
    const at = n >= want;
    if (at === this.atWant) return;
    this.atWant = at;
    this.events.log(at ? `membership: at ${n} links (want ${want})` : `membership: below ${want} links (${n}); repairing`);
  }

  private call(f: (m: Membership) => void): void {
    if (!this.stopped && this.state !== undefined) f(this.membership);
  }
}

/** 'host:port' into its parts (addresses here were checked on the wire or by the CLI). */
export function split(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}
