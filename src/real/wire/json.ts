/**
 * floodlab's own wire as a WireCodec: length-prefixed frames (frame.ts) whose bodies are compact
 * JSON (codec.ts: messages and control messages; hello.ts: the hello; trust/: signed messages and
 * handshake steps). A body is told apart by its first bytes: `{"hello":` a hello, `{"k":` a signed
 * message, `{"hs":` a handshake step, `{"c":` a control message, `{"m":` a membership message
 * (membership/wire.ts), anything else a message.
 */
import type { Control } from '../../core/seam.ts';
import { ReceivedMsg, at, decodeCompact, decodeFrame, encodeControlFrame, encodeMessageFrame } from '../codec.ts';
import { FrameDecoder } from '../frame.ts';
import { WireError, type Hello, type WireCodec, type WireDecoder, type WireEvent, type WireLimits, type WireMessage } from './codec.ts';
import { HELLO_PREFIX, decodeHello, encodeHelloFrame } from './hello.ts';
import { isHandshakeBody } from '../trust/link-handshake.ts';
import { decodeSignedBody, encodeSignedFrame, isSignedBody } from '../trust/signed-codec.ts';
import type { SignedMsg } from '../trust/signed.ts';
import { MEMBERSHIP_PREFIX, decodeMembershipBody } from '../membership/wire.ts';

/** One body as an event: a hello, a control message, a message, or 'invalid' with the reason. */
export function decodeBody(body: Buffer): WireEvent {
  try {
    if (at(body, 0, HELLO_PREFIX)) return { kind: 'hello', hello: decodeHello(body) };
    if (isSignedBody(body)) return { kind: 'message', message: decodeSignedBody(body) };
    if (isHandshakeBody(body)) return { kind: 'handshake', body };
    if (at(body, 0, MEMBERSHIP_PREFIX)) return { kind: 'membership', msg: decodeMembershipBody(body) };
    const decoded = decodeFrame(body);
    return decoded instanceof ReceivedMsg ? { kind: 'message', message: decoded } : { kind: 'control', control: decoded };
  } catch (err) {
    if (err instanceof WireError) return { kind: 'invalid', error: err };
    throw err;
  }
}

/** What a decoder holds between pushes: nothing (frozen, so a frame outside a push throws rather than collects). */
const NO_EVENTS: WireEvent[] = Object.freeze([]) as unknown as WireEvent[];

/** One frame body given as buf[start..end): a compact message read in place, anything else by decodeBody. */
function decodeRange(buf: Buffer, start: number, end: number): WireEvent {
  try {
    const message = decodeCompact(buf, start, end);
    if (message) return { kind: 'message', message };
  } catch (err) {
    if (err instanceof WireError) return { kind: 'invalid', error: err };
    throw err;
  }
  return decodeBody(buf.subarray(start, end));
}

class JsonDecoder implements WireDecoder {
  /**
   * The events of the chunk being pushed, and only during the push: an array kept on the decoder
   * between chunks lives long enough to reach the old generation, and once dropped there it would
   * keep the next chunk's messages alive through young collections (each chunk's garbage promoted).
   */
  private events: WireEvent[] = NO_EVENTS;
  /** During `each`: where events go, and how many went. */
  private sink: ((event: WireEvent) => boolean) | undefined;
  private handed = 0;
  private readonly frames: FrameDecoder;

  constructor(limits: WireLimits) {
    this.frames = FrameDecoder.ofRanges((buf, start, end) => this.take(decodeRange(buf, start, end)), limits.maxFrameBytes);
  }

  each(chunk: Buffer, onEvent: (event: WireEvent) => boolean): number {
    this.sink = onEvent;
    this.handed = 0;
    try {
      this.frames.push(chunk);
    } finally {
      this.sink = undefined;
    }
    return this.handed;
  }

  private take(event: WireEvent): void {
    if (!this.sink) {
      this.events.push(event);
      return;
    }
    this.handed++;
    if (!this.sink(event)) this.frames.stop();
  }

  get buffered(): number {
    return this.frames.buffered;
  }

  push(chunk: Buffer): WireEvent[] {
    const events: WireEvent[] = [];
    this.events = events;
    try {
      this.frames.push(chunk);
    } finally {
      this.events = NO_EVENTS;
    }
    return events;
  }

  finish(): void {
    this.frames.end();
  }
}

export const jsonCodec: WireCodec = {
  name: 'json',
  encodeMessage: (msg: WireMessage): Buffer => (msg.sig !== undefined ? encodeSignedFrame(msg as SignedMsg, msg.hops) : encodeMessageFrame(msg, msg.hops)),
  encodeControl: (control: Control): Buffer => encodeControlFrame(control),
  encodeHello: (hello: Hello): Buffer => encodeHelloFrame(hello),
  newDecoder: (limits: WireLimits): WireDecoder => new JsonDecoder(limits),
};
