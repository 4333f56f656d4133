/**
 * `npm run bench`: runs every benchmark section, prints it and writes results/bench.md with the
 * machine and the command. Benchmarks are not tests: they measure and report, and a missed
 * target is written down as missed.
 */
import { writeFileSync } from 'node:fs';
import { machineLine } from './bench/machine.ts';
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
const parts: string[] = [
  '# floodlab benchmarks',
  '',
  `Machine: ${machineLine()}. Command: \`npm run bench\`${only.length ? ` (sections: ${only.join(', ')})` : ''}. Written ${new Date().toISOString().slice(0, 10)}.`,
  'Figures are medians of several runs on a machine that may be shared; rerun to compare.',
  '',
];
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}...\n`);
  const text = await section.run();
  process.stdout.write(text + '\n');
  parts.push(text);
}
writeFileSync(new URL('../results/bench.md', import.meta.url), parts.join('\n'));
process.stderr.write('bench: wrote results/bench.md\n');
