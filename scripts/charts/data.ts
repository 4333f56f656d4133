/**
 * The measured points of the charts: floods run by `runSimulation` (what `floodlab sim` runs)
 * with fixed seeds, so regenerating the charts gives the same numbers. Formula values come from
 * src/core/formulas.ts.
 */
import { floodFormulas } from '../../src/core/formulas.ts';
import { parseProtocol, protocolList } from '../../src/core/protocols/index.ts';
import { runSimulation, type SimReport } from '../../src/sim/run.ts';

export const SEED = '1';

/** One flood from node 0 on a random D-regular graph. */
export function measure(nodes: number, degree: number, protocol: string, messages = 1): SimReport {
  return runSimulation({ nodes, degree, topology: 'random-regular', protocol, latency: 'constant', seed: SEED, messages, ...(messages === 1 ? { origin: '0' } : {}) });
}

export interface DegreeRow {
  readonly degree: number;
  /** Formulas for one message (E = N·D/2 on a D-regular graph). */
  readonly textbookWaste: number;
  readonly echoWaste: number;
  readonly floodWaste: number;
  /** Measured duplicates (copies that reached a node that had the message). */
  readonly echoMeasured: number;
  readonly floodMeasured: number;
}

/** Waste for each D at fixed N. */
export function wasteByDegree(nodes: number, degrees: readonly number[]): DegreeRow[] {
  return degrees.map((d) => {
    const f = floodFormulas(nodes, (nodes * d) / 2, d);
    return {
      degree: d,
      textbookWaste: f.textbookWaste,
      echoWaste: f.echo - f.tree,
      floodWaste: f.noEcho - f.tree,
      echoMeasured: measure(nodes, d, 'flood-echo').duplicatesTotal,
      floodMeasured: measure(nodes, d, 'flood').duplicatesTotal,
    };
  });
}

export interface NodesRow {
  readonly nodes: number;
  readonly nd: number;
  readonly noEcho: number;
  readonly tree: number;
  readonly echoMeasured: number;
  readonly floodMeasured: number;
}

/** Transmissions for each N at fixed D. */
export function transmissionsByNodes(sizes: readonly number[], degree: number): NodesRow[] {
  return sizes.map((n) => {
    const f = floodFormulas(n, (n * degree) / 2, degree);
    return {
      nodes: n,
      nd: f.nd,
      noEcho: f.noEcho,
      tree: f.tree,
      echoMeasured: measure(n, degree, 'flood-echo').transmissionsTotal,
      floodMeasured: measure(n, degree, 'flood').transmissionsTotal,
    };
  });
}

export interface ProtocolRow {
  readonly protocol: string;
  readonly sendsPerMessage: number;
  readonly coverage: number;
  readonly rmr: number;
}

/**
 * Every protocol in the registry (by its bare name, with its default parameters) over the same
 * graph and messages. A protocol that needs a parameter is left out and named in `skipped`.
 */
export function compareProtocols(nodes: number, degree: number, messages: number): { rows: ProtocolRow[]; skipped: string[] } {
  const rows: ProtocolRow[] = [];
  const skipped: string[] = [];
  for (const { usage, example: name } of protocolList()) {
    try {
      parseProtocol(name);
    } catch (err) {
      skipped.push(`${usage}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const r = measure(nodes, degree, name, messages);
    rows.push({ protocol: r.protocol, sendsPerMessage: r.transmissionsPerMessage, coverage: r.coverageMean, rmr: r.rmr ?? Number.NaN });
  }
  return { rows, skipped };
}
