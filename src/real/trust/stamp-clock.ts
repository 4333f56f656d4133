/**
 * The times an author stamps its signed messages with, each at least 1 ms after the last: a signed
 * id is a hash of (key, name, text, time in ms), so the same line typed twice within a millisecond
 * would otherwise be one id, and the second copy dropped everywhere as seen. Authoring faster than
 * 1,000 messages a second runs the stamps ahead of the clock; receivers allow 30 s of skew, far
 * beyond the ~170 signed messages a second a node can be verified at.
 */
export class StampClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  next(): number {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }
}
