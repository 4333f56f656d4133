/** Peer score: one bad frame never closes a link; a burst at the limit does; offences decay. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PEER_SCORE, PeerScore } from '../../src/core/peer-score.ts';

describe('PeerScore', () => {
  it('drops only at the limit-th offence in a burst', () => {
    const s = new PeerScore({ limit: 10, decayPerSec: 0.5 }, 0);
    for (let i = 1; i < 10; i++) expect(s.offend(0)).toBe(false);
    expect(s.offend(0)).toBe(true);
    expect(s.offences).toBe(10);
  });

  it('forgives with time: one offence every 2 s at 0.5 points/s never closes', () => {
    const s = new PeerScore({ limit: 10, decayPerSec: 0.5 }, 0);
    for (let t = 0; t < 1_000_000; t += 2000) expect(s.offend(t)).toBe(false);
  });

  it('one offence a second (net +0.5/s) closes after (10 − 1) / 0.5 + 1 = 19 offences', () => {
    const s = new PeerScore(DEFAULT_PEER_SCORE, 0);
    let n = 0;
    while (!s.offend(n * 1000)) n++;
    expect(n + 1).toBe(19);
  });
});
