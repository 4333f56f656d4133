/**
 * The waste table as data: measured transmissions beside every formula, one row per formula,
 * each with a plain-words meaning, plus notes that say why measured and textbook differ when
 * they do. Pure: the CLI renders these rows, the browser view can too.
 */
import { floodFormulas, rmr } from './formulas.ts';

/** What the analyzer needs to know about one run (all "per message" values are means). */
export interface WasteInput {
  readonly protocol: string;
  /** Whole graph: nodes, edges, nominal degree D, and the real degree spread. */
  readonly nodes: number;
  readonly edges: number;
  readonly degree: number;
  readonly minDegree: number;
  readonly maxDegree: number;
  /** The origin's component, which is all a flood can reach. */
  readonly componentNodes: number;
  readonly componentEdges: number;
  readonly messages: number;
  readonly sendsPerMessage: number;
  readonly reachedPerMessage: number;
  readonly duplicatesPerMessage: number;
}

export interface WasteRow {
  readonly what: string;
  readonly formula: string;
  /** The formula's value on this graph, per message. */
  readonly value: number;
  /** What the run measured for this row, per message, where the row applies to it. */
  readonly measured?: number;
  readonly meaning: string;
}

export interface WasteTable {
  readonly rows: readonly WasteRow[];
  readonly notes: readonly string[];
  readonly rmr: number;
}

// One formatter for the module: toLocaleString builds an ICU formatter on every call, which made
// this the costliest part of a small sweep cell (and contended across worker threads).
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fmt = (x: number): string => numberFormat.format(x);

/** Builds the rows and the explaining notes for one run. */
/**
 * D as a person reads it: a regular graph's degree as is; otherwise the graph's D is its mean
 * degree 2E/N, shown to two decimals and labelled so (not 4.588235294117647).
 */
export function degreeLabel(d: number): string {
  return Number.isInteger(d) ? String(d) : `${d.toFixed(2)} (mean)`;
}

export function wasteTable(input: WasteInput): WasteTable {
  const { protocol, nodes: n, edges: e, degree: d, componentNodes: nc, componentEdges: ec } = input;
  const textbook = floodFormulas(n, e, d);
  const exact = floodFormulas(nc, ec, d);
  const sends = input.sendsPerMessage;
  const useful = input.reachedPerMessage - 1;
  const rows: WasteRow[] = [
    { what: 'textbook transmissions', formula: 'N·D', value: textbook.nd, meaning: 'every node sends to each of its D neighbours' },
    { what: 'textbook waste', formula: 'N(D−1)', value: textbook.textbookWaste, meaning: "the textbook's count of copies nobody needed" },
    {
      what: 'flood-echo: exact sends',
      formula: '2E',
      value: exact.echo,
      ...(protocol === 'flood-echo' ? { measured: sends } : {}),
      meaning: 'all links, back to the sender too (Go program)',
    },
    {
      what: 'flood: exact sends',
      formula: '2E − (N−1)',
      value: exact.noEcho,
      ...(protocol === 'flood' ? { measured: sends } : {}),
      meaning: 'all links but the one the message came in on',
    },
    { what: 'spanning tree', formula: 'N − 1', value: exact.tree, measured: useful, meaning: 'one send per new node: the least possible' },
    {
      what: 'redundant copies',
      formula: 'sends − (N−1)',
      value: exactRedundant(protocol, exact),
      measured: input.duplicatesPerMessage,
      meaning: 'copies that reached a node that had it: waste',
    },
  ];
  return { rows, notes: notesFor(input, textbook, exact), rmr: rmr(sends, useful) };
}

function exactRedundant(protocol: string, f: ReturnType<typeof floodFormulas>): number {
  if (protocol === 'flood-echo') return f.echo - f.tree;
  if (protocol === 'flood') return f.noEcho - f.tree;
  return Number.NaN;
}

function notesFor(input: WasteInput, textbook: ReturnType<typeof floodFormulas>, exact: ReturnType<typeof floodFormulas>): string[] {
  const { protocol, degree: d, minDegree, maxDegree, nodes: n, componentNodes: nc, componentEdges: ec } = input;
  const notes: string[] = [];
  const regular = minDegree === d && maxDegree === d;
  const sends = input.sendsPerMessage;
  if (protocol === 'flood' && regular && nc === n) {
    notes.push(
      `flood sent ${fmt(sends)} = N(D−1) + 1 = ${fmt(textbook.textbookWaste)} + 1: every node but the origin skips the neighbour it heard from, ` +
        `and the origin, having no sender to skip, sends to all D. So the textbook "waste" N(D−1) is really the total, and the true waste is ${fmt(exact.noEcho - exact.tree)} copies.`,
    );
  }
  if (protocol === 'flood-echo' && regular && nc === n) {
    notes.push(`flood-echo sent ${fmt(sends)} = N·D = 2E: each node sends to all D neighbours, including straight back to the one it heard from.`);
  }
  if (!regular) {
    notes.push(
      `degrees are uneven (min ${minDegree}, max ${maxDegree}, mean ${fmt((2 * input.edges) / n)}): the textbook assumes every node has exactly D = ${d}, ` +
        `so only the exact counts (which use the edge count E = ${fmt(input.edges)}) match what was measured.`,
    );
  }
  if (nc < n) {
    notes.push(
      `${fmt(n - nc)} of ${fmt(n)} nodes are outside the origin's component and can never get the message; the exact rows use that component ` +
        `(N = ${fmt(nc)}, E = ${fmt(ec)}), the textbook rows the whole graph.`,
    );
  }
  if (Math.round(input.reachedPerMessage) < nc) {
    notes.push(`only ${fmt(input.reachedPerMessage)} of the ${fmt(nc)} nodes in the origin's component were reached per message.`);
  }
  notes.push(`RMR = ${fmt(sends)} / ${fmt(input.reachedPerMessage - 1)} − 1 = ${rmr(sends, input.reachedPerMessage - 1).toFixed(3)}: each new node cost ${(sends / Math.max(1, input.reachedPerMessage - 1)).toFixed(2)} sends where a spanning tree spends exactly 1.`);
  return notes;
}
