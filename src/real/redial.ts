/**
 * Recovery of dropped links (the original program never recovered one). A link the user made
 * with `connect` that drops is dialed again, and again, for as long as the node runs: the wait
 * before try k is drawn uniformly from [d/2, d] with d = min(30 s, 0.25 s · 2^(k−1)) (exponential
 * backoff with jitter, so nodes that lost the same peer do not all call back at once). It never
 * gives up for good: a peer that is away for an hour is called every 15 to 30 s and comes back.
 * A link that fails on the user's very first `connect` is reported, not retried (a typo is not
 * dialed forever); `connect` again always works and dials at once. The clock is injected, so the
 * policy is tested without waiting.
 */
import { randomFillSync } from 'node:crypto';

/** Wait before the first redial is at most this, in ms. */
export const REDIAL_BASE_MS = 250;
/** The wait between tries never grows past this, in ms. */
export const REDIAL_CAP_MS = 30_000;

/** What the redialer needs of time and chance (the real ones by default; a fake in tests). */
export interface RedialClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Uniform in [0, 1). */
  random(): number;
}

const word = new Uint32Array(1);
export const systemClock: RedialClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  random: () => randomFillSync(word)[0]! / 2 ** 32,
};

/** The ceiling of the wait before try `attempt` (1-based), in ms. */
export function backoffCeilingMs(attempt: number): number {
  return Math.min(REDIAL_CAP_MS, REDIAL_BASE_MS * 2 ** Math.min(attempt - 1, 30));
}

/** The wait before try `attempt`: uniform in [ceiling/2, ceiling] given `random` in [0, 1). */
export function backoffMs(attempt: number, random: number): number {
  const d = backoffCeilingMs(attempt);
  return Math.round(d / 2 + random * (d / 2));
}

/** A redial waiting to happen, for `/peers`. */
export interface PendingRedial {
  readonly host: string;
  readonly port: number;
  readonly attempt: number;
  /** When the try is due, on the clock's `now()`. */
  readonly dueAt: number;
}

export class Redialer {
  private readonly waiting = new Map<string, PendingRedial & { readonly handle: unknown }>();
  private stopped = false;

  constructor(
    private readonly dial: (host: string, port: number, attempt: number) => void,
    private readonly clock: RedialClock = systemClock,
  ) {}

  /** Schedules try `attempt` (1-based) to host:port, replacing any already waiting; returns the wait in ms (-1 once stopped). */
  schedule(host: string, port: number, attempt: number): number {
    if (this.stopped) return -1;
    this.cancel(host, port);
    const key = `${host}:${port}`;
    const wait = backoffMs(attempt, this.clock.random());
    const handle = this.clock.setTimeout(() => {
      this.waiting.delete(key);
      if (!this.stopped) this.dial(host, port, attempt);
    }, wait);
    this.waiting.set(key, { host, port, attempt, dueAt: this.clock.now() + wait, handle });
    return wait;
  }

  /** Cancels a waiting try to host:port; true when there was one. */
  cancel(host: string, port: number): boolean {
    const key = `${host}:${port}`;
    const w = this.waiting.get(key);
    if (!w) return false;
    this.clock.clearTimeout(w.handle);
    this.waiting.delete(key);
    return true;
  }

  /** The tries waiting, soonest first. */
  pending(): PendingRedial[] {
    return [...this.waiting.values()].map(({ host, port, attempt, dueAt }) => ({ host, port, attempt, dueAt })).sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Cancels every waiting try for good (the node is closing). */
  stop(): void {
    this.stopped = true;
    for (const w of this.waiting.values()) this.clock.clearTimeout(w.handle);
    this.waiting.clear();
  }
}
