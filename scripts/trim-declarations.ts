/**
 * Third step of `npm run build` (after the declarations are emitted): removes each .d.ts file's
 * header comment, the paragraph on why the module exists and how it works, written for whoever
 * changes the source. The package ships the declarations for editors and type-checkers, and what
 * they show is each declaration's own comment, which stays; the headers were a sixth of the
 * packed tarball (test/package holds it to 300 kB). A header directly above a declaration is
 * that declaration's comment too, and is kept.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADER = /^\/\*\*[\s\S]*?\*\/\n/;
/** What may follow a header that belongs to no declaration. */
const NOT_A_DECLARATION = /^(import |export \{|export \*|export type \{|\/\*\*|$)/;

function trim(dir: string): number {
  let trimmed = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) trimmed += trim(path);
    else if (name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const header = HEADER.exec(text);
      if (!header || !NOT_A_DECLARATION.test(text.slice(header[0].length))) continue;
      writeFileSync(path, text.slice(header[0].length));
      trimmed++;
    }
  }
  return trimmed;
}

trim(fileURLToPath(new URL('../dist', import.meta.url)));
