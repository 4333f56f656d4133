/** Token buckets with an injected clock: exact counts from rate × time + burst. */
import { describe, expect, it } from 'vitest';
import { PeerBudget, TokenBucket } from '../../src/core/token-bucket.ts';

describe('TokenBucket', () => {
  it('lets a burst through, then rate × elapsed time', () => {
    const b = new TokenBucket({ ratePerSec: 100, burst: 10 }, 0);
    let passed = 0;
    for (let i = 0; i < 50; i++) if (b.take(1, 0) === 0) passed++;
    expect(passed).toBe(10);
    // 250 ms later: 100/s × 0.25 s = 25 more tokens, capped at the burst of 10.
    for (let i = 0; i < 50; i++) if (b.take(1, 250) === 0) passed++;
    expect(passed).toBe(20);
    // 50 ms later: 5 tokens.
    for (let i = 0; i < 50; i++) if (b.take(1, 300) === 0) passed++;
    expect(passed).toBe(25);
  });

  it('says how long to wait, and Infinity for a cost over the burst', () => {
    const b = new TokenBucket({ ratePerSec: 1000, burst: 100 }, 0);
    expect(b.take(100, 0)).toBe(0);
    expect(b.take(30, 0)).toBe(30); // 30 tokens at 1 per ms
    expect(b.take(101, 0)).toBe(Infinity);
    expect(b.take(30, 30)).toBe(0);
  });

  it('holds over 10 s of steady demand to rate × time + burst', () => {
    const b = new TokenBucket({ ratePerSec: 200, burst: 50 }, 0);
    let passed = 0;
    for (let t = 0; t <= 10_000; t++) for (let k = 0; k < 5; k++) if (b.take(1, t) === 0) passed++;
    expect(passed).toBe(200 * 10 + 50);
  });
});

describe('PeerBudget', () => {
  it('limits messages and bytes separately, charging nothing for a refused frame', () => {
    const p = new PeerBudget({ messages: { ratePerSec: 10, burst: 5 }, bytes: { ratePerSec: 1000, burst: 1000 } }, 0);
    expect(p.admit(600, 0)).toBe(0);
    expect(p.admit(600, 0)).toBe(200); // 200 bytes short at 1 byte/ms
    // The refused frame took no message token: 4 small frames still pass, then the 5-message burst is spent.
    for (let i = 0; i < 4; i++) expect(p.admit(10, 0)).toBe(0);
    expect(p.admit(10, 0)).toBe(100);
  });
});

describe('charge (debt, for pausing a reader)', () => {
  it('charges past zero and says how long the debt takes to repay', () => {
    const b = new TokenBucket({ ratePerSec: 1000, burst: 100 }, 0);
    expect(b.charge(60, 0)).toBe(0);
    expect(b.charge(90, 0)).toBe(50); // 50 units of debt at 1 per ms
    expect(b.available(50)).toBe(0);
    const p = new PeerBudget({ messages: { ratePerSec: 100, burst: 10 }, bytes: { ratePerSec: 1e6, burst: 1e6 } }, 0);
    expect(p.charge(30, 100, 0)).toBe(200); // 20 messages of debt at 0.1 per ms
  });
});
