/**
 * Length-prefixed frames on a byte stream: a 4-byte big-endian length, then that many bytes of
 * body. The decoder has two states (LENGTH, DATA) and checks a frame's length against the limit
 * before it buffers a byte of its body, so a peer cannot make a node hold more than one frame's
 * worth. Bytes left over when the stream ends are an error, never silently dropped.
 */
import { WireError } from './wire/codec.ts';

/** Bytes of the length prefix. */
export const PREFIX_BYTES = 4;

/** Default largest body a node accepts: a chat line fits many times over. */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

/** A framing error with a stable code: 'ERR_FRAME_TOO_LONG' or 'ERR_FRAME_TRUNCATED'. */
export class FrameError extends WireError {
  override readonly name = 'FrameError';
  declare readonly code: 'ERR_FRAME_TOO_LONG' | 'ERR_FRAME_TRUNCATED';
  constructor(code: FrameError['code'], message: string) {
    super(code, message);
  }
}

/** One frame for `body` (prefix and body in one buffer, so one write sends it whole). */
export function encodeFrame(body: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(PREFIX_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  frame.set(body, PREFIX_BYTES);
  return frame;
}

/** One frame holding `text` as UTF-8, encoded without an intermediate buffer. */
export function encodeTextFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const frame = Buffer.allocUnsafe(PREFIX_BYTES + length);
  frame.writeUInt32BE(length, 0);
  frame.write(text, PREFIX_BYTES);
  return frame;
}

/** Receives one frame as buf[start..end), valid only during the call. */
export type FrameRangeSink = (buf: Buffer, start: number, end: number) => void;

const enum State {
  Length,
  Data,
}

/**
 * Turns chunks of a stream into frame bodies. `push` calls `onFrame` for every complete frame in
 * order and throws a FrameError on a length over the limit; `end` throws if a frame was cut off.
 * After an error the decoder is unusable: the connection is to be closed.
 */
export class FrameDecoder {
  private state = State.Length;
  /** Bytes still needed to finish the current state (prefix or body). */
  private need = PREFIX_BYTES;
  /** Chunks of the current prefix or body received so far (usually zero or one). */
  private readonly parts: Buffer[] = [];
  private partBytes = 0;
  private stopped = false;

  /** Set by `ofRanges`: frames that lie whole in a chunk are handed over as a range of it. */
  private onRange: FrameRangeSink | undefined;

  constructor(
    private readonly onFrame: (body: Buffer) => void,
    private readonly maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES,
  ) {}

  /**
   * A decoder that hands each frame over as buf[start..end) with no Buffer view of its own (one
   * object less per frame); the range is only valid during the call.
   */
  static ofRanges(onRange: FrameRangeSink, maxFrameBytes?: number): FrameDecoder {
    const decoder = new FrameDecoder((body) => onRange(body, 0, body.length), maxFrameBytes);
    decoder.onRange = onRange;
    return decoder;
  }

  /** Bytes held for an unfinished frame. */
  get buffered(): number {
    return this.partBytes;
  }

  /** Feeds one chunk. */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.stopped) {
      const missing = this.need - this.partBytes;
      if (this.partBytes === 0 && chunk.length - at >= this.need) {
        // The whole prefix or body lies in this chunk: no copy (and for a prefix, no view either).
        if (this.state === State.Length) {
          at += PREFIX_BYTES;
          this.lengthRead(chunk.readUInt32BE(at - PREFIX_BYTES));
          continue;
        }
        const start = at;
        at += this.need;
        if (this.onRange) {
          this.state = State.Length;
          this.need = PREFIX_BYTES;
          if (!this.stopped) this.onRange(chunk, start, at);
        } else this.complete(chunk.subarray(start, at));
        continue;
      }
      const take = Math.min(missing, chunk.length - at);
      this.parts.push(chunk.subarray(at, at + take));
      this.partBytes += take;
      at += take;
      if (this.partBytes === this.need) {
        const piece = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partBytes);
        // Emptied in place, not replaced: see WriteQueue.queue (a dropped old array keeps young garbage alive).
        this.parts.length = 0;
        this.partBytes = 0;
        this.complete(piece);
      }
    }
  }

  /** Stops decoding: frames still in the current chunk are not emitted (the peer is closing). */
  stop(): void {
    this.stopped = true;
  }

  /** The stream ended: throws ERR_FRAME_TRUNCATED if part of a frame is left over. */
  end(): void {
    if (this.stopped) return;
    if (this.state === State.Data || this.partBytes > 0) {
      const what = this.state === State.Length ? `${this.partBytes} of ${PREFIX_BYTES} length bytes` : `${this.partBytes} of ${this.need} body bytes`;
      throw new FrameError('ERR_FRAME_TRUNCATED', `frame: stream ended inside a frame (${what})`);
    }
  }

  private complete(piece: Buffer): void {
    if (this.state === State.Length) {
      this.lengthRead(piece.readUInt32BE(0));
      return;
    }
    this.state = State.Length;
    this.need = PREFIX_BYTES;
    if (!this.stopped) this.onFrame(piece);
  }

  /** A frame's length prefix was read: check it against the limit before a byte of its body is held. */
  private lengthRead(length: number): void {
    if (length > this.maxFrameBytes) {
      throw new FrameError('ERR_FRAME_TOO_LONG', `frame: length ${length} is over the limit of ${this.maxFrameBytes} bytes`);
    }
    this.state = State.Data;
    this.need = length;
    if (length === 0) this.complete(Buffer.alloc(0));
  }
}
