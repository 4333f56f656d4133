/**
 * The page's one script (bundled from here by src/viz/bundle.ts): starts the mode the URL asks
 * for. `?mode=grow` is grow mode (a network growing by joins and healing after a kill, served as
 * grow.html); anything else is the flood. esbuild bundles both imports into the one file; only the
 * chosen one runs.
 */
if (new URLSearchParams(location.search).get('mode') === 'grow') void import('./grow/main.ts');
else void import('./flood-main.ts');
