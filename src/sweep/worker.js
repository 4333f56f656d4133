// The entry of a sweep worker process, in plain JS: it registers tsx (as bin/floodlab.js does)
// and loads the TypeScript body, so it runs the same way under `node bin/floodlab.js`, under
// vitest and under `node --import tsx`, whatever the parent's own loader flags.
import { register } from 'tsx/esm/api';

register();
await import('./worker-body.ts');
