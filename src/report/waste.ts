/**
 * The waste table with its notes: the rows from src/core/waste.ts, and sentences that say why
 * measured and textbook differ when they do. What `floodlab sim` prints and the page shows.
 */
import { floodFormulas, rmr } from '../core/formulas.ts';
import { protocolFacts } from '../core/protocols/index.ts';
import { wasteRows, type WasteInput, type WasteRow } from '../core/waste.ts';
import { num } from './format.ts';

export type { WasteInput, WasteRow } from '../core/waste.ts';

export interface WasteTable {
  readonly rows: readonly WasteRow[];
  readonly notes: readonly string[];
  /** Relative message redundancy; NaN when only the origin was reached. */
  readonly rmr: number;
}

const fmt = (x: number): string => num(x, 1);

/** Builds the rows and the explaining notes for one run. */
export function wasteTable(input: WasteInput): WasteTable {
  const { rows, rmr: r } = wasteRows(input);
  return { rows, notes: notesFor(input), rmr: r };
}

function notesFor(input: WasteInput): string[] {
  const { protocol, degree: d, minDegree, maxDegree, nodes: n, edges: e, componentNodes: nc, componentEdges: ec } = input;
  const textbook = floodFormulas(n, e, d);
  const tree = floodFormulas(nc, ec, d).tree;
  const facts = protocolFacts(protocol);
  const notes: string[] = [];
  const regular = minDegree === d && maxDegree === d;
  const sends = input.sendsPerMessage;
  const exact = facts?.exactSends?.(nc, ec);
  if (input.reachedPerMessage <= 1) {
    notes.push(`only the origin was reached: ${protocol} sent ${fmt(sends)} copies per message and no other node got one, so RMR is undefined (n/a).`);
    return notes;
  }
  if (exact !== undefined && facts?.exactWhy !== undefined && regular && nc === n) {
    if (exact === textbook.textbookWaste + 1) {
      notes.push(
        `${protocol} sent ${fmt(sends)} = N(D−1) + 1 = ${fmt(textbook.textbookWaste)} + 1: ${facts.exactWhy}. ` +
          `So the textbook "waste" N(D−1) is really the total, and the true waste is ${fmt(exact - tree)} copies.`,
      );
    } else if (exact === textbook.nd) {
      notes.push(`${protocol} sent ${fmt(sends)} = N·D = ${facts.exactFormula ?? ''}: ${facts.exactWhy}.`);
    } else {
      notes.push(`${protocol} sent ${fmt(sends)} = ${facts.exactFormula ?? 'its closed form'}: ${facts.exactWhy}.`);
    }
  }
  if (!regular) {
    notes.push(
      `degrees are uneven (min ${minDegree}, max ${maxDegree}, mean ${fmt((2 * e) / n)}): the textbook assumes every node has exactly D = ${d}, ` +
        `so only the exact counts (which use the edge count E = ${fmt(e)}) match what was measured.`,
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
  const useful = input.reachedPerMessage - 1;
  notes.push(`RMR = ${fmt(sends)} / ${fmt(useful)} − 1 = ${rmr(sends, useful).toFixed(3)}: each new node cost ${(sends / useful).toFixed(2)} sends where a spanning tree spends exactly 1.`);
  return notes;
}
