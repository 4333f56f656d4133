/**
 * The sweep's JSONL file (`--out FILE.jsonl`): one line per finished cell, appended the moment the
 * cell finishes, each line carrying the sweep's options so that a file from another sweep is
 * refused and shards can be checked against each other before they are merged.
 *
 *   {"floodlab":"sweep-cell","v":1,"sweep":{"nodes":[100],...},"cell":{"index":0,...}}
 *
 * A run killed mid-write leaves at most one torn last line: it is dropped (the cell runs again).
 * NaN and ±Infinity (an RMR of 0/0) are written as strings and read back as numbers, so a merged
 * table is byte-identical to a single run's.
 */
import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { CELL_NUMBERS, plainSweepOptions, sweepCells, sweepDifference, type CellResult, type SweepOptions } from '../sim/sweep.ts';

const KIND = 'sweep-cell';
const VERSION = 1;

/** One stored cell and where it came from. */
export interface CellLine {
  readonly options: SweepOptions;
  readonly cell: CellResult;
  /** File and 1-based line number, for error messages. */
  readonly file: string;
  readonly line: number;
}

/** The line written for one finished cell (with its newline). */
export function cellLine(options: SweepOptions, cell: CellResult): string {
  const finite = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
  return JSON.stringify({ floodlab: KIND, v: VERSION, sweep: plainSweepOptions(options), cell }, finite) + '\n';
}

const NON_FINITE: readonly string[] = ['NaN', 'Infinity', '-Infinity'];
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isIntList = (v: unknown): boolean => Array.isArray(v) && v.every(isInt);

function checkOptions(o: Record<string, unknown>): boolean {
  return isIntList(o['nodes']) && isIntList(o['degrees']) && isInt(o['seeds']) && isInt(o['messages']) && ['seed', 'topology', 'protocol', 'latency'].every((k) => typeof o[k] === 'string');
}

function checkCell(c: Record<string, unknown>): boolean {
  const base = isInt(c['index']) && (c['index'] as number) >= 0 && typeof c['nodes'] === 'number' && typeof c['degree'] === 'number' && typeof c['seed'] === 'string';
  if (!base) return false;
  if (c['ok'] === false) return typeof c['error'] === 'string';
  if (c['ok'] !== true) return false;
  for (const k of CELL_NUMBERS) {
    const v = c[k];
    if (k === 'expected' && v === null) continue;
    if (typeof v === 'string' && NON_FINITE.includes(v)) c[k] = Number(v);
    else if (typeof v !== 'number') return false;
  }
  return true;
}

/** Parses one line; throws InputError naming the file and line when it is not a sweep cell. */
function parseLine(text: string, file: string, line: number): CellLine {
  const bad = (why: string): never => {
    throw new InputError('ERR_BAD_JSONL', `${file}:${line}: not a floodlab sweep cell (${why}); was it written by 'floodlab sweep --out'?`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    bad('not JSON');
  }
  const o = value as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || o['floodlab'] !== KIND) bad(`no "floodlab": "${KIND}"`);
  if (o['v'] !== VERSION) bad(`format version ${String(o['v'])}, this floodlab reads ${VERSION}`);
  const sweep = o['sweep'] as Record<string, unknown> | null;
  const cell = o['cell'] as Record<string, unknown> | null;
  if (typeof sweep !== 'object' || sweep === null || !checkOptions(sweep)) bad('bad "sweep" options');
  if (typeof cell !== 'object' || cell === null || !checkCell(cell)) bad('bad "cell"');
  return { options: sweep as unknown as SweepOptions, cell: cell as unknown as CellResult, file, line };
}

