/**
 * Recovery of dropped links (the original program never recovered one): a link the user made
 * with `connect` that drops is dialed again after 0.25 s, 0.5 s, 1 s, ... up to 8 s between
 * tries, at most MAX_REDIALS times. A link that fails on the user's first `connect` is reported,
 * not retried; `connect` again always works. Timers stop when the node closes.
 */

/** Redial attempts after a drop before giving up. */
export const MAX_REDIALS = 8;

/** Wait before redial attempt `attempt` (1-based), in ms. */
export function backoffMs(attempt: number): number {
  return Math.min(8000, 250 * 2 ** (attempt - 1));
}

export class Redialer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly dial: (host: string, port: number, attempt: number) => void) {}

  /** Schedules attempt `attempt` to host:port; false when the attempts are used up or stopped. */
  schedule(host: string, port: number, attempt: number): boolean {
    if (this.stopped || attempt > MAX_REDIALS) return false;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) this.dial(host, port, attempt);
    }, backoffMs(attempt));
    this.timers.add(timer);
    return true;
  }

  /** Cancels every pending attempt for good. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
