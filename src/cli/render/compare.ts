/**
 * Renders a protocol comparison: the same cells as a terminal table (cli-table3) or a markdown
 * table (for results/), with footnotes that say what every column counts and which size model
 * the byte columns use.
 */
import { protocolFacts } from '../../core/protocols/index.ts';
import { sizeModelNote } from '../../core/sizes.ts';
import { degreeLabel, plural } from '../../report/format.ts';
import { toCsv } from '../csv.ts';
import type { CompareResult, CompareRow } from '../../sim/compare.ts';
import { describeFaults } from '../fault-options.ts';
import { plainTable } from './waste.ts';

const num = (x: number, digits = 0): string => (Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const kb = (bytes: number): string => num(bytes / 1000, 1);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
/** A count per message: whole numbers as they are, small fractional means with one decimal. */
const count = (x: number): string => num(x, Number.isInteger(x) || x >= 100 ? 0 : 1);

/** Column heads; '\n' marks where the terminal table breaks a head over two lines. */
export const COMPARE_HEAD = [
  'protocol',
  'payload\nsends',
  'control\nmsgs',
  'payload\nkB',
  'control\nkB',
  'total\nkB',
  'bytes vs\nflood',
  'RMR',
  'coverage\nmean',
  'coverage\nworst',
  'complete\nmsgs',
  'LDH mean\n(max)',
  'full cov.\nms',
  'busiest\nnode kB',
];

/** The column heads for this result: "bytes vs" names the reference row. */
export function compareHead(result: CompareResult): string[] {
  const ref = reference(result.rows)?.protocol ?? 'flood';
  return COMPARE_HEAD.map((h) => (h === 'bytes vs\nflood' ? `bytes vs\n${ref}` : h));
}

/** The reference row for "bytes vs": the registry's baseline rule (flood) if it ran, else the first row. */
function reference(rows: readonly CompareRow[]): CompareRow | undefined {
  return rows.find((r) => protocolFacts(r.protocol)?.baseline === true) ?? rows[0];
}

/** The table's cells, one string per column. */
export function compareCells(result: CompareResult): string[][] {
  const ref = reference(result.rows);
  return result.rows.map((r) => [
    r.protocol,
    count(r.payloadSends),
    count(r.controlSends),
    kb(r.payloadBytes),
    kb(r.controlBytes),
    kb(r.totalBytes),
    ref && ref.totalBytes > 0 ? pct(r.totalBytes / ref.totalBytes) : 'n/a',
    Number.isNaN(r.rmr) ? 'n/a' : r.rmr.toFixed(3),
    pct(r.coverageMean),
    pct(r.coverageWorst),
    `${r.complete}/${result.messages}`,
    `${num(r.ldhMean, 1)} (${r.ldhMax})`,
    num(r.timeToFullMs, 1),
    kb(r.busiestNodeBytes),
  ]);
}

/** What was run, in one line. */
export function compareTitle(result: CompareResult): string {
  return (
    `N = ${num(result.nodes)}, D = ${degreeLabel(result.degree)}, E = ${num(result.edges)} (${result.topology}), ` +
    `${plural(result.messages, 'message')} from seeded random live origins, latency ${result.latency}, seed ${result.seed}; ` +
    `faults: ${describeFaults(result.faults, result.failedNodes, result.failedLinks, result.nodes, result.edges)}`
  );
}

/** The footnotes: how to read each column, the size model, control messages by type, losses. */
export function compareNotes(result: CompareResult): string[] {
  const ref = reference(result.rows);
  const detected = (result.failedNodes > 0 || result.failedLinks > 0) && !result.faults.silent;
  const notes = [
    'All figures are per message (mean over the run), on the same graph, origins and faults for every protocol.',
    'payload sends: transmissions carrying the message; control msgs: IHAVE, GRAFT, PRUNE (plumtree), INV, GETDATA (announce).',
    sizeModelNote(result.payloadBytes) + ' 1 kB = 1,000 bytes.',
    `bytes vs ${ref?.protocol ?? 'flood'}: total bytes as a share of ${ref?.protocol ?? 'flood'}'s. RMR = payload sends ÷ (reached − 1) − 1 (payload only, as in the Plumtree paper; 0 = a spanning tree).`,
    `coverage: reached ÷ live nodes in the origin's component (${num(result.reachable, 1)} on average); complete msgs: messages that reached every one of them.`,
    'LDH: hops from the origin to the last node reached. full coverage ms: virtual time until the last node had it, mean over complete messages. busiest node: bytes sent per message by the node that sent most.',
  ];
  if (detected)
    notes.push('Failures are detected at once (a closed connection): a send to a failed node or over a failed link is refused and not counted; --silent-failures counts them as sent and lost.');
  const types = result.rows
    .filter((r) => r.controlSends > 0)
    .map(
      (r) =>
        `${r.protocol}: ${Object.entries(r.controlByType)
          .map(([t, c]) => `${t} ${num(c, 1)}`)
          .join(', ')}`,
    );
  if (types.length > 0) notes.push(`Control messages per message by type: ${types.join('; ')}.`);
  const lost = result.rows.filter((r) => r.lost > 0).map((r) => `${r.protocol} ${num(r.lost, 1)}`);
  if (lost.length > 0) {
    notes.push(`Transmissions lost per message (dropped, or sent to a failed node or link that was not detected): ${lost.join(', ')}; they are counted in the sends.`);
  }
  return notes;
}

/** The comparison for a terminal. */
export function renderCompareText(result: CompareResult): string {
  const head = compareHead(result);
  const table = plainTable(head, { colAligns: ['left', ...head.slice(1).map(() => 'right' as const)] });
  for (const cells of compareCells(result)) table.push(cells);
  return [`floodlab compare: ${compareTitle(result)}`, table.toString(), ...compareNotes(result).map((n) => `  - ${n}`)].join('\n') + '\n';
}

/** The comparison as a markdown table with its footnotes. */
export function renderCompareMarkdown(result: CompareResult): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return (
    [
      compareTitle(result),
      '',
      row(compareHead(result).map((h) => h.replace('\n', ' '))),
      row(COMPARE_HEAD.map((_, i) => (i === 0 ? '---' : '---:'))),
      ...compareCells(result).map(row),
      '',
      ...compareNotes(result).map((n) => `- ${n}`),
    ].join('\n') + '\n'
  );
}

/** The comparison as CSV: one row per protocol, raw numbers (per message; bytes, not kB; NaN empty). */
export function compareCsv(result: CompareResult): string {
  const head = [
    'protocol',
    'payload_sends',
    'control_msgs',
    'payload_bytes',
    'control_bytes',
    'total_bytes',
    'rmr',
    'coverage_mean',
    'coverage_worst',
    'complete_msgs',
    'ldh_mean',
    'ldh_max',
    'full_coverage_ms',
    'busiest_node_bytes',
  ];
  const n = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return toCsv(
    head,
    result.rows.map((r) => [
      r.protocol,
      n(r.payloadSends),
      n(r.controlSends),
      n(r.payloadBytes),
      n(r.controlBytes),
      n(r.totalBytes),
      n(r.rmr),
      n(r.coverageMean),
      n(r.coverageWorst),
      r.complete,
      n(r.ldhMean),
      r.ldhMax,
      n(r.timeToFullMs),
      n(r.busiestNodeBytes),
    ]),
  );
}
