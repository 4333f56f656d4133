/**
 * Renders a simulation report for people: a header saying what was run, the waste table
 * (measured beside each formula, with what each row means), the headline figures, and notes
 * that explain every difference between measured and textbook.
 */
import Table from 'cli-table3';
import { degreeLabel } from '../../src/core/waste.ts';
import type { SimReport } from '../../src/sim/run.ts';

const num = (x: number): string => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** A plain (uncoloured) cli-table3 table, so output is the same on a terminal and in a file. */
export function plainTable(head: string[], options: { colWidths?: (number | null)[]; colAligns?: ('left' | 'right')[] } = {}): Table.Table {
  return new Table({ head, style: { head: [], border: [], compact: true }, wordWrap: true, wrapOnWordBoundary: true, ...options });
}

/** Word-wraps a paragraph to `width` columns with a first-line and a continuation prefix. */
export function wrap(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + word.length > width && line.trim() !== first.trim()) {
      lines.push(line.trimEnd());
      line = rest;
    }
    line += word + ' ';
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** The waste table alone. */
export function wasteTableText(report: Pick<SimReport, 'messages' | 'waste'>): string {
  const per = report.messages > 1 ? ', per message' : '';
  const table = plainTable(['count' + per, 'formula', 'formula value', 'measured', 'what it means'], {
    colWidths: [null, null, null, null, 48],
    colAligns: ['left', 'left', 'right', 'right', 'left'],
  });
  for (const row of report.waste.rows) {
    const measured = row.measured === undefined ? '' : num(row.measured) + (row.measured === row.value ? ' ✓' : '');
    table.push([row.what, row.formula, Number.isNaN(row.value) ? 'n/a' : num(row.value), measured, row.meaning]);
  }
  return table.toString();
}

/** The whole human-readable report of `floodlab sim`. */
export function renderSimReport(report: SimReport): string {
  const connected = report.components === 1 ? 'connected' : `${report.components} components`;
  const degrees = report.degree.min === report.degree.max ? `every node has degree ${report.degree.min}` : `degrees ${report.degree.min}..${report.degree.max}, mean ${num(report.degree.mean)}`;
  const origins = [...new Set(report.perMessage.map((m) => m.origin))];
  const originText = origins.length === 1 ? `from node ${origins[0]}` : `from ${origins.length} seeded random origins`;
  const k = report.messages;
  const sendsPer = report.transmissionsPerMessage;
  const useful = report.reachedPerMessage - 1;
  const lines = [
    `floodlab sim: ${report.protocol} over ${report.topology}, seed ${report.seed}`,
    `  network   N = ${num(report.nodes)} nodes, D = ${degreeLabel(report.degree.nominal)}, E = ${num(report.edges)} edges (${degrees}; ${connected})`,
    `  messages  ${k} ${originText}, latency ${report.latency}`,
    '',
    wasteTableText(report),
    '',
    `Result${k > 1 ? ' (per message)' : ''}:`,
    `  reached      ${num(report.reachedPerMessage)} of ${num(report.nodes)} nodes (${pct(report.coverageMean)} of the origin's component)`,
    `  hops, time   last new node at hop ${report.ldhMax} (LDH); ${report.timeToFullCoverageMs === null ? 'no message reached its whole component' : `full coverage after ${num(report.timeToFullCoverageMs)} ms`}`,
    `  waste        ${num(sendsPer)} sends for ${num(useful)} new nodes: ${num(sendsPer - useful)} copies (${pct(sendsPer > 0 ? (sendsPer - useful) / sendsPer : 0)}) were redundant`,
    `  RMR          ${report.rmr === null ? 'n/a (no node beyond the origin was reached)' : report.rmr.toFixed(3)} (sends / (reached − 1) − 1; 0 = no copy wasted)`,
    `  duplicates   per node${k > 1 ? ' and message' : ''}: min ${num(report.duplicatesPerNodePerMessage.min)}, mean ${num(report.duplicatesPerNodePerMessage.mean)}, max ${num(report.duplicatesPerNodePerMessage.max)}`,
    ...(report.control
      ? [`  control      ${num(report.control.total / k)} control messages (${Object.entries(report.control.byType).map(([t, c]) => `${t} ${num(c / k)}`).join(', ')}); not counted in the sends above`]
      : []),
    ...(report.faults ? [`  faults       ${report.faults.failedNodes} nodes and ${report.faults.failedLinks} links down, loss ${report.faults.spec.loss}: ${num(report.faults.lostTotal / k)} transmissions lost`] : []),
    '',
    'Why measured and textbook differ:',
    ...report.waste.notes.map((n) => wrap(n, 100, '  - ', '    ')),
  ];
  return lines.join('\n') + '\n';
}
