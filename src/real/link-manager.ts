/**
 * A node's neighbours: the TCP transport, the links in their stable slots, and the redial
 * policy. It dials (`connect`), accepts, refuses a second link to a node already linked (known
 * by its listening address: dialed, or from its hello), redials links the user made, and says
 * what each link is for `/peers`. What links carry is the node's business (node.ts).
 */
import type { Socket } from 'node:net';
import { Admission, type AdmissionLimits, type Ticket } from '../core/admission.ts';
import type { Handshake } from './handshake.ts';
import { Link, type CloseKind, type CodecPicker, type LinkEvents } from './link.ts';
import type { LinkLimits } from './link-limits.ts';
import { LinkTable } from './links.ts';
import type { PeerInfo } from './node-options.ts';
import type { LinkWatch } from './link-watch.ts';

export type { LinkWatch } from './link-watch.ts';
import { Redialer, systemClock, type RedialClock } from './redial.ts';
import { TcpTransport, plainHost } from './transport/tcp.ts';
import { compareAddress, describeLink, listeningAddress } from './link-address.ts';
import type { WireCodec, WireEvent } from './wire/codec.ts';

/** try -1 = a plain connect, 0 = a user's connect redialed on drop, k > 0 = redial k. */
interface Dial {
  readonly host: string;
  readonly port: number;
  readonly attempt: number;
}

export interface LinkManagerOptions {
  readonly limits: LinkLimits;
  /** The codec this node dials with, and how it recognises accepted connections. */
  readonly dialCodec: WireCodec;
  readonly acceptCodec: CodecPicker;
  readonly acceptSilence?: { readonly afterMs: number; readonly codec: WireCodec };
  readonly handshake: Handshake;
  readonly traffic: { bytesIn: number; bytesOut: number };
  /** An event on an up link (message, control or hello). */
  readonly event: (link: Link, event: WireEvent) => void;
  readonly log: (line: string) => void;
  readonly clock?: RedialClock;
  /** Caps on links and connections (core/admission.ts); DEFAULT_ADMISSION unless given. */
  readonly admission?: AdmissionLimits;
  /** A bad frame was dropped and scored on a link that stays up. */
  readonly offence?: (link: Link, reason: string) => void;
  readonly watch?: LinkWatch;
}

export class LinkManager {
  readonly table = new LinkTable();
  readonly transport: TcpTransport;
  dropped = 0;
  /** Connections refused by admission (caps on links, handshakes, per IP). */
  refused = 0;
  readonly admission: Admission;
  private readonly tickets = new WeakMap<Link, Ticket>();
  private readonly all = new Set<Link>();
  private readonly dials = new WeakMap<Link, Dial>();
  private readonly redialer: Redialer;
  /** The codec a user chose for one address (`connect gob://...`), kept for its redials. */
  private readonly codecFor = new Map<string, WireCodec>();
  private readonly clock: RedialClock;
  // What every link tells this manager: one object for all links, not four closures a link.
  private readonly linkEvents: LinkEvents = {
    up: (l) => this.onUp(l),
    event: (l, e) => this.onEvent(l, e),
    closed: (l, kind, reason) => this.onClosed(l, kind, reason),
    offence: (l, reason) => this.options.offence?.(l, reason),
  };
  private closing = false;

  constructor(private readonly options: LinkManagerOptions) {
    this.admission = new Admission(options.admission);
    this.transport = new TcpTransport((socket, remote) => this.accept(socket, remote), options.log);
    this.clock = options.clock ?? systemClock;
    this.redialer = new Redialer((host, port, attempt) => this.redial(host, port, attempt), this.clock);
  }

  /** The link already open to the node listening at host:port, if any. */
  linkTo(host: string, port: number): Link | undefined {
    const address = `${plainHost(host)}:${port}`;
    return this.table.list().find((l) => listeningAddress(l) === address);
  }

