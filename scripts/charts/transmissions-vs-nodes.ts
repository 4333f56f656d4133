/**
 * Chart: transmissions of one message against N at fixed D, on log scales. Lines are N·D (= 2E,
 * flood-echo), 2E − (N−1) (flood) and N − 1 (a spanning tree); points are measured sends.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NodesRow } from './data.ts';

const ND = 'N·D = 2E (flood-echo)';
const NO_ECHO = '2E − (N−1) (flood)';
const TREE = 'N − 1 (spanning tree)';

/** The Vega-Lite spec for the rows of `transmissionsByNodes`. */
export function transmissionsVsNodesSpec(degree: number, rows: readonly NodesRow[]): TopLevelSpec {
  const lines = rows.flatMap((r) => [
    { N: r.nodes, sends: r.nd, rule: ND },
    { N: r.nodes, sends: r.noEcho, rule: NO_ECHO },
    { N: r.nodes, sends: r.tree, rule: TREE },
  ]);
  const points = rows.flatMap((r) => [
    { N: r.nodes, sends: r.echoMeasured, rule: ND },
    { N: r.nodes, sends: r.floodMeasured, rule: NO_ECHO },
  ]);
  const color = { field: 'rule', type: 'nominal', title: 'lines: formula · points: measured sends', scale: { domain: [ND, NO_ECHO, TREE], range: ['#dc2626', '#2563eb', '#16a34a'] } } as const;
  const x = { field: 'N', type: 'quantitative', title: 'N (nodes)', scale: { type: 'log' }, axis: { format: '~s' } } as const;
  const y = { field: 'sends', type: 'quantitative', title: 'transmissions per message', scale: { type: 'log' }, axis: { format: '~s' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Transmissions vs N at D = ${degree}`, subtitle: ['One message on a random D-regular graph, log–log scales:', 'every rule grows linearly in N; only the constant differs.'] },
    width: 560,
    height: 320,
    layer: [
      { data: { values: lines }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { x, y, color } },
    ],
  };
}
