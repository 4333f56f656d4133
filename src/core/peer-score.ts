/**
 * A peer's misbehaviour score. One bad frame may be a bug or a relayed mistake, and closing the
 * link on it let a single 47-byte frame cut links for good; so a bad frame is dropped and scored,
 * the score decays with time, and the link closes only when offences pile up faster than they
 * decay. Pure: the caller passes the time (ms).
 */
import { check } from './errors.ts';

export interface PeerScoreOptions {
  /** Score at which the peer is dropped. */
  readonly limit: number;
  /** Points forgiven per second. */
  readonly decayPerSec: number;
}

/** Default: 10 offences at once, or one offence a second sustained for about 20 s, closes a link. */
export const DEFAULT_PEER_SCORE: PeerScoreOptions = { limit: 10, decayPerSec: 0.5 };

export class PeerScore {
  private score = 0;
  private at: number;
  /** Offences counted in all. */
  offences = 0;

  constructor(
    private readonly options: PeerScoreOptions,
    now: number,
  ) {
    check(options.limit > 0 && options.decayPerSec >= 0, 'ERR_BAD_SCORE', `peer score: limit ${options.limit} must be > 0 and decay ${options.decayPerSec}/s >= 0`);
    this.at = now;
  }

  /** The score at `now`, after decay. */
  value(now: number): number {
    if (now > this.at) {
      this.score = Math.max(0, this.score - ((now - this.at) * this.options.decayPerSec) / 1000);
      this.at = now;
    }
    return this.score;
  }

  /** Scores one offence of weight `points` (default 1); true when the peer is now to be dropped. */
  offend(now: number, points = 1): boolean {
    this.offences++;
    this.score = this.value(now) + points;
    return this.score >= this.options.limit;
  }
}
