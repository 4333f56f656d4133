/**
 * Where a command's output goes, the same in every command: `--json` or `--csv` alone prints that
 * form to stdout instead of the table; with a FILE it is written there and the table still prints.
 * Every path a command will write (--json FILE, --csv FILE, --out FILE) is checked before any work
 * starts, so a typo costs one line and exit 2, not a finished sweep.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

/** An output flag's value: true when given alone (stdout), a path when given a FILE, undefined when absent. */
export type OutputFlag = string | true | undefined;

/** Throws an InputError (naming the flag) unless `path` can be written: its folder exists and is writable, and it is not a folder. */
export function checkWritable(flag: string, path: string): void {
  const full = resolve(path);
  if (existsSync(full) && statSync(full).isDirectory()) throw new InputError('ERR_BAD_OUTPUT', `${flag} ${path}: is a folder; give a file name`);
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('ERR_BAD_OUTPUT', `${flag} ${path}: the folder ${dirname(path)} does not exist`);
  try {
    accessSync(existsSync(full) ? full : dir, constants.W_OK);
  } catch {
    throw new InputError('ERR_BAD_OUTPUT', `${flag} ${path}: not writable here`);
  }
}

/** Checks every output path among `flags` (flag name -> value) before the command works. */
export function checkOutputs(flags: Record<string, OutputFlag>): void {
  for (const [flag, value] of Object.entries(flags)) if (typeof value === 'string') checkWritable(flag, value);
}

/** Writes `text` to the flag's FILE; returns true when the flag asked for stdout instead (so the caller prints it there in place of the table). */
export function emitTo(flag: OutputFlag, text: () => string): boolean {
  if (flag === undefined) return false;
  if (flag === true) {
    process.stdout.write(text());
    return true;
  }
  writeFileSync(flag, text());
  return false;
}
