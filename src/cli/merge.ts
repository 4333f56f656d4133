/**
 * `floodlab merge FILE...`: joins the JSONL files of a sweep's shards (or of interrupted runs)
 * into the table, CSV and JSON one unsharded run prints. Refuses files from different sweeps,
 * a cell stored twice with different results, and (unless --partial) a grid with missing cells.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { sweepCells } from '../sim/sweep.ts';
import { collectCells, readCellFile, type CellLine } from '../sweep/jsonl-store.ts';
import { OPTIONS } from '../options/schema.ts';
import { action } from './action.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, type OutputFlag } from './output.ts';
import { emitSweep } from './render/sweep.ts';

interface MergeFlags {
  partial?: boolean;
  csv?: OutputFlag;
  json?: OutputFlag;
}

function merge(files: string[], flags: MergeFlags): void {
  checkOutputs({ '--json': flags.json, '--csv': flags.csv });
  const lines: CellLine[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new InputError('ERR_NO_FILE', `merge: ${file} does not exist`);
    const read = readCellFile(file);
    if (read.torn) process.stderr.write(`floodlab merge: ${file}: left out a torn last line (a run stopped mid-write)\n`);
    lines.push(...read.lines);
  }
  const first = lines[0];
  if (!first) throw new InputError('ERR_SWEEP_EMPTY', `merge: no cells in ${files.join(', ')}`);
  const options = first.options;
  const cells = collectCells(lines, options, (at, d) => `merge: ${at.file}:${at.line} is from a different sweep than ${first.file}:${first.line} (its ${d.flag} is ${d.b}, not ${d.a})`);
  const grid = sweepCells(options);
  const missing = grid.filter((c) => !cells.has(c.index));
  if (missing.length > 0) {
    const m = missing[0]!;
    const where = `first missing: N=${m.nodes}, D=${m.degree}, seed ${m.seed}`;
    if (!flags.partial) {
      throw new InputError(
        'ERR_SWEEP_INCOMPLETE',
        `merge: ${missing.length} of the grid's ${grid.length} cells are in none of the files (${where}); run the missing shards, or pass --partial to summarise the cells there are`,
      );
    }
    process.stderr.write(`floodlab merge: --partial: ${missing.length} of ${grid.length} cells missing (${where})\n`);
  }
  emitSweep(options, [...cells.values()], { csv: flags.csv, json: flags.json }, 'merge');
}

export function registerMerge(program: Command): void {
  const cmd = program.command('merge').description("join the JSONL files of a sweep's shards into the table one run prints").argument('<files...>', 'JSONL files written by floodlab sweep --out');
  addOptions(cmd, [OPTIONS.partial, OPTIONS.csv, OPTIONS.json])
    .addHelpText('after', '\nExamples:\n  floodlab merge part1.jsonl part2.jsonl part3.jsonl\n  floodlab merge parts/*.jsonl --csv sweep.csv')
    .action(action(merge));
}
