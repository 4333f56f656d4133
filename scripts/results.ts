/**
 * `npm run results`: regenerates the charts in results/ from simulations with fixed seeds (same
 * files every time): waste vs D at fixed N, transmissions vs N at fixed D, and every registered
 * protocol compared on one graph; the membership overlays (blog, hyparview) under mass failure. The README shows them (docs/see-the-flood.md).
 */
import { mkdirSync } from 'node:fs';
import { compareProtocols, transmissionsByNodes, wasteByDegree } from './charts/data.ts';
import { protocolsSpec } from './charts/protocols.ts';
import { renderChart } from './charts/render.ts';
import { transmissionsVsNodesSpec } from './charts/transmissions-vs-nodes.ts';
import { wasteVsDegreeSpec } from './charts/waste-vs-degree.ts';
import { writeMembershipResults } from './results/membership.ts';
import { writeProtocolResults } from './results/protocols.ts';

const DIR = 'results';
mkdirSync(DIR, { recursive: true });
const written: string[] = [];

const N = 1000;
const degrees = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
written.push(...(await renderChart(wasteVsDegreeSpec(N, wasteByDegree(N, degrees)), 'waste-vs-degree', DIR)));

const D = 4;
const sizes = [100, 300, 1000, 3000, 10_000, 30_000, 100_000];
written.push(...(await renderChart(transmissionsVsNodesSpec(D, transmissionsByNodes(sizes, D)), 'transmissions-vs-nodes', DIR)));

const messages = 10;
const { rows, skipped } = compareProtocols(N, 8, messages);
written.push(...(await renderChart(protocolsSpec(N, 8, messages, rows), 'protocols', DIR)));

written.push(...writeProtocolResults(DIR));
written.push(...(await writeMembershipResults(DIR)));

process.stdout.write(`results: wrote ${written.join(', ')}\n`);
for (const s of skipped) process.stdout.write(`results: protocol left out of the comparison: ${s}\n`);
