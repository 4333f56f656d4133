/**
 * What `/api/grow` sends the page: a membership run (joins, then an optional kill and the repair)
 * as the simulator ran it, with the figures `floodlab grow --json` prints for the same options.
 * Plain JSON-able shapes shared by server and page; no imports of Node modules (the page bundles it).
 */

/** Event kinds of a GrowTrace row. */
export const JOIN = 0;
export const CRASH = 1;
export const LINK_UP = 2;
export const LINK_DOWN = 3;

/**
 * One row per change of the overlay, in simulated-time order: a node joins or crashes, or a link
 * admitted at both ends (the overlay `floodlab grow` measures) appears or vanishes. Column arrays.
 */
export interface GrowTrace {
  readonly kind: readonly number[];
  /** Simulated ms (to 0.01). */
  readonly time: readonly number[];
  /** The node (JOIN, CRASH) or the link's lower end. */
  readonly a: readonly number[];
  /** The link's upper end; -1 for JOIN and CRASH. */
  readonly b: readonly number[];
  /** Membership message types, in first-sent order. */
  readonly messageTypes: readonly string[];
  /** Runs of messages: once `msgAfter[i]` rows have been applied, `msgCount[i]` more of type `messageTypes[msgType[i]]` were sent. */
  readonly msgAfter: readonly number[];
  readonly msgType: readonly number[];
  readonly msgCount: readonly number[];
  /** Rows applied when growth had settled (the kill, if any, comes next), and the time then. */
  readonly grownAt: number;
  readonly grownMs: number;
  /** Simulated ms when the replay ends (repaired, or the repair limit). */
  readonly endMs: number;
}

/** The page's grow options, as read from its query. */
export interface GrowQuery {
  readonly n: number;
  readonly want: number;
  readonly overlay: string;
  readonly entry: 'first' | 'random';
  /** 0: no kill. */
  readonly kill: number;
  readonly seed: string;
}

/** What `floodlab grow --json` says about the same run (the page shows it beside its own counters). */
export interface GrowFigures {
  readonly grown: { readonly edges: number; readonly components: number; readonly floodTransmissions: number; readonly settled: boolean; readonly membershipMessages: number };
  readonly failure: {
    readonly killed: number;
    readonly live: number;
    readonly componentsAfterRepair: number;
    readonly repaired: boolean;
    readonly repairTimeMs: number | null;
    readonly connectedTimeMs: number | null;
    readonly repairMessages: number;
  } | null;
}

export interface GrowPayload {
  readonly query: GrowQuery;
  /** Node ids 0..order−1 in join order; positions laid out from the grown network. */
  readonly order: number;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly trace: GrowTrace;
  readonly figures: GrowFigures;
  /** The command line that measures the same run. */
  readonly command: string;
}
