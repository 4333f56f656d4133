/**
 * Second step of `npm run build` (after tsc): bundles the viz page with esbuild into
 * dist/viz/page/main.js and copies its HTML and CSS beside it, where src/viz/server.ts (built to
 * dist/viz/server.js) reads them. So an installed floodlab needs neither esbuild nor sigma.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { bundlePage } from '../src/viz/bundle.ts';

const out = new URL('../dist/viz/page/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('main.js', out), await bundlePage());
for (const name of ['index.html', 'style.css', 'grow.html', 'grow.css']) copyFileSync(new URL(`../src/viz/page/${name}`, import.meta.url), new URL(name, out));
