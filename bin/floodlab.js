#!/usr/bin/env node
// The `floodlab` command: the built CLI in dist/ (plain JavaScript, no TypeScript loader).
// `npm run build` makes dist/; `npm ci` and `npm pack` run it (the `prepare` and `prepack` scripts).
try {
  await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write('floodlab: dist/ is missing; run `npm run build` (or `npm ci`) in the floodlab folder first\n');
    process.exit(1);
  }
  throw err;
}
