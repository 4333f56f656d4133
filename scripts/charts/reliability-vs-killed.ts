/**
 * Chart: flood reliability against the fraction of nodes crashed at once, as the HyParView paper
 * plots it (its figure of reliability after massive failures): solid lines right after the failure
 * (floods over the links left), dashed lines after the overlay's repair; the static random-regular
 * networks have no repair, so they have one line each.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { KillPoint } from '../results/membership-data.ts';

export function reliabilityVsKilledSpec(nodes: number, messages: number, seeds: number, points: readonly KillPoint[]): TopLevelSpec {
  const values = points.flatMap((p) => [
    { killed: 100 * p.fraction, reliability: 100 * p.reliabilityRightAfter, network: p.network, when: 'right after the failure' },
    ...(p.repairMessages === null ? [] : [{ killed: 100 * p.fraction, reliability: 100 * p.reliabilityAfterRepair, network: p.network, when: 'after repair' }]),
  ]);
  const networks = [...new Set(points.map((p) => p.network))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Flood reliability after a mass failure, N = ${nodes.toLocaleString('en-US')}, K = 5`,
      subtitle: [
        `Mean share of live nodes reached by ${messages} floods from random live nodes, mean of ${seeds} seeds.`,
        'Solid: right after the crash, over the links left. Dashed: after the overlay repaired itself.',
        'The static random-regular networks (same mean degree as each overlay) do not repair.',
      ],
    },
    width: 560,
    height: 340,
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'killed', type: 'quantitative', title: 'nodes crashed at once (%)', scale: { domain: [10, 90] }, axis: { values: [10, 20, 30, 40, 50, 60, 70, 80, 90] } },
      y: { field: 'reliability', type: 'quantitative', title: 'reliability (%)', scale: { domain: [0, 100] } },
      color: { field: 'network', type: 'nominal', title: 'network', scale: { domain: networks, range: ['#2563eb', '#dc2626', '#6b7280', '#16a34a'] } },
      strokeDash: {
        field: 'when',
        type: 'nominal',
        title: 'measured',
        legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
        scale: {
          domain: ['right after the failure', 'after repair'],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
      detail: { field: 'when' },
    },
  };
}
