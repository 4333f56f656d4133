/**
 * Per half-edge of the membership network, one 32-bit word with what a send over it needs: the
 * link's one-way delay in µs (bits 0–22, drawn when the link is made), the far end's link index
 * (bits 23–30), and the sign bit while its owner has closed it and the far end has not yet let go
 * ("closing"). One delay per link keeps each link FIFO (and a close behind the messages sent
 * before it) with no per-message bookkeeping. One word rather than three arrays (delay, twin,
 * closing): a hop is a cache miss per array read, and the sender's word is already in cache from
 * scanning its links.
 */
import { check } from '../../core/errors.ts';

const DELAY_MASK = (1 << 23) - 1;
const TWIN_SHIFT = 23;
const CLOSING = 1 << 31;

export class HalfWords {
  private readonly words: Int32Array;

  /** Words for `slots` half-edges; refuses delays past 8,388 ms (23 bits of µs) and more than 256 links per node. */
  constructor(slots: number, maxDelayMs: number, linksPerNode: number) {
    check(
      maxDelayMs * 1000 <= DELAY_MASK && linksPerNode <= 256,
      'ERR_BAD_OPTION',
      `membership network: delays up to ${maxDelayMs} ms and ${linksPerNode} link slots; need at most 8,388 ms and 256 slots`,
    );
    this.words = new Int32Array(slots);
  }

  /** A new link's half h: its delay (ms, kept to the µs) and the far end's link index. */
  set(h: number, delayMs: number, farLink: number): void {
    this.words[h] = Math.round(delayMs * 1000) | (farLink << TWIN_SHIFT);
  }

  /** Half h's link delay in ms. */
  delay(h: number): number {
    return (this.words[h]! & DELAY_MASK) / 1000;
  }

  /** The far end's link index of half h. */
  farLink(h: number): number {
    return (this.words[h]! >>> TWIN_SHIFT) & 0xff;
  }

  /** Whether half h is closing (its word's sign bit). */
  closing(h: number): boolean {
    return this.words[h]! < 0;
  }

  setClosing(h: number, closing: boolean): void {
    this.words[h] = closing ? this.words[h]! | CLOSING : this.words[h]! & ~CLOSING;
  }
}
