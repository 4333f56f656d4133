/**
 * Admission: how many connections a node will hold, so a stranger opening sockets cannot make it
 * spend without bound. Each connection holds a ticket from accept (or dial) to close; an inbound
 * one first counts as handshaking (capped on its own, so idle sockets cannot crowd out links),
 * then as a link once its handshake proves a key. An inbound link that comes up without a key (a
 * Go node on the gob wire, or a silent socket taken for one: nothing tells them apart) counts as
 * unauthenticated, capped on its own: such links receive the chat, so idle sockets cannot take
 * many. Pure counting: the runtime closes what is refused.
 */
import { check } from './errors.ts';

export interface AdmissionLimits {
  /** Most links in all, inbound and outbound (handshaking ones included). */
  readonly maxLinks: number;
  /** Most inbound links (handshaking ones included). */
  readonly maxInbound: number;
  /** Most inbound connections still in their handshake. */
  readonly maxHandshaking: number;
  /** Most inbound connections from one IP address. */
  readonly maxPerIp: number;
  /** Most inbound links up without a key (gob); DEFAULT_MAX_UNAUTHENTICATED when not given. */
  readonly maxUnauthenticated?: number;
}

/** Inbound Go (gob) links at a time, unless the limits say otherwise. */
export const DEFAULT_MAX_UNAUTHENTICATED = 8;

export const DEFAULT_ADMISSION: AdmissionLimits = { maxLinks: 128, maxInbound: 96, maxHandshaking: 32, maxPerIp: 64, maxUnauthenticated: DEFAULT_MAX_UNAUTHENTICATED };

/**
 * Caps for a lab network that `launch` runs on one machine: every node is on 127.0.0.1 and a hub
 * may link to all the others, so each cap is the node count plus a margin.
 */
export function labAdmission(nodes: number): AdmissionLimits {
  const n = Math.max(nodes, 1) + 8;
  return { maxLinks: n, maxInbound: n, maxHandshaking: n, maxPerIp: n, maxUnauthenticated: n };
}

/** One connection's place in the counts; `release` is idempotent. */
export interface Ticket {
  /**
   * The handshake finished: the connection now counts as a link, not as handshaking. An inbound
   * link up without a key is refused past its cap: the reason is returned and the caller closes it.
   */
  promote(unauthenticated?: boolean): string | undefined;
  release(): void;
}

export class Admission {
  private links = 0;
  private inboundLinks = 0;
  private handshaking = 0;
  private unauthenticated = 0;
  private readonly perIp = new Map<string, number>();

  constructor(readonly limits: AdmissionLimits = DEFAULT_ADMISSION) {
    for (const [k, v] of Object.entries(limits)) if (v !== undefined) check(Number.isInteger(v) && v >= 1, 'ERR_BAD_ADMISSION', `admission: ${k} ${v} must be an integer >= 1`);
  }

  /** Connections counted now: links (handshaking included), inbound, handshaking. */
  counts(): { readonly links: number; readonly inbound: number; readonly handshaking: number; readonly ips: number; readonly unauthenticated: number } {
    return { links: this.links, inbound: this.inboundLinks, handshaking: this.handshaking, ips: this.perIp.size, unauthenticated: this.unauthenticated };
  }

  /** A ticket for a connection accepted from `ip`, or why it is refused. */
  inbound(ip: string): Ticket | string {
    const l = this.limits;
    if (this.links >= l.maxLinks) return `at the limit of ${l.maxLinks} links`;
    if (this.inboundLinks >= l.maxInbound) return `at the limit of ${l.maxInbound} inbound links`;
    if (this.handshaking >= l.maxHandshaking) return `at the limit of ${l.maxHandshaking} connections in their handshake`;
    const fromIp = this.perIp.get(ip) ?? 0;
    if (fromIp >= l.maxPerIp) return `at the limit of ${l.maxPerIp} connections from ${ip}`;
    this.perIp.set(ip, fromIp + 1);
    this.links++;
    this.inboundLinks++;
    this.handshaking++;
    let state: 'handshaking' | 'link' | 'released' = 'handshaking';
    let keyless = false;
    return {
      promote: (unauthenticated = false) => {
        if (state !== 'handshaking') return undefined;
        const cap = l.maxUnauthenticated ?? DEFAULT_MAX_UNAUTHENTICATED;
        if (unauthenticated && this.unauthenticated >= cap) return `at the limit of ${cap} links without a key (Go nodes, or silent sockets taken for them)`;
        state = 'link';
        this.handshaking--;
        if (unauthenticated) {
          keyless = true;
          this.unauthenticated++;
        }
        return undefined;
      },
      release: () => {
        if (state === 'released') return;
        if (state === 'handshaking') this.handshaking--;
        if (keyless) this.unauthenticated--;
        state = 'released';
        this.links--;
        this.inboundLinks--;
        const n = (this.perIp.get(ip) ?? 1) - 1;
        if (n === 0) this.perIp.delete(ip);
        else this.perIp.set(ip, n);
      },
    };
  }

  /** A ticket for a connection this node dials, or why it is refused. */
  outbound(): Ticket | string {
    if (this.links >= this.limits.maxLinks) return `at the limit of ${this.limits.maxLinks} links`;
    this.links++;
    let released = false;
    return {
      promote: () => undefined,
      release: () => {
        if (released) return;
        released = true;
        this.links--;
      },
    };
  }
}
