/**
 * The page's script: src/viz/page/main.ts and what it imports (sigma.js and graphology included)
 * as one ES module. `npm run build` bundles it once with esbuild into dist/viz/page/main.js
 * (scripts/build-page.ts), so an installed floodlab serves that file and needs neither esbuild nor
 * sigma at run time. Run from the TypeScript sources (the tests), it is bundled in memory instead,
 * with esbuild from the dev dependencies. No CDN, nothing fetched from the network either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The page's script as JavaScript text: the built bundle beside this module, else bundled now. */
export async function pageScript(): Promise<string> {
  const built = new URL('./page/main.js', import.meta.url);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  return bundlePage();
}

/** Bundles the page from its TypeScript sources (build time, or from a clone); needs esbuild. */
export async function bundlePage(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page/main.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    // graphology's CommonJS helpers reach for `global` and `process.env` in places.
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}
