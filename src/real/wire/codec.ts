/**
 * What a wire format must do for one link, whatever its bytes look like: turn a message (and,
 * where the format has them, control messages and the link's hello) into bytes, and turn a byte
 * stream, cut anywhere, back into events. floodlab's own length-prefixed JSON is the first codec
 * (wire/json.ts); Go's gob is the second. A link picks its codec when it dials, or from the first
 * bytes an accepted connection sends. Every codec bounds what a stranger can make it buffer.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import type { Control } from '../../core/seam.ts';

/**
 * A chat message as it travels: ids are strings on every wire (a gob id is the decimal string of
 * its 63-bit integer, never rounded through a JS number); `hops` is the count on this copy
 * (1 = sent by the origin).
 */
export interface WireMessage {
  readonly id: string;
  /** The author's name. A wire that carries no author (gob) decodes '' and the node names the message by the link's address, as the Go program shows it. */
  readonly origin: string;
  readonly text: string;
  readonly hops: number;
  /** A signed message's author key, time (ms) and signature (trust/signed.ts); absent when unsigned. */
  readonly key?: string;
  readonly ts?: number;
  readonly sig?: string;
}

/**
 * The first frame floodlab's own wire sends on every link, before anything else: who this node
 * is and the port it listens on (0 when it does not listen), so that the other side can name the
 * link and refuse a second link to the same node. The trust issue's signed handshake grows it.
 */
export interface Hello {
  /** Wire version: 1. */
  readonly version: number;
  readonly name: string;
  readonly port: number;
}

/** One thing decoded from a link's byte stream. */
export type WireEvent =
  | { readonly kind: 'message'; readonly message: WireMessage }
  | { readonly kind: 'control'; readonly control: Control }
  /** A membership control message (real/membership/wire.ts): JOIN_REQ, HyParView's messages. */
  | { readonly kind: 'membership'; readonly msg: MembershipMsg }
  | { readonly kind: 'hello'; readonly hello: Hello }
  /** A step of the signed link handshake (trust/link-handshake.ts), handed to the Handshake as it is. */
  | { readonly kind: 'handshake'; readonly body: Buffer }
  /**
   * A frame that arrived whole but whose content is not valid. The stream is still in step, so
   * the link decides: today it closes; a peer score may instead count it and go on. Errors that
   * lose the stream's framing (a length over the limit) are thrown instead.
   */
  | { readonly kind: 'invalid'; readonly error: WireError };

/** What a decoder may hold for one link. */
export interface WireLimits {
  /** Largest frame (or gob message) accepted; checked before its bytes are buffered. */
  readonly maxFrameBytes: number;
}

/** Bad input on a link: the link is closed with this one-line reason; the node keeps running. */
export class WireError extends Error {
  override readonly name: string = 'WireError';
  constructor(
    /** Stable code, e.g. 'ERR_FRAME_TOO_LONG', 'ERR_BAD_BODY', 'ERR_BAD_HELLO'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Turns one link's byte stream into events. One decoder per link; unusable after it throws. */
export interface WireDecoder {
  /** Feeds one chunk (any size, cut anywhere); returns the events it completed, in order. Throws WireError. */
  push(chunk: Buffer): WireEvent[];
  /**
   * As push, but hands each event to `onEvent` as soon as it is decoded, so a chunk's messages are
   * not all alive at once; `onEvent` returns false to stop decoding for good (the link closed).
   * Returns how many events were handed over. Optional: a link falls back to push.
   */
  each?(chunk: Buffer, onEvent: (event: WireEvent) => boolean): number;
  /** The stream ended: throws WireError when part of a frame is left over. */
  finish(): void;
  /** Bytes held for an unfinished frame. */
  readonly buffered: number;
}

/**
 * Paces one link's writes, for a peer that cannot take messages back to back (the Go node loses a
 * message that shares a TCP read with another). `received` is told every event the link decodes.
 */
export interface WirePacer {
  /** Writes `frame` when its turn comes; false when it was not queued (full, closed, or not needed by the peer). */
  send(frame: Buffer): boolean;
  received(event: WireEvent): void;
  close(): void;
  /** Frames waiting. */
  readonly queued: number;
}

export interface WireCodec {
  /** 'json', 'gob': shown in /peers and logs. */
  readonly name: string;
  /** One message (with its hop count) as bytes ready to write. */
  encodeMessage(msg: WireMessage): Buffer;
  /** A control message; absent when the format has none (gob), so protocols needing control cannot use such links. */
  encodeControl?(control: Control): Buffer;
  /** The hello; absent when the format has none (gob: the Go program never speaks first). */
  encodeHello?(hello: Hello): Buffer;
  newDecoder(limits: WireLimits): WireDecoder;
  /** A pacer for one link's writes, when the peer needs one (gob); `write` queues a frame on the socket. */
  newPacer?(write: (frame: Buffer) => boolean): WirePacer;
}
