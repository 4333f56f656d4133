/**
 * Chart: every protocol in the registry on the same graph and messages: sends per message as
 * bars, against the two marks that matter, N − 1 (a spanning tree, the least possible) and N·D
 * (the textbook flood); each bar labelled with its RMR and coverage.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ProtocolRow } from './data.ts';

/** The Vega-Lite spec for the rows of `compareProtocols`. */
export function protocolsSpec(nodes: number, degree: number, messages: number, rows: readonly ProtocolRow[]): TopLevelSpec {
  const values = [...rows]
    .sort((a, b) => a.sendsPerMessage - b.sendsPerMessage)
    .map((r) => ({
      protocol: r.protocol,
      sends: Math.round(r.sendsPerMessage * 10) / 10,
      label: `${Math.round(r.sendsPerMessage).toLocaleString('en-US')} · RMR ${Number.isFinite(r.rmr) ? r.rmr.toFixed(2) : 'n/a'} · ${(100 * r.coverage).toFixed(1)}% reached`,
    }));
  const marks = [
    { at: nodes - 1, what: `N − 1 = ${(nodes - 1).toLocaleString('en-US')}` },
    { at: nodes * degree, what: `N·D = ${(nodes * degree).toLocaleString('en-US')}` },
  ];
  const y = { field: 'protocol', type: 'nominal', title: null, sort: null } as const;
  const x = { field: 'sends', type: 'quantitative' as const, title: 'payload transmissions per message', scale: { domain: [0, nodes * degree * 1.45] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Protocols compared',
      subtitle: [
        `N = ${nodes.toLocaleString('en-US')}, random ${degree}-regular graph, ${messages} messages`,
        'from seeded random origins; means per message. Control messages',
        '(IHAVE, GRAFT, PRUNE, INV, GETDATA) are not in the bars: see results/protocols-healthy.md.',
      ],
    },
    width: 560,
    height: { step: 34 },
    layer: [
      {
        data: { values },
        encoding: { y, x },
        layer: [{ mark: { type: 'bar', color: '#2563eb', height: 20 } }, { mark: { type: 'text', align: 'left', dx: 5, fontSize: 12, color: '#111827' }, encoding: { text: { field: 'label' } } }],
      },
      {
        data: { values: marks },
        encoding: { x: { field: 'at', type: 'quantitative' } },
        layer: [
          { mark: { type: 'rule', strokeDash: [5, 4], color: '#6b7280' } },
          { mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, color: '#4b5563', align: 'left', dx: 3, y: 0 }, encoding: { text: { field: 'what' } } },
        ],
      },
    ],
  };
}
