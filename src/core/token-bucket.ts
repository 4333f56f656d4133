/**
 * Token buckets: a peer may send `ratePerSec` units a second on average and `burst` at once. A
 * peer gets two, one counting messages and one counting bytes, so neither a stream of tiny frames
 * nor a few huge ones can monopolise a node. Pure: the caller passes the time (ms) to each call.
 */
import { check } from './errors.ts';

export interface BucketRate {
  /** Units refilled per second. */
  readonly ratePerSec: number;
  /** Most units held at once (and the starting amount). */
  readonly burst: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: BucketRate,
    now: number,
  ) {
    check(rate.ratePerSec > 0 && rate.burst >= 1, 'ERR_BAD_BUCKET', `token bucket: rate ${rate.ratePerSec}/s must be > 0 and burst ${rate.burst} >= 1`);
    this.tokens = rate.burst;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.at) * this.rate.ratePerSec) / 1000);
      this.at = now;
    }
  }

  /** Units available at `now`. */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /**
   * Charges `cost` units whether or not they are there (the work is already done: bytes read,
   * frames decoded) and returns the ms until the balance is back to zero: how long a reader should
   * pause to pay the debt. 0 when there was enough.
   */
  charge(cost: number, now: number): number {
    this.refill(now);
    this.tokens -= cost;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate.ratePerSec);
  }

  /** Gives back `cost` units taken by mistake (never above the burst). */
  refund(cost: number): void {
    this.tokens = Math.min(this.rate.burst, this.tokens + cost);
  }

  /**
   * Takes `cost` units if they are there and returns 0; otherwise takes nothing and returns the
   * ms to wait until they will be (Infinity when `cost` exceeds the burst: it never fits).
   */
  take(cost: number, now: number): number {
    this.refill(now);
    if (cost <= this.tokens) {
      this.tokens -= cost;
      return 0;
    }
    if (cost > this.rate.burst) return Infinity;
    return Math.ceil(((cost - this.tokens) * 1000) / this.rate.ratePerSec);
  }
}

export interface PeerBudgetRates {
  readonly messages: BucketRate;
  readonly bytes: BucketRate;
}

/** One peer's two buckets: a frame costs one message and its length in bytes. */
export class PeerBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(rates: PeerBudgetRates, now: number) {
    this.messages = new TokenBucket(rates.messages, now);
    this.bytes = new TokenBucket(rates.bytes, now);
  }

  /** Charges `frames` messages and `bytes` bytes already read; the ms to pause reading (0: none). */
  charge(frames: number, bytes: number, now: number): number {
    return Math.max(this.messages.charge(frames, now), this.bytes.charge(bytes, now));
  }

  /** 0 when a frame of `frameBytes` may pass now (both buckets charged); else ms to wait, charging nothing. */
  admit(frameBytes: number, now: number): number {
    const waitMessages = this.messages.take(1, now);
    if (waitMessages > 0) return waitMessages;
    const waitBytes = this.bytes.take(frameBytes, now);
    if (waitBytes > 0) {
      this.messages.refund(1); // nothing was admitted
      return waitBytes;
    }
    return 0;
  }
}
