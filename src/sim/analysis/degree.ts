/**
 * Links per node of a grown (or any) network: the figures `grow` prints and its JSON carries.
 * One pass over the CSR offsets; the histogram is indexed by degree.
 */
import type { Csr } from '../topology/csr.ts';

export interface DegreeStats {
  readonly min: number;
  readonly mean: number;
  readonly max: number;
  /** histogram[d] = number of nodes with exactly d links (length max + 1; empty for no nodes). */
  readonly histogram: number[];
}

/** Min, mean, max and histogram of the degrees of `csr` (all 0 and an empty histogram for no nodes). */
export function degreeStats(csr: Csr): DegreeStats {
  const n = csr.order;
  if (n === 0) return { min: 0, mean: 0, max: 0, histogram: [] };
  let min = Infinity;
  let max = 0;
  for (let u = 0; u < n; u++) {
    const d = csr.offsets[u + 1]! - csr.offsets[u]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const histogram = new Array<number>(max + 1).fill(0);
  for (let u = 0; u < n; u++) histogram[csr.offsets[u + 1]! - csr.offsets[u]!]!++;
  return { min, mean: (2 * csr.size) / n, max, histogram };
}
