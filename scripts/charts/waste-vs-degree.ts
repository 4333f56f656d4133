/**
 * Chart: waste (copies nobody needed) against D at fixed N. Lines are the formulas, points the
 * measured duplicates; the points sit on the exact lines, and the textbook line shows how far
 * "N(D−1)" is from flood's true waste.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DegreeRow } from './data.ts';

const TEXTBOOK = 'textbook: N(D−1)';
const ECHO = 'flood-echo: 2E − (N−1)';
const FLOOD = 'flood: 2E − 2(N−1)';

/** The Vega-Lite spec for the rows of `wasteByDegree`. */
export function wasteVsDegreeSpec(nodes: number, rows: readonly DegreeRow[]): TopLevelSpec {
  const lines = rows.flatMap((r) => [
    { D: r.degree, copies: r.textbookWaste, rule: TEXTBOOK },
    { D: r.degree, copies: r.echoWaste, rule: ECHO },
    { D: r.degree, copies: r.floodWaste, rule: FLOOD },
  ]);
  const points = rows.flatMap((r) => [
    { D: r.degree, copies: r.echoMeasured, rule: ECHO },
    { D: r.degree, copies: r.floodMeasured, rule: FLOOD },
  ]);
  const color = {
    field: 'rule',
    type: 'nominal',
    title: 'lines: formula · points: measured duplicates',
    scale: { domain: [TEXTBOOK, ECHO, FLOOD], range: ['#9ca3af', '#dc2626', '#2563eb'] },
  } as const;
  const x = { field: 'D', type: 'quantitative', title: 'D (links per node)', axis: { tickMinStep: 1 }, scale: { nice: false } } as const;
  const y = { field: 'copies', type: 'quantitative', title: 'wasted copies per message' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Waste vs D at N = ${nodes.toLocaleString('en-US')}`,
      subtitle: [
        'One message on a random D-regular graph. Waste: copies that reached',
        "a node that already had it. The textbook N(D−1) (dashed) is flood-echo's",
        'waste less one; skipping the sender (flood) saves N − 1 more.',
      ],
    },
    width: 560,
    height: 320,
    layer: [
      { data: { values: lines.filter((l) => l.rule !== TEXTBOOK) }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x, y, color } },
      // Drawn last: it lies one copy below flood-echo's line and would vanish under it.
      { data: { values: lines.filter((l) => l.rule === TEXTBOOK) }, mark: { type: 'line', strokeWidth: 2, strokeDash: [7, 5] }, encoding: { x, y, color } },
    ],
  };
}
