/**
 * The redial policy on a fake clock: waits grow 0.25 s, 0.5 s, 1 s, ... with jitter in
 * [ceiling/2, ceiling], never past 30 s, and it never gives up: a peer that stays away for a
 * simulated day is still being called, every 15 to 30 s.
 */
import { describe, expect, it } from 'vitest';
import { REDIAL_CAP_MS, Redialer, backoffCeilingMs, backoffMs, type RedialClock } from '../../src/real/redial.ts';

/** A clock whose time moves only when told; timers fire in due order. */
class FakeClock implements RedialClock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  constructor(private readonly draws: () => number) {}
  now = (): number => this.t;
  random = (): number => this.draws();
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.timers = this.timers.filter((x) => x.id !== id);
  };
  /** Fires the next timer; false when none is pending. */
  step(): boolean {
    if (this.timers.length === 0) return false;
    this.timers.sort((a, b) => a.at - b.at);
    const next = this.timers.shift()!;
    this.t = next.at;
    next.fn();
    return true;
  }
}

describe('redial backoff', () => {
  it('doubles from 250 ms to the 30 s cap, drawn in [ceiling/2, ceiling]', () => {
    expect([1, 2, 3, 4, 8, 9, 10, 1000].map(backoffCeilingMs)).toEqual([250, 500, 1000, 2000, 30_000, 30_000, 30_000, 30_000]);
    expect(backoffMs(3, 0)).toBe(500);
    expect(backoffMs(3, 0.999_999)).toBe(1000);
    expect(backoffMs(1e9, 0.5)).toBe(22_500);
  });

  it('never gives up: a peer away for a simulated day is called every 15 to 30 s to the end', () => {
    let seed = 1;
    const clock = new FakeClock(() => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646);
    const tries: number[] = [];
    const redialer = new Redialer((host, port, attempt) => {
      tries.push(clock.now());
      // the try fails at once: schedule the next, as the node does on a failed connect
      redialer.schedule(host, port, attempt + 1);
    }, clock);
    redialer.schedule('127.0.0.1', 55556, 1);
    const day = 24 * 3600 * 1000;
    while (clock.now() < day && clock.step());
    expect(clock.now()).toBeGreaterThanOrEqual(day);
    const gaps = tries.map((t, k) => t - (k === 0 ? 0 : tries[k - 1]!));
    expect(gaps.slice(0, 3).every((g, k) => g >= backoffCeilingMs(k + 1) / 2 && g <= backoffCeilingMs(k + 1))).toBe(true);
    const late = gaps.slice(10);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(REDIAL_CAP_MS / 2);
    expect(Math.max(...late)).toBeLessThanOrEqual(REDIAL_CAP_MS);
    expect(tries.length).toBeGreaterThan(day / REDIAL_CAP_MS);
    expect(redialer.pending()).toHaveLength(1);
  });

  it('shows what is waiting, lets connect cancel a wait, and stops for good when the node closes', () => {
    const clock = new FakeClock(() => 0.5);
    const dialed: string[] = [];
    const redialer = new Redialer((host, port, attempt) => dialed.push(`${host}:${port}#${attempt}`), clock);
    redialer.schedule('127.0.0.1', 1, 4);
    redialer.schedule('127.0.0.1', 2, 1);
    expect(redialer.pending()).toEqual([
      { host: '127.0.0.1', port: 2, attempt: 1, dueAt: 188 },
      { host: '127.0.0.1', port: 1, attempt: 4, dueAt: 1500 },
    ]);
    expect(redialer.cancel('127.0.0.1', 2)).toBe(true);
    expect(clock.step()).toBe(true);
    expect(dialed).toEqual(['127.0.0.1:1#4']);
    redialer.schedule('127.0.0.1', 1, 5);
    redialer.stop();
    expect(clock.step()).toBe(false);
    expect(redialer.schedule('127.0.0.1', 1, 6)).toBe(-1);
    expect(redialer.pending()).toEqual([]);
  });
});