/** Runs a file operation; a failure (no such folder, a directory, no permission) is bad input. */
function onFile<T>(file: string, doing: string, op: () => T): T {
  try {
    return op();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    const why: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EISDIR: 'it is a folder',
      EACCES: 'permission denied',
      ENOTDIR: 'a part of the path is not a folder',
      EROFS: 'read-only file system',
    };
    throw new InputError('ERR_BAD_FILE', `cannot ${doing} ${file}: ${why[code] ?? code}`);
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a JSONL file of cells. A last line without its newline that does not parse is a torn
 * write: it is left out and `complete` says how many bytes are whole.
 */
export function readCellFile(file: string): { lines: CellLine[]; complete: number; torn: boolean; newline: boolean } {
  const bytes = onFile(file, 'read', () => readFileSync(file));
  const text = bytes.toString('utf8');
  const parts = text.split('\n');
  const lines: CellLine[] = [];
  let complete = bytes.length;
  let torn = false;
  parts.forEach((part, i) => {
    if (part.trim() === '') return;
    if (i === parts.length - 1 && !parsesAsJson(part)) {
      torn = true;
      complete = bytes.lastIndexOf(0x0a) + 1;
      return;
    }
    lines.push(parseLine(part, file, i + 1));
  });
  return { lines, complete, torn, newline: torn || text === '' || text.endsWith('\n') };
}

/**
 * Checks every line against the sweep's options and keeps one result per cell. `mismatch` words
 * the error for a line from another sweep. The same cell twice with different results is an
 * error (the program changed between the runs, or the files were mixed up).
 */
export function collectCells(lines: readonly CellLine[], options: SweepOptions, mismatch: (at: CellLine, d: { flag: string; a: string; b: string }) => string): Map<number, CellResult> {
  const cells = new Map<number, CellResult>();
  const seen = new Map<number, string>();
  const grid = sweepCells(options);
  for (const at of lines) {
    const { options: o, cell, file, line } = at;
    const d = sweepDifference(options, o);
    if (d) throw new InputError('ERR_SWEEP_MISMATCH', mismatch(at, d));
    const home = grid[cell.index];
    if (!home || home.degree !== cell.degree || home.seed !== cell.seed) {
      throw new InputError('ERR_BAD_JSONL', `${file}:${line}: cell #${cell.index} (D=${cell.degree}, seed ${cell.seed}) is not that cell of the sweep's grid; was the file edited?`);
    }
    const json = JSON.stringify(cell);
    const before = seen.get(cell.index);
    if (before !== undefined && before !== json) {
      throw new InputError(
        'ERR_SWEEP_CONFLICT',
        `${file}:${line}: cell #${cell.index} (N=${cell.nodes}, D=${cell.degree}, seed ${cell.seed}) was stored before with a different result; keep one of the runs`,
      );
    }
    seen.set(cell.index, json);
    cells.set(cell.index, cell);
  }
  return cells;
}

/** The `--out` file of a running sweep: what it already holds, and a way to add to it. */
export interface CellStore {
  /** Cells already finished, by index. */
  readonly done: ReadonlyMap<number, CellResult>;
  /** True when a torn last line was cut off. */
  readonly repaired: boolean;
  append(cell: CellResult): void;
}

/** Opens (or starts) the sweep's JSONL file; refuses a file that holds another sweep. */
export function openCellStore(file: string, options: SweepOptions): CellStore {
  let done = new Map<number, CellResult>();
  let repaired = false;
  if (existsSync(file)) {
    const { lines, complete, torn, newline } = readCellFile(file);
    done = collectCells(
      lines,
      options,
      ({ line }, d) => `sweep: ${file}:${line} holds a different sweep (its ${d.flag} is ${d.b}, this run's is ${d.a}); use another --out file, or rerun with the file's options`,
    );
    if (torn) onFile(file, 'repair', () => truncateSync(file, complete));
    repaired = torn;
    if (!newline) onFile(file, 'write to', () => appendFileSync(file, '\n')); // a whole last line saved without its newline
  }
  onFile(file, 'write to', () => appendFileSync(file, '')); // now, not after the first cell has run
  return { done, repaired, append: (cell) => appendFileSync(file, cellLine(options, cell)) };
}
