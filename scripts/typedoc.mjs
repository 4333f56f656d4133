// `npm run docs`: TypeDoc's API reference (docs/api/) from the public entries' types.
// TypeDoc reads types through TypeScript's compiler API, which TypeScript 7 (this project's
// native `tsc`) does not have; so TypeDoc runs on its own pinned TypeScript 6 (the dev
// dependency `typescript-6-for-typedoc`): this hook hands it that copy when it imports 'typescript'.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/typedoc/')) return next('typescript-6-for-typedoc', context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
await import(new URL('../node_modules/typedoc/dist/cli.js', import.meta.url).href);
