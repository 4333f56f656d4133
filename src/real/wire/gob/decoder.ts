/**
 * Turns the bytes of a gob connection into Messages. A message is an unsigned byte count then that
 * many bytes; the count is checked against the limit before a byte of the body is buffered, so a
 * peer cannot make a node hold more than one message's worth. Bodies are cut out of chunks split at
 * any byte. A body with a negative type id defines a type; one with a positive id is a value.
 * The Go node starts a fresh stream for every message (a definition before every value), which
 * a single Go Decoder would refuse as a duplicate; here a definition of an id already held replaces
 * it, and at most `maxTypes` ids are held.
 */
import { GobError } from './errors.ts';
import { DEFAULT_MAX_TEXT_BYTES, readMessageValue, type GobMessage } from './message.ts';
import { FIRST_USER_ID, MAX_TYPE_ID, readDefinition, type StructDef } from './types.ts';
import { GobReader } from './varint.ts';

/** Default largest message body: the JSON wire's frame limit. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
/** Default most type ids held at once (a fresh stream per message uses one). */
export const DEFAULT_MAX_TYPES = 8;

export interface GobDecoderOptions {
  /** Largest message body in bytes, checked before buffering (default 64 KiB). */
  readonly maxMessageBytes?: number;
  /** Longest Text in UTF-8 bytes (default 49,152). */
  readonly maxTextBytes?: number;
  /** Most type definitions held (default 8). */
  readonly maxTypes?: number;
}

/**
 * `push` calls `onMessage` for every complete Message in order and throws a GobError on bad input;
 * `end` throws if the stream stopped inside a message. After an error the decoder is unusable:
 * the connection is to be closed with the error's message.
 */
export class GobDecoder {
  private readonly maxMessageBytes: number;
  private readonly maxTextBytes: number;
  private readonly maxTypes: number;
  private readonly types = new Map<number, StructDef>();
  /** Bytes of the count read so far (at most 9), or undefined while reading a body. */
  private count: number[] | undefined = [];
  /** Body bytes still to come, and the pieces received. */
  private need = 0;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private stopped = false;
  private failed: GobError | undefined;

  constructor(
    private readonly onMessage: (message: GobMessage) => void,
    options: GobDecoderOptions = {},
  ) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
    this.maxTypes = options.maxTypes ?? DEFAULT_MAX_TYPES;
  }

  /** Bytes held for an unfinished message. */
  get buffered(): number {
    return (this.count?.length ?? 0) + this.partBytes;
  }

  /** Feeds one chunk. */
  push(chunk: Uint8Array): void {
    if (this.failed) throw this.failed;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    try {
      this.consume(bytes);
    } catch (error) {
      if (error instanceof GobError) this.failed = error;
      throw error;
    }
  }

  /** Stops decoding: messages still in the current chunk are not emitted (the peer is closing). */
  stop(): void {
    this.stopped = true;
  }

  /** The stream ended: throws ERR_GOB_TRUNCATED if part of a message is left over. */
  end(): void {
    if (this.stopped || this.failed) return;
    if (this.count === undefined) throw new GobError('ERR_GOB_TRUNCATED', `stream ended inside a message (${this.partBytes} of ${this.need} bytes)`);
    if (this.count.length > 0) throw new GobError('ERR_GOB_TRUNCATED', 'stream ended inside a message length');
  }

  private consume(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.stopped) {
      if (this.count !== undefined) {
        this.count.push(chunk[at++]!);
        this.countByte();
        continue;
      }
      if (this.partBytes === 0 && chunk.length - at >= this.need) {
        // The whole body lies in this chunk: no copy.
        const body = chunk.subarray(at, at + this.need);
        at += this.need;
        this.body(body);
        continue;
      }
      const take = Math.min(this.need - this.partBytes, chunk.length - at);
      this.parts.push(chunk.subarray(at, at + take));
      this.partBytes += take;
      at += take;
      if (this.partBytes === this.need) {
        const body = Buffer.concat(this.parts, this.partBytes);
        this.parts = [];
        this.partBytes = 0;
        this.body(body);
      }
    }
  }

  /** After each byte of a count: once it is whole, check it and start the body. */
  private countByte(): void {
    const count = this.count!;
    const first = count[0]!;
    const width = first < 0x80 ? 1 : 1 + (256 - first);
    if (width > 9) throw new GobError('ERR_GOB_MALFORMED', `message length has byte count ${width - 1}, over 8 (byte 0x${first.toString(16)})`);
    if (count.length < width) return;
    let length = 0n;
    if (width === 1) length = BigInt(first);
    else for (const b of count.slice(1)) length = (length << 8n) | BigInt(b);
    if (length > BigInt(this.maxMessageBytes)) throw new GobError('ERR_GOB_TOO_LONG', `message length ${length} is over the limit of ${this.maxMessageBytes} bytes`);
    if (length === 0n) throw new GobError('ERR_GOB_MALFORMED', 'message of length 0');
    this.count = undefined;
    this.need = Number(length);
  }

  private body(body: Buffer): void {
    this.count = [];
    const r = new GobReader(body);
    const id = r.int();
    if (id < 0n) this.define(r, -id);
    else this.value(r, id);
  }

  private define(r: GobReader, id: bigint): void {
    if (id < BigInt(FIRST_USER_ID) || id > BigInt(MAX_TYPE_ID)) throw new GobError('ERR_GOB_MALFORMED', `type id ${id} cannot be defined (allowed ${FIRST_USER_ID} .. ${MAX_TYPE_ID})`);
    const n = Number(id);
    const def = readDefinition(r, n);
    if (r.remaining > 0) throw new GobError('ERR_GOB_MALFORMED', `${r.remaining} bytes after the definition of type ${n}`);
    if (!this.types.has(n) && this.types.size >= this.maxTypes) throw new GobError('ERR_GOB_TOO_MANY_TYPES', `type ${n} would be definition ${this.maxTypes + 1}; at most ${this.maxTypes} are held`);
    this.types.set(n, def);
  }

  private value(r: GobReader, id: bigint): void {
    if (id < BigInt(FIRST_USER_ID)) throw new GobError('ERR_GOB_UNSUPPORTED_TYPE', `a value of predefined type ${id}; a Message struct was expected`);
    const def = id <= BigInt(MAX_TYPE_ID) ? this.types.get(Number(id)) : undefined;
    if (def === undefined) throw new GobError('ERR_GOB_UNKNOWN_TYPE', `a value of type ${id}, which the stream never defined`);
    const message = readMessageValue(r, def, this.maxTextBytes);
    if (r.remaining > 0) throw new GobError('ERR_GOB_MALFORMED', `${r.remaining} bytes after a value of type ${id}`);
    if (!this.stopped) this.onMessage(message);
  }
}
