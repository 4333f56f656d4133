/**
 * What a RealNode is configured with and what it reports: its options, its counters, one line
 * per peer, and the default limits on every peer's socket.
 */
import type { AdmissionLimits } from '../core/admission.ts';
import type { Msg } from '../core/message.ts';
import type { NodeKey } from './trust/keys.ts';
import type { Protocol } from '../core/seam.ts';
import { DEFAULT_PEER_SCORE } from '../core/peer-score.ts';
import { DEFAULT_MAX_FRAME_BYTES } from './frame.ts';
import type { Handshake } from './handshake.ts';
import type { CodecPicker, LinkState } from './link.ts';
import type { LinkLimits } from './link-limits.ts';
import type { LinkWatch } from './link-watch.ts';
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
  /**
   * The node's key pair (trust/keys.ts). With it the node signs what it originates, takes only
   * signed messages (and Go messages, marked unverified), and authenticates every JSON link with
   * the signed handshake (docs/security.md). Without it, messages and links are unsigned, as before.
   */
  readonly key?: NodeKey;
  /** With a key: let links on a wire without a handshake (gob) come up unauthenticated. Default: yes, unless `wire` is 'json'. */
  readonly allowUnauthenticated?: boolean;
  /** Caps on links and connections; DEFAULT_ADMISSION (core/admission.ts) unless given. */
  readonly admission?: AdmissionLimits;
  /** Signed messages: newest time accepted ahead of our clock (ms); default 30 s. */
  readonly clockSkewMs?: number;
  /** Told of every link's up, events and close (membership over TCP: real/membership/). */
  readonly watch?: LinkWatch;
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
  /** Bad frames dropped and scored against the peer that sent them (its link stays until the score's limit). */
  readonly badFrames: number;
  /** Signed messages dropped: content not matching its id, or a signature that does not verify. */
  readonly badSignatures: number;
  /** Signed messages dropped as replays: older than the window, below the replay floor, or too far ahead. */
  readonly stale: number;
  /** Unsigned messages dropped by a node that takes signed ones only (not Go messages, below). */
  readonly unsigned: number;
  /** Go messages (a 'g' id, an address as author) a node with a key let through unsigned, marked unverified. */
  readonly unverified: number;
  /** Messages received at the hop limit: delivered, never forwarded. */
  readonly hopLimited: number;
  /** Connections refused by the admission caps. */
  readonly refused: number;
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
export const DEFAULT_LIMITS: LinkLimits = {
  maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
  maxWriteBufferBytes: 4 * 1024 * 1024,
  stallTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  handshakeTimeoutMs: 5_000,
  partialFrameTimeoutMs: 10_000,
  // 1,000 signed messages a second cost a fifth of a core to verify (0.2 ms each): one peer cannot take the node.
  budget: { messages: { ratePerSec: 1_000, burst: 5_000 }, bytes: { ratePerSec: 2 * 1024 * 1024, burst: 8 * 1024 * 1024 } },
  score: DEFAULT_PEER_SCORE,
};
