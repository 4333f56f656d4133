/**
 * Workers that fit in memory: J workers hold J of the biggest cells at once, so J is cut to what
 * 3/4 of the memory holds, never below 1. Cell estimates: N · (25·D + 60) bytes.
 */
import { describe, expect, it } from 'vitest';
import { cellBytes, jobsThatFit } from '../../src/sweep/memory.ts';

const GiB = 2 ** 30;

describe('jobsThatFit', () => {
  it('estimates 260 bytes per node at D = 8 (the measured peak is about 200)', () => {
    expect(cellBytes({ nodes: 10_000_000, degree: 8 })).toBe(2.6e9);
  });

  it('keeps every worker when the biggest cells fit, and cuts them when they do not', () => {
    const cells = [
      { nodes: 1e5, degree: 8 },
      { nodes: 1e7, degree: 8 },
    ];
    expect(jobsThatFit(cells, 2, 24 * GiB)).toBe(2); // 2 × 2.6 GB of 18 GiB
    expect(jobsThatFit(cells, 8, 24 * GiB)).toBe(7); // floor(18 GiB / 2.6 GB)
    expect(jobsThatFit([{ nodes: 5e7, degree: 8 }], 2, 24 * GiB)).toBe(1); // 13 GB each
    expect(jobsThatFit([{ nodes: 5e7, degree: 8 }], 2, 8 * GiB)).toBe(1); // never below 1
    expect(jobsThatFit([], 4, GiB)).toBe(4);
  });
});
