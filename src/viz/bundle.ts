/**
 * Bundles the page's TypeScript (src/viz/page/main.ts and what it imports, sigma.js and
 * graphology included) into one ES module in memory with esbuild. Done when the server starts:
 * no build step, no CDN, nothing fetched from the network.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The page's script, as JavaScript text. */
export async function bundlePage(): Promise<string> {
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
