/**
 * Where a child process's entry file is: floodlab forks its sweep workers and `launch --processes`
 * nodes as plain Node running built JavaScript, never a TypeScript loader, so a child starts in a
 * few tens of milliseconds wherever floodlab is installed. The path comes from the calling
 * module's own URL, so it holds in a clone, in node_modules and in the packed tarball alike. When
 * the caller itself runs from its TypeScript source (the tests, under vitest), the child is the
 * same file under dist/, which `npm run build` makes (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the built JS file `relative` (e.g. './worker.js') beside the module at `moduleUrl`. */
export function builtEntry(moduleUrl: string, relative: string): string {
  const path = fileURLToPath(new URL(relative, moduleUrl));
  if (!moduleUrl.endsWith('.ts')) return path;
  const at = path.lastIndexOf('/src/');
  const built = at < 0 ? path : `${path.slice(0, at)}/dist/${path.slice(at + '/src/'.length)}`;
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (child processes run the built JavaScript)`);
  return built;
}
