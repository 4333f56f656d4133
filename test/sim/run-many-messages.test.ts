/**
 * runSimulation with more messages than a function call takes arguments (about 10^5 in V8): the
 * report's LDH must not be computed by spreading the per-message list (that threw a RangeError).
 * On a 4-cycle every flood's last new node is the opposite one, at hop 2.
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/sim/run.ts';

describe('runSimulation with many messages', () => {
  it('runs 150,000 messages on a 4-cycle: LDH 2, 2E − (N−1) = 5 sends each', () => {
    const r = runSimulation({ nodes: 4, degree: 2, topology: 'ring', protocol: 'flood', latency: 'constant', seed: '1', messages: 150_000 });
    expect(r.ldhMax).toBe(2);
    expect(r.transmissionsTotal).toBe(150_000 * (2 * 4 - (4 - 1)));
  });
});
