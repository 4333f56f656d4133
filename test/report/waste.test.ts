import { describe, expect, it } from 'vitest';
import { degreeLabel } from '../../src/report/format.ts';
import { wasteTable, type WasteInput } from '../../src/report/waste.ts';

const regular: WasteInput = {
  protocol: 'flood',
  nodes: 100,
  edges: 200,
  degree: 4,
  minDegree: 4,
  maxDegree: 4,
  componentNodes: 100,
  componentEdges: 200,
  messages: 1,
  sendsPerMessage: 301,
  reachedPerMessage: 100,
  duplicatesPerMessage: 202,
};

describe('wasteTable', () => {
  it('sets the measured count on its protocol row and the formulas on every row', () => {
    const t = wasteTable(regular);
    const row = (formula: string) => t.rows.find((r) => r.formula === formula)!;
    expect(row('N·D').value).toBe(400);
    expect(row('N(D−1)').value).toBe(300);
    expect(row('2E').value).toBe(400);
    expect(row('2E').measured).toBeUndefined();
    expect(row('2E − (N−1)')).toMatchObject({ value: 301, measured: 301 });
    expect(row('N − 1')).toMatchObject({ value: 99, measured: 99 });
    expect(row('sends − (N−1)')).toMatchObject({ value: 202, measured: 202 });
    expect(t.rmr).toBeCloseTo(301 / 99 - 1, 12);
  });

  it("explains flood's +1 over the textbook on a regular graph", () => {
    expect(wasteTable(regular).notes.join(' ')).toContain('N(D−1) + 1 = 300 + 1');
  });

  it('explains uneven degrees and an origin component smaller than the graph', () => {
    const notes = wasteTable({ ...regular, minDegree: 0, maxDegree: 9, componentNodes: 80, componentEdges: 170, reachedPerMessage: 80, sendsPerMessage: 261 }).notes.join(' ');
    expect(notes).toMatch(/degrees are uneven \(min 0, max 9/);
    expect(notes).toMatch(/20 of 100 nodes are outside the origin's component.*N = 80, E = 170/);
    expect(notes).not.toContain('N(D−1) + 1');
  });

  it('uses the component for the exact rows', () => {
    const t = wasteTable({ ...regular, componentNodes: 80, componentEdges: 170 });
    expect(t.rows.find((r) => r.formula === '2E − (N−1)')!.value).toBe(340 - 79);
    expect(t.rows.find((r) => r.formula === 'N·D')!.value).toBe(400);
  });
});

describe('degreeLabel', () => {
  it('shows a regular degree as is and a mean degree 2E/N to two decimals, labelled', () => {
    expect(degreeLabel(8)).toBe('8');
    expect(degreeLabel((2 * 78) / 34)).toBe('4.59 (mean)');
    expect(degreeLabel(2.5)).toBe('2.50 (mean)');
  });
});