  /**
   * Dials host:port (at once, even when a redial to it is waiting); `redial` makes it come back
   * after a drop. Refused, with one logged line and false, when host:port is this node or a node
   * already linked: a second link would bring every message twice. `codec` overrides the node's
   * dial codec for this address (`connect gob://...`), its redials included.
   */
  connect(host: string, port: number, redial: boolean, codec?: WireCodec): boolean {
    const { host: self, port: selfPort } = this.transport;
    if (port === selfPort && (plainHost(host) === self || (self === '127.0.0.1' && host.startsWith('127.')))) {
      this.options.log(`${host}:${port} is this node itself; connect to another node's address`);
      return false;
    }
    const there = this.linkTo(host, port);
    if (there) {
      this.options.log(`already linked to ${describeLink(there)} (link ${there.link}); a second link would bring every message twice`);
      return false;
    }
    this.redialer.cancel(plainHost(host), port);
    if (codec) this.codecFor.set(`${plainHost(host)}:${port}`, codec);
    else this.codecFor.delete(`${plainHost(host)}:${port}`);
    this.open(plainHost(host), port, redial ? 0 : -1);
    return true;
  }

  peers(): PeerInfo[] {
    const now = this.clock.now();
    const links = this.table.list().map(
      (l): PeerInfo => ({
        link: l.link,
        remote: l.remote,
        direction: l.outgoing ? 'out' : 'in',
        state: l.state,
        connected: l.up,
        ...(l.hello ? { name: l.hello.name } : {}),
        ...(listeningAddress(l) ? { listening: listeningAddress(l)! } : {}),
        wire: l.codec?.name ?? '?',
        framesIn: l.framesIn,
        framesOut: l.framesOut,
        pendingBytes: l.pendingBytes,
      }),
    );
    const waiting = this.redialer.pending().map(
      (r): PeerInfo => ({
        link: -1,
        remote: `${r.host}:${r.port}`,
        direction: 'out',
        state: 'redialing',
        connected: false,
        listening: `${r.host}:${r.port}`,
        redial: { attempt: r.attempt, inMs: Math.max(0, r.dueAt - now) },
        wire: (this.codecFor.get(`${r.host}:${r.port}`) ?? this.options.dialCodec).name,
        framesIn: 0,
        framesOut: 0,
        pendingBytes: 0,
      }),
    );
    return [...links, ...waiting];
  }

  /** Stops accepting and redialing, closes every link; resolves when every socket closed. */
  async close(): Promise<void> {
    this.closing = true;
    this.redialer.stop();
    const closed = this.transport.close();
    for (const link of [...this.all]) link.close('local', 'node shutting down');
    await Promise.all([closed, ...[...this.all].map((l) => l.done)]);
  }

  private open(host: string, port: number, attempt: number): void {
    const ticket = this.admission.outbound();
    if (typeof ticket === 'string') {
      this.options.log(`not dialing ${host}:${port}: ${ticket}`);
      return;
    }
    const link = this.adopt(this.transport.dial(host, port), `${host}:${port}`, true, this.codecFor.get(`${host}:${port}`));
    this.tickets.set(link, ticket);
    if (attempt >= 0) this.dials.set(link, { host, port, attempt });
  }

  /** An accepted socket joins only within the caps; the rest are closed at once, without a word. */
  private accept(socket: Socket, remote: string): void {
    const ticket = this.admission.inbound(remote.slice(0, remote.lastIndexOf(':')));
    if (typeof ticket === 'string') {
      socket.destroy();
      // The first refusal is told, then every 1,000th: a flood of sockets is not a flood of lines.
      if (this.refused++ % 1000 === 0) this.options.log(`refused a connection from ${remote}: ${ticket} (${this.refused} refused so far)`);
      return;
    }
    this.tickets.set(this.adopt(socket, remote, false), ticket);
  }

  private redial(host: string, port: number, attempt: number): void {
    if (this.closing) return;
    const there = this.linkTo(host, port);
    if (there) {
      this.options.log(`${describeLink(there)} is linked again (link ${there.link}); stopped redialing it`);
      return;
    }
    this.open(host, port, attempt);
  }

