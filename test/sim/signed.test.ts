/**
 * `--signed` in the simulator: a size and cost model of signed messages. On a ring the flood's
 * counts are exact (2E − (N−1) sends, N − 1 first copies), so the bytes and the checks follow
 * from the model's constants alone.
 */
import { describe, expect, it } from 'vitest';
import { MEASURED_SIGNING_COSTS } from '../../src/core/signing-cost.ts';
import { DEFAULT_PAYLOAD_BYTES, SIGNATURE_BYTES, payloadSendBytes } from '../../src/core/sizes.ts';
import { compareProtocols } from '../../src/sim/compare.ts';
import { runSimulation } from '../../src/sim/run.ts';

const N = 10;
const E = 10; // a ring of 10 with D = 2
const SENDS = 2 * E - (N - 1);
const base = { nodes: N, degree: 2, topology: 'ring', protocol: 'flood', latency: 'constant', seed: '1', messages: 2 } as const;

describe('signed messages in the simulator', () => {
  it('adds the signature to every payload send and nothing to the counts', () => {
    const plain = runSimulation(base);
    const signed = runSimulation({ ...base, signed: true });
    expect(signed.transmissionsPerMessage).toBe(SENDS);
    expect(signed.transmissionsTotal).toBe(plain.transmissionsTotal);
    expect(plain.bytes).toEqual({ payloadBytes: DEFAULT_PAYLOAD_BYTES, signed: false, perSend: DEFAULT_PAYLOAD_BYTES + 22, perMessage: SENDS * (DEFAULT_PAYLOAD_BYTES + 22), signaturePerMessage: 0 });
    expect(signed.bytes.perSend).toBe(DEFAULT_PAYLOAD_BYTES + 22 + SIGNATURE_BYTES);
    expect(signed.bytes.perMessage - plain.bytes.perMessage).toBe(SENDS * SIGNATURE_BYTES);
    expect(signed.bytes.signaturePerMessage).toBe(SENDS * SIGNATURE_BYTES);
    expect(plain.signing).toBeUndefined();
  });

  it('costs one signature, N − 1 verifications and a hash check per copy received', () => {
    const { signing } = runSimulation({ ...base, signed: true, payloadBytes: 40 });
    const { signUs, verifyUs, hashUs } = MEASURED_SIGNING_COSTS;
    expect(signing).toEqual({ signatures: 1, verifications: N - 1, hashChecks: SENDS, cpuMs: (signUs + (N - 1) * verifyUs + SENDS * hashUs) / 1000 });
  });

  it('compare --signed prices every payload send with its signature', () => {
    const options = { nodes: 12, degree: 4, topology: 'ring', latency: 'constant', seed: '1', messages: 3, protocols: ['flood', 'tree'], payloadBytes: 100 };
    const plain = compareProtocols(options);
    const signed = compareProtocols({ ...options, signed: true });
    for (const [i, row] of signed.rows.entries()) {
      expect(row.transmissionsPerMessage).toBe(plain.rows[i]!.transmissionsPerMessage);
      expect(row.payloadBytesPerMessage).toBe(row.transmissionsPerMessage * payloadSendBytes(100, true));
    }
    expect(signed.rows[1]!.payloadBytesPerMessage).toBe((12 - 1) * (100 + 22 + SIGNATURE_BYTES));
  });

  it('refuses a payload size out of range, naming it', () => {
    expect(() => runSimulation({ ...base, payloadBytes: -1 })).toThrow(/payload of -1 bytes: must be an integer from 0 to/);
  });
});
