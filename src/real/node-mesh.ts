/**
 * How a RealNode's options become its LinkManager's: which codec it dials with and how accepted
 * connections are recognised (`--wire`, wire/pick.ts), which handshake its links run (the plain
 * hello, or the signed one with a key), and its limits. Kept apart from node.ts so that the node
 * reads as the Port it is; the policy joining the two wires and signatures is in docs/security.md.
 */
import { helloHandshake } from './handshake.ts';
import type { Link } from './link.ts';
import { describeLink } from './link-address.ts';
import type { LinkManagerOptions } from './link-manager.ts';
import { DEFAULT_LIMITS, type RealNodeOptions } from './node-options.ts';
import { signedHandshake } from './trust/signed-handshake.ts';
import type { WireEvent } from './wire/codec.ts';
import { WIRE_VERSION } from './wire/hello.ts';
import { wireCodecs } from './wire/pick.ts';

/** What the LinkManager asks of its node. */
export interface MeshHooks {
  /** This node's name, host and port, read when a link starts (they are known after listen). */
  readonly self: () => { readonly name: string; readonly host: string; readonly port: number };
  readonly traffic: { bytesIn: number; bytesOut: number };
  readonly event: (link: Link, event: WireEvent) => void;
  readonly badFrame: () => void;
  readonly log: (line: string) => void;
}

export function meshOptions(options: RealNodeOptions, hooks: MeshHooks): LinkManagerOptions {
  const wire = wireCodecs(options.wire ?? 'auto');
  const hello = (): { version: number; name: string; port: number } => ({ version: WIRE_VERSION, name: hooks.self().name, port: hooks.self().port });
  // A gob link cannot run the signed handshake: it comes up unauthenticated unless the node takes
  // floodlab's wire only (--wire json), whose picker refuses gob connections before this.
  const allowUnauthenticated = options.allowUnauthenticated ?? options.wire !== 'json';
  const handshake =
    options.handshake ?? (options.key ? signedHandshake({ key: options.key, hello, address: () => `${hooks.self().host}:${hooks.self().port}`, allowUnauthenticated }) : helloHandshake(hello));
  const acceptSilence = options.acceptSilence ?? wire.acceptSilence;
  return {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    dialCodec: options.dialCodec ?? wire.dialCodec,
    acceptCodec: options.acceptCodec ?? wire.acceptCodec,
    ...(acceptSilence ? { acceptSilence } : {}),
    handshake,
    ...(options.admission ? { admission: options.admission } : {}),
    offence: (link, reason) => {
      hooks.badFrame();
      // The first bad frame on a link is told; the rest are counted (/stats), and the link closes at the score's limit.
      if (link.offences === 1) hooks.log(`bad frame from ${describeLink(link)} dropped and counted (the link stays unless they repeat): ${reason}`);
    },
    traffic: hooks.traffic,
    event: hooks.event,
    log: hooks.log,
    ...(options.redialClock ? { clock: options.redialClock } : {}),
    ...(options.watch ? { watch: options.watch } : {}),
  };
}
