/**
 * `npm run bench`: runs every benchmark section (or those named: `npm run bench -- membership`),
 * prints it and writes it into results/bench.md with the machine, the commit, the load and the
 * command; sections not rerun keep their last figures and their own run line. Benchmarks are
 * not tests: they measure and report, and a missed target is written down as missed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { machineLine } from './bench/machine.ts';
import { sectionBlock, spliceSections } from './bench/splice.ts';
import { benchGo } from './bench/go.ts';
import { benchMembership } from './bench/membership.ts';
import { benchReal } from './bench/real.ts';
import { benchSim } from './bench/sim.ts';
import { benchStartup } from './bench/startup.ts';
import { benchSweep } from './bench/sweep.ts';

const sections: { name: string; run: () => string | Promise<string> }[] = [
  { name: 'simulator', run: benchSim },
  { name: 'real', run: benchReal },
  { name: 'go', run: benchGo },
  { name: 'sweep', run: benchSweep },
  { name: 'startup', run: benchStartup },
  { name: 'membership', run: benchMembership },
];

const only = process.argv.slice(2);
const unknown = only.find((name) => !sections.some((section) => section.name === name));
if (unknown !== undefined) {
  process.stderr.write(`bench: unknown section '${unknown}'; the sections are ${sections.map((section) => section.name).join(', ')}\n`);
  process.exit(2);
}
const file = new URL('../results/bench.md', import.meta.url);
const head = [
  '# floodlab benchmarks',
  '',
  '`npm run bench` runs every section below; `npm run bench -- SECTION...` reruns those named and keeps the others.',
  'Each section opens with the line of its own run: when, the machine, the commit, the load average before it, the command.',
  'Figures are medians of several runs on a machine that may be shared; rerun to compare.',
].join('\n');
const blocks = new Map<string, string>();
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}...\n`);
  const load = loadavg()[0]!.toFixed(1);
  const text = await section.run();
  process.stdout.write(text + '\n');
  const command = `npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}${process.env.BENCH_AGAINST ? ` (BENCH_AGAINST=${process.env.BENCH_AGAINST})` : ''}`;
  const runLine = `_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}; load average ${load} before it; \`${command}\`._`;
  blocks.set(section.name, sectionBlock(section.name, runLine, text));
}
const old = only.length > 0 && existsSync(file) ? readFileSync(file, 'utf8') : '';
writeFileSync(
  file,
  spliceSections(
    old,
    head,
    blocks,
    sections.map((section) => section.name),
  ),
);
process.stderr.write('bench: wrote results/bench.md\n');