  private adopt(socket: Socket, remote: string, outgoing: boolean, codec?: WireCodec): Link {
    const link = new Link(socket, {
      remote,
      outgoing,
      codec: outgoing ? (codec ?? this.options.dialCodec) : this.options.acceptCodec,
      handshake: this.options.handshake,
      ...(!outgoing && this.options.acceptSilence ? { silence: this.options.acceptSilence } : {}),
      limits: this.options.limits,
      traffic: this.options.traffic,
      events: this.linkEvents,
    });
    this.all.add(link);
    this.table.add(link);
    return link;
  }

  private onUp(link: Link): void {
    // A link up without the signed handshake's key (gob) is capped: it gets the chat, and nothing
    // tells a Go node that has not spoken yet from an idle socket.
    const refused = this.tickets.get(link)?.promote(!link.codec?.encodeHello);
    if (refused) {
      if (this.refused++ % 1000 === 0) this.options.log(`refused a connection from ${link.remote}: ${refused} (${this.refused} refused so far)`);
      link.close('local', refused);
      return;
    }
    const dial = this.dials.get(link);
    if (dial && dial.attempt > 0) this.dials.set(link, { ...dial, attempt: 0 });
    if (link.outgoing) this.options.log(`connected to ${link.remote} (link ${link.link})`);
    // An accepted link is named by its hello, which follows; a wire without hello is named now.
    else if (!link.codec?.encodeHello) this.options.log(`${link.remote} connected to us (link ${link.link})`);
    this.options.watch?.up(link);
  }

  private onEvent(link: Link, event: WireEvent): void {
    if (event.kind === 'hello') {
      if (!link.outgoing) this.options.log(`${describeLink(link)} connected to us (link ${link.link})`);
      if (this.closeTwin(link)) return;
    }
    this.options.event(link, event);
    this.options.watch?.event(link, event);
  }

  /**
   * Two nodes that dialed each other at the same moment have two links, and every message would
   * cross twice. Once the hello tells, both sides keep the link dialed by the node with the lower
   * listening address and close the other, so they agree without a word. True when `link` closed.
   */
  private closeTwin(link: Link): boolean {
    const address = listeningAddress(link);
    const twin = address && this.table.list().find((l) => l !== link && listeningAddress(l) === address);
    if (!twin) return false;
    const keepOurs = compareAddress(`${plainHost(this.transport.host)}:${this.transport.port}`, address) < 0;
    const drop = twin.outgoing === link.outgoing || link.outgoing !== keepOurs ? link : twin;
    this.options.log(`${describeLink(link)} and this node dialed each other at once; closed the second link (link ${drop.link})`);
    drop.close('local', 'a second link to the same node');
    return drop === link;
  }

  private onClosed(link: Link, kind: CloseKind, reason: string): void {
    this.tickets.get(link)?.release();
    this.table.remove(link);
    link.done.then(
      () => this.all.delete(link),
      () => this.all.delete(link),
    );
    this.options.watch?.closed(link, kind, reason);
    if (kind === 'local') return;
    if (link.everConnected) this.dropped++;
    const dial = this.dials.get(link);
    const what = link.everConnected ? `link to ${describeLink(link)} dropped: ${reason}` : `connect to ${link.remote} failed: ${reason}`;
    if (!dial || this.closing || (!link.everConnected && dial.attempt === 0)) {
      this.options.log(what);
      return;
    }
    const next = link.everConnected ? 1 : dial.attempt + 1;
    const wait = this.redialer.schedule(dial.host, dial.port, next);
    // Every try is logged at first, then every tenth: a peer away for an hour is not 120 lines.
    if (next <= 3 || next % 10 === 0) this.options.log(`${what}; redialing in ${(wait / 1000).toFixed(1)} s (try ${next})`);
  }
}
