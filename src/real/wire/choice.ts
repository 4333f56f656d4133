/**
 * How a link comes to know its codec: given at once (a link this node dials), or picked from the
 * first bytes an accepted connection sends (the gob issue's `auto`: floodlab's wire speaks
 * first, the Go program never does). Until then the first bytes are kept, and frames sent to the
 * link are held unencoded; both are bounded, and handed over together once the codec is known.
 */
import { WireError, type WireCodec, type WireMessage } from './codec.ts';

/** Chooses an accepted link's codec from its first bytes; undefined: wait for more. */
export type CodecPicker = (first: Buffer) => WireCodec | undefined;

/** Makes a frame in a link's codec; undefined when that codec cannot carry it (e.g. control over gob). */
export type Encode = (codec: WireCodec) => Buffer | undefined;

/** Most bytes an accepted link may send before its codec is known. */
export const MAX_DETECT_BYTES = 64;
/** Most frames held for an accepted link whose codec is not known yet. */
export const MAX_HELD_FRAMES = 4096;

export class WireChoice {
  codec: WireCodec | undefined;
  private early: Buffer[] = [];
  private held: Encode[] = [];
  private readonly picker: CodecPicker | undefined;

  constructor(choice: WireCodec | CodecPicker) {
    if (typeof choice === 'function') this.picker = choice;
    else this.codec = choice;
  }

  /** Holds a frame until the codec is known; false when MAX_HELD_FRAMES are already held. */
  hold(encode: Encode): boolean {
    if (this.held.length >= MAX_HELD_FRAMES) return false;
    this.held.push(encode);
    return true;
  }

  /**
   * First bytes of an accepted link: undefined while no codec recognises them; once one does,
   * sets `codec` and returns every byte so far. Throws a WireError past MAX_DETECT_BYTES.
   */
  feed(chunk: Buffer): Buffer | undefined {
    this.early.push(chunk);
    const first = this.early.length === 1 ? chunk : Buffer.concat(this.early);
    const codec = this.picker!(first);
    if (!codec) {
      if (first.length > MAX_DETECT_BYTES) throw new WireError('ERR_UNKNOWN_WIRE', `wire: ${first.length} bytes that no codec of this node recognises`);
      return undefined;
    }
    this.early = [];
    this.codec = codec;
    return first;
  }

  /** Chooses `codec` without bytes (an accepted link that stayed silent); false when bytes came first. */
  chooseSilently(codec: WireCodec): boolean {
    if (this.codec || this.early.length > 0) return false;
    this.codec = codec;
    return true;
  }

  /** The frames held so far, encoded in the chosen codec (those it cannot carry left out). */
  takeHeld(): Buffer[] {
    const frames = this.held.map((encode) => encode(this.codec!)).filter((f): f is Buffer => f !== undefined);
    this.held = [];
    return frames;
  }

  clear(): void {
    this.early = [];
    this.held = [];
  }
}

/** An Encode for one message: encoded at most once per codec, as it goes to several links in a row. */
export function encodeOnce(wire: WireMessage): Encode {
  let codec: WireCodec | undefined;
  let bytes: Buffer | undefined;
  let others: Map<WireCodec, Buffer> | undefined;
  return (c) => {
    if (c === codec) return bytes;
    if (!codec) {
      codec = c;
      return (bytes = c.encodeMessage(wire));
    }
    others ??= new Map();
    let b = others.get(c);
    if (!b) others.set(c, (b = c.encodeMessage(wire)));
    return b;
  };
}
