/**
 * The waste table as data: measured transmissions beside every formula, one row per formula.
 * Pure and name-free: which rules get an exact row, with which formula and meaning, comes from
 * the protocol registry. The notes that explain the rows in words live in src/report/waste.ts.
 */
import { floodFormulas, rmr } from './formulas.ts';
import { protocolFacts, protocolFactsList } from './protocols/index.ts';

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
  /** The formula's value on this graph, per message (NaN where the rule has no closed form). */
  readonly value: number;
  /** What the run measured for this row, per message, where the row applies to it. */
  readonly measured?: number;
  readonly meaning: string;
}

export interface WasteRows {
  readonly rows: readonly WasteRow[];
  /** Relative message redundancy; NaN when only the origin was reached. */
  readonly rmr: number;
}

/** The rows for one run: textbook, the exact rows (reference rules and the rule that ran), tree, redundancy. */
export function wasteRows(input: WasteInput): WasteRows {
  const { protocol, nodes: n, edges: e, degree: d, componentNodes: nc, componentEdges: ec } = input;
  const textbook = floodFormulas(n, e, d);
  const tree = floodFormulas(nc, ec, d).tree;
  const sends = input.sendsPerMessage;
  const useful = input.reachedPerMessage - 1;
  const ran = protocolFacts(protocol);
  const exactRows = protocolFactsList()
    .flatMap(({ name, facts }) => {
      const { exactSends } = facts;
      if (exactSends === undefined || (facts.reference !== true && facts !== ran)) return [];
      const row: WasteRow = {
        what: `${name}: exact sends`,
        formula: facts.exactFormula ?? 'closed form',
        value: exactSends(nc, ec),
        ...(facts === ran ? { measured: sends } : {}),
        meaning: facts.exactMeaning ?? facts.summary,
      };
      return [row];
    })
    .sort((a, b) => b.value - a.value);
  const exact = ran?.exactSends?.(nc, ec);
  const rows: WasteRow[] = [
    { what: 'textbook transmissions', formula: 'N·D', value: textbook.nd, meaning: 'every node sends to each of its D neighbours' },
    { what: 'textbook waste', formula: 'N(D−1)', value: textbook.textbookWaste, meaning: "the textbook's count of copies nobody needed" },
    ...exactRows,
    { what: 'spanning tree', formula: 'N − 1', value: tree, measured: useful, meaning: 'one send per new node: the least possible' },
    {
      what: 'redundant copies',
      formula: 'sends − (N−1)',
      value: exact === undefined ? Number.NaN : exact - tree,
      measured: input.duplicatesPerMessage,
      meaning: 'copies that reached a node that had it: waste',
    },
  ];
  return { rows, rmr: rmr(sends, useful) };
}
