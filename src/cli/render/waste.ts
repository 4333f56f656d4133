/**
 * Renders a simulation report for people: a header saying what was run, the waste table
 * (measured beside each formula, with what each row means), the headline figures, and notes
 * that explain every difference between measured and textbook.
 */
import Table from 'cli-table3';
import { degreeLabel, num, pct as fmtPct, plural } from '../../report/format.ts';
import type { SimReport } from '../../sim/run.ts';
import { simView, type SimView } from './sim-view.ts';

const pct = (x: number): string => fmtPct(x);

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

/** The "hops, time" line: when the flood covered the component, or that it did not. */
function coverageLine(v: SimView, k: number): string {
  if (v.reachedPerMessage <= 1) return `no hop: only the origin was reached${k > 1 ? ' (every message)' : ''}`;
  const time =
    v.completeMessages === k
      ? `full coverage after ${num(v.fullCoverageMs)} ms`
      : v.completeMessages === 0
        ? 'full coverage never reached'
        : `full coverage in ${num(v.completeMessages)} of ${plural(k, 'message')}`;
  return `last new node at hop ${v.ldh} (LDH); ${time}`;
}

/** The whole human-readable report of `floodlab sim`. */
export function renderSimReport(report: SimReport): string {
  const v = simView(report);
  const connected = report.components === 1 ? 'connected' : `${num(report.components)} components`;
  const degrees = report.degree.min === report.degree.max ? `every node has degree ${report.degree.min}` : `degrees ${report.degree.min}..${report.degree.max}, mean ${num(report.degree.mean)}`;
  const origins = [...new Set(report.perMessage.map((m) => m.origin))];
  const originText = origins.length === 1 ? `from node ${origins[0]}` : `from ${num(origins.length)} seeded random origins`;
  const k = v.messages;
  const sendsPer = v.sendsPerMessage;
  const useful = v.reachedPerMessage - 1;
  const dup = v.duplicatesPerNodeAllMessages;
  const lines = [
    `floodlab sim: ${report.protocol} over ${report.topology}, seed ${report.seed}`,
    `  network   N = ${plural(report.nodes, 'node')}, D = ${degreeLabel(report.degree.nominal)}, E = ${plural(report.edges, 'edge')} (${degrees}; ${connected})`,
    `  messages  ${num(k)} ${originText}, latency ${report.latency}`,
    '',
    wasteTableText(report),
    '',
    `Result${k > 1 ? ' (per message)' : ''}:`,
    `  reached      ${num(v.reachedPerMessage)} of ${plural(report.nodes, 'node')} (${pct(v.coverage)} of the origin's component)`,
    `  hops, time   ${coverageLine(v, k)}`,
    `  waste        ${plural(sendsPer, 'send')} for ${plural(useful, 'new node')}: ${plural(Math.max(0, sendsPer - useful), 'copy', 'copies')} (${pct(sendsPer > 0 ? Math.max(0, sendsPer - useful) / sendsPer : 0)}) ${sendsPer - useful === 1 ? 'was' : 'were'} redundant`,
    `  RMR          ${Number.isNaN(v.rmr) ? 'n/a: only the origin was reached' : v.rmr.toFixed(3)} (sends / (reached − 1) − 1; 0 = no copy wasted)`,
    `  duplicates   per node${k > 1 ? `, over all ${num(k)} messages` : ''}: min ${num(dup.min)}, mean ${num(dup.mean)}, max ${num(dup.max)}`,
    ...(v.controlPerMessage
      ? [`  control      ${plural(v.controlPerMessage.total, 'control message')} (${v.controlPerMessage.byType.map(([t, c]) => `${t} ${num(c)}`).join(', ')}); not counted in the sends above`]
      : []),
    ...(v.faults
      ? [`  faults       ${plural(v.faults.failedNodes, 'node')} and ${plural(v.faults.failedLinks, 'link')} down, loss ${v.faults.loss}: ${plural(v.faults.lostPerMessage, 'transmission')} lost`]
      : []),
    '',
    'Why measured and textbook differ:',
    ...report.waste.notes.map((n) => wrap(n, 100, '  - ', '    ')),
  ];
  return lines.join('\n') + '\n';
}
