/**
 * Gob's integers (encoding/gob doc.go, "Encoding Details"). An unsigned integer below 128 is one
 * byte; otherwise a byte holding the negated byte count (FF = 1 ... F8 = 8) then the value
 * big-endian in that many bytes: 256 is FE 01 00. A signed integer i travels as an unsigned u whose
 * bit 0 says "complement": u = i << 1 for i >= 0, u = (~i << 1) | 1 for i < 0, so -129 is FE 01 01.
 * Values are bigints: Go's int is 64-bit and a chat id (rand.Int) is almost always above 2^53.
 */
import { GobError, type GobErrorCode } from './errors.ts';

const U64 = (1n << 64n) - 1n;

/** Appends the unsigned encoding of `u` (0 <= u < 2^64) to `out`. */
export function writeUint(out: number[], u: bigint): void {
  if (u < 0n || u > U64) throw new GobError('ERR_GOB_ID_RANGE', `unsigned ${u} is outside 0 .. 2^64 - 1`);
  if (u < 128n) {
    out.push(Number(u));
    return;
  }
  const bytes: number[] = [];
  for (let v = u; v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
  out.push(256 - bytes.length, ...bytes);
}

/** Appends the signed encoding of `i` (-2^63 <= i < 2^63) to `out`. */
export function writeInt(out: number[], i: bigint): void {
  writeUint(out, i < 0n ? (~i << 1n) | 1n : i << 1n);
}

/** The signed integer an unsigned wire value stands for. */
export function toSigned(u: bigint): bigint {
  return u & 1n ? ~(u >> 1n) : u >> 1n;
}

/**
 * Reads gob values from one complete, length-delimited message body. Running past its end is a
 * malformed message (the length prefix promised these bytes), never a wait for more input.
 */
export class GobReader {
  private at = 0;
  constructor(private readonly body: Uint8Array) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.body.length - this.at;
  }

  uint(): bigint {
    const first = this.byte();
    if (first < 0x80) return BigInt(first);
    const n = 256 - first;
    if (n > 8) throw new GobError('ERR_GOB_MALFORMED', `integer byte count ${n} is over 8 (byte 0x${first.toString(16)})`);
    let u = 0n;
    for (let k = 0; k < n; k++) u = (u << 8n) | BigInt(this.byte());
    return u;
  }

  int(): bigint {
    return toSigned(this.uint());
  }

  /** An unsigned integer that must be at most `max` (a count, a field delta); `what` names it in the error. */
  small(max: number, what: string): number {
    const u = this.uint();
    if (u > BigInt(max)) throw new GobError('ERR_GOB_MALFORMED', `${what} ${u} is over ${max}`);
    return Number(u);
  }

  /** The next `n` bytes, without copying. */
  bytes(n: number): Uint8Array {
    if (n > this.remaining) throw new GobError('ERR_GOB_MALFORMED', `${n} bytes announced but only ${this.remaining} left in the message`);
    const slice = this.body.subarray(this.at, this.at + n);
    this.at += n;
    return slice;
  }

  /**
   * A string: an unsigned count then that many bytes, decoded as UTF-8 (bad sequences become
   * U+FFFD; Go keeps raw bytes). A count past the message's end is malformed; one over `maxBytes`
   * throws `tooLong`.
   */
  string(what: string, maxBytes: number, tooLong: GobErrorCode = 'ERR_GOB_MALFORMED'): string {
    const n = this.uint();
    if (n > BigInt(this.remaining)) throw new GobError('ERR_GOB_MALFORMED', `${what} of ${n} bytes announced but only ${this.remaining} left in the message`);
    if (n > BigInt(maxBytes)) throw new GobError(tooLong, `${what} of ${n} bytes is over the limit of ${maxBytes}`);
    return Buffer.from(this.bytes(Number(n))).toString('utf8');
  }

  private byte(): number {
    if (this.at >= this.body.length) throw new GobError('ERR_GOB_MALFORMED', 'message ends inside an integer');
    return this.body[this.at++]!;
  }
}
