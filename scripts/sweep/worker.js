// The entry of a sweep worker thread, in plain JS: a worker does not inherit the tsx hooks the
// main thread registered (and Node 20 rejects a .ts entry before --import could add them), so it
// registers tsx itself, as bin/floodlab.js does, then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./worker-body.ts');
