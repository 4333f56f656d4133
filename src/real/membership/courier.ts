/**
 * One-shot membership messages (MembershipPort.controlTo) to a node this one has no link to: the
 * paper's "temporary connection". A courier is a LinkManager of its own that never listens, so its
 * hello says port 0 ("I do not listen"): the receiver cannot take such a link for a membership
 * link, hands the message in it to its protocol as a one-shot (NO_LINK) and closes the link. The
 * courier's link runs the node's handshake (signed when the node has a key), like any other.
 * Bounded: at most MAX_COURIER_LINKS at once (further messages are dropped, as a lost one-shot is),
 * and each link is closed after COURIER_LINGER_MS whatever the receiver does.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import { LinkManager, type LinkWatch } from '../link-manager.ts';
import { meshOptions } from '../node-mesh.ts';
import type { RealNodeOptions } from '../node-options.ts';
import type { CloseKind, Link } from '../link.ts';
import { helloHandshake } from '../handshake.ts';
import { signedHandshake } from '../trust/signed-handshake.ts';
import type { Hello } from '../wire/codec.ts';
import { WIRE_VERSION } from '../wire/hello.ts';
import { encodeMembershipFrame } from './wire.ts';

export const MAX_COURIER_LINKS = 16;
export const COURIER_LINGER_MS = 5_000;

export class Courier {
  private readonly mesh: LinkManager;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    options: RealNodeOptions,
    self: () => { readonly name: string; readonly host: string; readonly port: number },
    /** A courier link to `to` closed before it was ever up: `kind` says why. */
    failed: (to: string, kind: CloseKind, connected: boolean, reason: string) => void,
  ) {
    const ups = new WeakSet<Link>();
    const watch: LinkWatch = {
      up: (link) => void ups.add(link),
      event: () => {},
      closed: (link, kind, reason) => {
        if (!ups.has(link) && !this.closed) failed(link.remote, kind, link.everConnected, reason);
      },
    };
    // The hello says port 0 (not a membership link); the signed handshake still signs where this node listens.
    const hello = (): Hello => ({ version: WIRE_VERSION, name: self().name, port: 0 });
    const handshake =
      options.handshake ?? (options.key ? signedHandshake({ key: options.key, hello, address: () => `${self().host}:${self().port}`, allowUnauthenticated: false }) : helloHandshake(hello));
    this.mesh = new LinkManager(
      meshOptions(
        { ...options, watch, handshake },
        {
          self: () => ({ ...self(), port: 0 }),
          traffic: { bytesIn: 0, bytesOut: 0 },
          event: () => {},
          badFrame: () => {},
          log: () => {},
        },
      ),
    );
  }

  /** Sends `msg` to the node listening at host:port over a short-lived link; false when dropped. */
  send(host: string, port: number, msg: MembershipMsg): boolean {
    if (this.closed) return false;
    if (!this.mesh.linkTo(host, port)) {
      if (this.mesh.table.peers >= MAX_COURIER_LINKS) return false;
      if (!this.mesh.connect(host, port, false)) return false;
      const link = this.mesh.linkTo(host, port)!;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        link.close('local', 'one-shot message delivered');
      }, COURIER_LINGER_MS);
      this.timers.add(timer);
    }
    return this.mesh.linkTo(host, port)?.send(() => encodeMembershipFrame(msg)) ?? false;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return this.mesh.close();
  }
}
