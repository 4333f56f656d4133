/**
 * What one peer may cost a link (the trust issue's limits, docs/security.md), kept apart from the
 * link's states (link.ts): a handshake that must finish in time, a frame that must not stay
 * incomplete, a budget of frames and bytes a second past which reading pauses (TCP back-pressure),
 * and a score of bad frames that closes the link only at its limit. Every timer is cleared by
 * `stop()`. The link says when; this says how much, and calls `violation` to close it.
 */
import type { Socket } from 'node:net';
import { PeerScore, type PeerScoreOptions } from '../core/peer-score.ts';
import { PeerBudget, type PeerBudgetRates } from '../core/token-bucket.ts';
import type { WireLimits } from './wire/codec.ts';
import type { WriteLimits } from './write-queue.ts';

export interface PeerLimits {
  /** Longest time from connect (or accept) to the end of the handshake. */
  readonly handshakeTimeoutMs: number;
  /** Longest time a frame may stay incomplete once its first byte arrived. */
  readonly partialFrameTimeoutMs: number;
  /** What one peer may send: frames and bytes a second; past it the node stops reading it for a while. */
  readonly budget: PeerBudgetRates;
  /** Bad frames a peer may send before its link closes (a score that decays). */
  readonly score: PeerScoreOptions;
}

/** Every limit on one link: what its decoder may hold, its write queue, and its peer. */
export interface LinkLimits extends WireLimits, WriteLimits, PeerLimits {
  /** Longest time an outgoing connection may take to connect. */
  readonly connectTimeoutMs: number;
}

export class PeerGuard {
  /** Bad frames this peer sent that were dropped and scored. */
  offences = 0;
  /** Times reading was paused because the peer sent over its budget. */
  throttled = 0;
  private readonly score: PeerScore;
  private readonly budget: PeerBudget;
  private deadline: NodeJS.Timeout | undefined;
  private partialTimer: NodeJS.Timeout | undefined;
  private pauseTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly limits: PeerLimits,
    private readonly socket: Socket,
    /** Closes the link for a violation, with a one-line reason. */
    private readonly violation: (reason: string) => void,
  ) {
    this.score = new PeerScore(limits.score, performance.now());
    this.budget = new PeerBudget(limits.budget, performance.now());
  }

  /** A handshake that does not finish in time closes the link: idle sockets cannot hold a slot. */
  startDeadline(): void {
    const ms = this.limits.handshakeTimeoutMs;
    this.deadline = setTimeout(() => this.violation(`no handshake within ${ms} ms`), ms);
  }

  /** The handshake is done (the timer let go: kept, it would live as long as the link). */
  clearDeadline(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  /** Scores one bad frame; true when the score reached its limit (the caller closes the link). */
  offend(now: number): boolean {
    this.offences++;
    return this.score.offend(now);
  }

  /** Bad frames counted by the score, for the closing line. */
  get scored(): number {
    return this.score.offences;
  }

  /** A frame left incomplete (`buffered` bytes held) must be finished within the limit: no one holds 64 KiB for free. */
  watchPartial(buffered: number): void {
    if (this.stopped) return;
    if (buffered === 0) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
    } else if (!this.partialTimer) {
      const ms = this.limits.partialFrameTimeoutMs;
      this.partialTimer = setTimeout(() => this.violation(`a frame stayed incomplete for ${ms} ms`), ms);
    }
  }

  /** Charges what was read to the peer's budget; over it, stops reading until the debt is paid. */
  pay(frames: number, bytes: number): void {
    const wait = this.budget.charge(frames, bytes, performance.now());
    if (wait <= 0 || this.pauseTimer || this.stopped) return;
    this.throttled++;
    this.socket.pause();
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      if (!this.stopped) this.socket.resume();
    }, wait);
  }

  /** The link closed: every timer stops. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.deadline);
    clearTimeout(this.partialTimer);
    clearTimeout(this.pauseTimer);
  }
}
