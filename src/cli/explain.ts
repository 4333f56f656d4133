/**
 * `floodlab explain`: says in plain words why flooding costs what it costs on a D-regular graph
 * of N nodes, with the user's numbers filled in from src/core/formulas.ts, and names the command
 * that measures it.
 */
import type { Command } from 'commander';
import { exactSends, floodFormulas, rmr } from '../core/formulas.ts';
import { parseProtocol, protocolFacts } from '../core/protocols/index.ts';
import { VIZ_LIMITS } from '../viz/query.ts';
import { OPTIONS } from '../options/schema.ts';
import { num as fmtNum, pct as fmtPct } from '../report/format.ts';
import { checkRandomRegular } from '../sim/generators/random-regular.ts';
import { action } from './action.ts';
import { addOptions } from './options/commander.ts';

const num = (x: number): string => fmtNum(x);
const pct = fmtPct;

/** The explanation for N nodes of degree D; `protocol` is marked and used in the pointers. */
export function explainText(n: number, d: number, protocol: string): string {
  // The same check sim's default graph makes: explain speaks of a connected D-regular graph, so it refuses what sim refuses.
  checkRandomRegular(n, d);
  const name = parseProtocol(protocol).name;
  const e = (n * d) / 2;
  const f = floodFormulas(n, e, d);
  const mark = (p: string): string => (p === name ? '  ◀ your protocol' : '');
  const wasteEcho = f.echo - f.tree;
  const wasteFlood = f.noEcho - f.tree;
  const lines = [
    `floodlab explain: one message over N = ${num(n)} nodes, each with D = ${d} links`,
    `(a ${d}-regular graph: E = N·D/2 = ${num(e)} links; every count below is for one message)`,
    '',
    `Why flooding costs N·D = ${num(f.nd)} transmissions`,
    `  A node that gets the message for the first time passes it on to each of its D = ${d} neighbours.`,
    `  Each of the ${num(n)} nodes does that exactly once, so ${num(n)} × ${d} = ${num(f.nd)} copies are sent.`,
    `  Counted per link instead: each of the ${num(e)} links carries one copy each way, 2E = ${num(f.echo)}.`,
    '',
    `flood-echo: exactly 2E = ${num(f.echo)}${mark('flood-echo')}`,
    `  The original Go program's rule sends on every link, back to the node it heard from too.`,
    `  So every node sends one copy per link it has, and the degrees add up to 2E on any connected`,
    `  graph, regular or not: ${num(f.echo)} sends.`,
    '',
    `flood: exactly 2E − (N−1) = ${num(f.noEcho)}${mark('flood')}`,
    `  Skip the link the message came in on. Every node but the origin has such a link, so N − 1 = ${num(f.tree)}`,
    `  copies are saved: ${num(f.echo)} − ${num(f.tree)} = ${num(f.noEcho)} = N(D−1) + 1. The textbook's "waste N(D−1) = ${num(f.textbookWaste)}"`,
    `  is in fact almost this whole count: all of it but the origin's extra copy.`,
    '',
    `A spanning tree needs N − 1 = ${num(f.tree)}`,
    `  Each of the other ${num(f.tree)} nodes must get one copy, and one is enough: sending only along the links`,
    `  of a tree that spans the network, every copy reaches a node that did not have the message.`,
    '',
    `The waste: every copy beyond N − 1`,
    `  flood-echo  ${num(f.echo)} sent − ${num(f.tree)} needed = ${num(wasteEcho)} wasted (${pct(wasteEcho, f.echo)} of the sends); every node`,
    `              gets D = ${d} copies and needs one (the origin needs none).`,
    `  flood       ${num(f.noEcho)} sent − ${num(f.tree)} needed = ${num(wasteFlood)} wasted (${pct(wasteFlood, f.noEcho)} of the sends).`,
    `  RMR (relative message redundancy, sends / (N − 1) − 1, 0 for a tree): flood-echo ${rmr(f.echo, f.tree).toFixed(3)}, flood ${rmr(f.noEcho, f.tree).toFixed(3)}.`,
  ];
  const facts = protocolFacts(name);
  const exact = exactSends(name, n, e);
  if (exact === undefined) {
    lines.push('', `${name}: no closed form${mark(name)}`, `  ${name} chooses whom to tell, so its count depends on the graph, the seed and timing: measure it.`);
  } else if (facts?.reference !== true) {
    lines.push('', `${name}: exactly ${facts?.exactFormula ?? 'its closed form'} = ${num(exact)}${mark(name)}`);
  }
  const vizN = n <= VIZ_LIMITS.maxNodes ? n : 60;
  lines.push('', `Measure it:  floodlab sim -n ${n} -d ${d} --protocol ${protocol}`, `Watch it:    floodlab viz -n ${vizN} -d ${d} --protocol ${protocol}`);
  return lines.join('\n') + '\n';
}

interface ExplainFlags {
  nodes: number;
  degree: number;
  protocol: string;
}

export function registerExplain(program: Command): void {
  const cmd = program.command('explain').description('explain in plain words why flooding costs N·D, 2E, 2E − (N−1) and N − 1, with your numbers');
  addOptions(cmd, [
    OPTIONS.nodes,
    { ...OPTIONS.degree, help: 'links per node (of a connected D-regular graph, as sim draws by default)' },
    { ...OPTIONS.protocol, help: 'the forwarding rule to point at (see floodlab sim --help)' },
  ])
    .addHelpText('after', '\nExamples:\n  floodlab explain -n 1000 -d 4\n  floodlab explain -n 100000 -d 8 --protocol flood-echo')
    .action(
      action((flags: ExplainFlags) => {
        process.stdout.write(explainText(flags.nodes, flags.degree, flags.protocol));
      }),
    );
}
