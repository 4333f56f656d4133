/**
 * The one MembershipPort of a MembershipNet, re-aimed at the node whose event runs (a flyweight, as
 * the engine's dissemination port is): a million nodes need no million port objects. Protocols
 * never keep a port across events, so re-aiming it is safe.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import type { Address, MembershipPort } from '../../core/membership/seam.ts';
import type { TimerToken } from '../../core/seam.ts';

/** What the port needs from its network (MembershipNet); an interface here keeps imports one-way. */
export interface PortHost {
  readonly entries: readonly (Address | undefined)[];
  readonly states: readonly unknown[];
  readonly topology: { linkCount(u: number): number };
  readonly rng: () => number;
  peerOf(u: number, link: number): Address | undefined;
  open(u: number, to: Address): void;
  close(u: number, link: number): void;
  control(u: number, link: number, msg: MembershipMsg): void;
  controlTo(u: number, to: Address, msg: MembershipMsg): void;
  setTimer(u: number, delayMs: number, token: TimerToken): void;
}

export class NetPort implements MembershipPort {
  /** The node this port currently speaks for. */
  u = 0;
  constructor(private readonly net: PortHost) {}

  get self(): Address {
    return this.u;
  }
  get entry(): Address | undefined {
    return this.net.entries[this.u];
  }
  get links(): number {
    return this.net.topology.linkCount(this.u);
  }
  get state(): unknown {
    return this.net.states[this.u];
  }
  random(): number {
    return this.net.rng();
  }
  peer(link: number): Address | undefined {
    return this.net.peerOf(this.u, link);
  }
  open(to: Address): void {
    this.net.open(this.u, to);
  }
  close(link: number): void {
    this.net.close(this.u, link);
  }
  control(link: number, msg: MembershipMsg): void {
    this.net.control(this.u, link, msg);
  }
  controlTo(to: Address, msg: MembershipMsg): void {
    this.net.controlTo(this.u, to, msg);
  }
  setTimer(delayMs: number, token: TimerToken): void {
    this.net.setTimer(this.u, delayMs, token);
  }
}
