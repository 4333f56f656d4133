/**
 * What a RealNode is configured with and what it reports: its options, its counters, one line
 * per peer, and the default limits on every peer's socket.
 */
import type { Msg } from '../core/message.ts';
import type { Protocol } from '../core/seam.ts';
import { DEFAULT_MAX_FRAME_BYTES } from './frame.ts';
import type { Handshake } from './handshake.ts';
import type { CodecPicker, LinkLimits, LinkState } from './link.ts';
import type { RedialClock } from './redial.ts';
import type { WireCodec } from './wire/codec.ts';
import type { WireName } from './wire/pick.ts';

export interface RealNodeOptions {
  /** Shown as the author of this node's messages; default `node-PORT`. */
  readonly name?: string;
  readonly protocol: Protocol;
  /** Interface to listen on; 127.0.0.1 unless asked. */
  readonly host?: string;
  /** First port to try (next ones when taken); 0 lets the OS choose. Default 55555. */
  readonly port?: number;
  readonly limits?: Partial<LinkLimits>;
  /** Seen-cache bounds: ids remembered at most, and for how long (ms). */
  readonly seenMaxEntries?: number;
  readonly seenMaxAgeMs?: number;
  /** A message reached this node for the first time (`hops` = 0 for its own). */
  readonly onDeliver?: (msg: Msg, hops: number) => void;
  /** One line per event worth telling a user: connections, drops, bad frames, redials. */
  readonly log?: (line: string) => void;
  /**
   * The wire: what this node dials with (auto: JSON) and how long an accepted connection may stay
   * silent before it is taken for a Go node (wire/pick.ts). Default 'auto'. dialCodec and
   * acceptCodec, when given, take precedence.
   */
  readonly wire?: WireName;
  /** The codec links this node dials speak; floodlab's JSON by default. */
  readonly dialCodec?: WireCodec;
  /** How an accepted link's codec is chosen from its first bytes; JSON for every link by default. */
  readonly acceptCodec?: CodecPicker;
  /** The codec for an accepted link that sends nothing for `afterMs` (a Go node never speaks first); none by default. */
  readonly acceptSilence?: { readonly afterMs: number; readonly codec: WireCodec };
  /** What happens between "socket connected" and "link up"; the hello by default (handshake.ts). */
  readonly handshake?: Handshake;
  /** Time and chance for the redial policy (tests pass a fake). */
  readonly redialClock?: RedialClock;
}

/** The transport's counters (the protocol never counts). */
export interface NodeStats {
  /** Payload frames sent and received (chat messages). */
  readonly sent: number;
  readonly received: number;
  /** Control frames sent and received (IHAVE, GRAFT, PRUNE, INV, GETDATA); counted in the bytes too. */
  readonly controlSent: number;
  readonly controlReceived: number;
  readonly duplicates: number;
  readonly delivered: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Peers present (connecting or connected), and of those the connected ones. */
  readonly peers: number;
  readonly connected: number;
  readonly dropped: number;
  readonly seen: number;
}

export interface PeerInfo {
  /** Its slot, or -1 for a link waiting to be redialed. */
  readonly link: number;
  /** 'host:port' dialed, or the socket's remote address for an accepted link. */
  readonly remote: string;
  readonly direction: 'out' | 'in';
  readonly state: LinkState | 'redialing';
  /** True when up (in the flood). */
  readonly connected: boolean;
  /** The other node's name, from its hello. */
  readonly name?: string;
  /** Where the other node listens: dialed, or from its hello. */
  readonly listening?: string;
  /** The wire codec ('json'; '?' while an accepted link's first bytes are awaited). */
  readonly wire: string;
  /** For a link waiting to be redialed: the next try and how soon. */
  readonly redial?: { readonly attempt: number; readonly inMs: number };
  readonly framesIn: number;
  readonly framesOut: number;
  readonly pendingBytes: number;
}

/** Limits on every peer unless the options say otherwise (see docs/real-nodes.md). */
export const DEFAULT_LIMITS: LinkLimits = { maxFrameBytes: DEFAULT_MAX_FRAME_BYTES, maxWriteBufferBytes: 4 * 1024 * 1024, stallTimeoutMs: 10_000, connectTimeoutMs: 5_000 };
