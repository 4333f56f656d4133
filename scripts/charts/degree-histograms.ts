/**
 * Chart: links per node in each grown overlay, side by side: blog's long tail above 2K (a node
 * accepts with probability 1/(k+1), yet early nodes collect links) against HyParView's cap at K.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GrowReport } from '../../src/sim/grow/report.ts';

export function degreeHistogramsSpec(reports: readonly GrowReport[]): TopLevelSpec {
  const values = reports.flatMap((r) => r.degree.histogram.flatMap((count, links) => (count === 0 ? [] : [{ overlay: `${r.overlay} (mean ${r.degree.mean.toFixed(2)})`, links, nodes: count }])));
  const n = reports[0]?.nodes ?? 0;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Links per node after ${n.toLocaleString('en-US')} joins, K = ${reports[0]?.want ?? 5}`,
      subtitle: ['blog: every node at >= K, mean near 2K (each join adds K links, each link has two ends).', 'hyparview: the active view is capped at K.'],
    },
    data: { values },
    facet: { column: { field: 'overlay', type: 'nominal', title: null } },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: 300,
      height: 240,
      mark: { type: 'bar', color: '#2563eb' },
      encoding: {
        x: { field: 'links', type: 'ordinal', title: 'links', axis: { labelAngle: 0, labelOverlap: true } },
        y: { field: 'nodes', type: 'quantitative', title: 'nodes' },
      },
    },
  };
}
