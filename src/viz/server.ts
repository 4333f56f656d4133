/**
 * The local web server of `floodlab viz`: serves the page (bundled at build time) and answers the
 * page's requests with floods recorded by the simulator's engine. Listens on 127.0.0.1 only;
 * port 0 takes a free port. Bad input is a 400 with the one-line InputError message.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../core/errors.ts';
import { protocolList } from '../core/protocols/index.ts';
import { topologyList } from '../sim/topology/spec.ts';
import { pageScript } from './bundle.ts';
import { growPayload } from './grow-payload.ts';
import { layoutGraph, type Positions } from './layout.ts';
import { parseFloodQuery, VIZ_LIMITS } from './query.ts';
import { recordFlood } from './trace.ts';
import type { FloodPayload, VizDefaults, VizMeta } from './types.ts';

export interface VizServerOptions {
  /** 0 (the default) takes a free port. */
  readonly port?: number;
  readonly defaults: VizDefaults;
}

export interface VizServer {
  readonly url: string;
  close(): Promise<void>;
}

const LATENCIES = ['constant', 'constant:5', 'uniform:1-10', 'exponential:5', 'per-link:1-20'];

/** JSON with non-finite numbers as null, as `floodlab sim --json` writes them. */
function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** Starts the server; resolves once it listens. */
export async function startVizServer(options: VizServerOptions): Promise<VizServer> {
  const page = (name: string): string => readFileSync(new URL(`./page/${name}`, import.meta.url), 'utf8');
  const files = new Map<string, [string, string]>([
    ['/', ['text/html; charset=utf-8', page('index.html')]],
    ['/style.css', ['text/css; charset=utf-8', page('style.css')]],
    ['/grow.css', ['text/css; charset=utf-8', page('grow.css')]],
    ['/main.js', ['text/javascript; charset=utf-8', await pageScript()]],
  ]);
  // The form suggests every topology that needs no value typed in ('watts-strogatz[:BETA]' as
  // 'watts-strogatz'); the others ('caveman:L:K', 'file:PATH') can still be typed.
  const topologies = topologyList()
    .map((t) => ({ usage: t.usage.replace(/\[[^\]]*\]/g, ''), summary: t.summary }))
    .filter((t) => !/[A-Z]/.test(t.usage));
  const growHtml = page('grow.html');
  const meta: VizMeta = { protocols: protocolList(), topologies, latencies: LATENCIES, defaults: options.defaults, limits: VIZ_LIMITS };
  // Layouts cost the most; keep the last few graphs' positions so a new origin is instant.
  const layouts = new Map<string, Positions>();

  function flood(params: URLSearchParams): FloodPayload {
    const floodOptions = parseFloodQuery(params, options.defaults);
    const { edges, trace, report } = recordFlood(floodOptions);
    const key = json([floodOptions.nodes, floodOptions.degree, floodOptions.topology, floodOptions.seed]);
    let positions = layouts.get(key);
    if (!positions) {
      positions = layoutGraph(edges, floodOptions.seed);
      layouts.set(key, positions);
      if (layouts.size > 8) layouts.delete(layouts.keys().next().value!);
    }
    const graph = {
      key,
      order: edges.order,
      labels: edges.labels ?? null,
      src: Array.from(edges.src.subarray(0, edges.size)),
      dst: Array.from(edges.dst.subarray(0, edges.size)),
      ...positions,
    };
    return { graph, trace, report };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'only GET');
    // Grow mode (`/?mode=grow&...`) is its own page; the same script starts whichever mode the URL asks for.
    if (url.pathname === '/' && url.searchParams.get('mode') === 'grow') return send(res, 200, 'text/html; charset=utf-8', growHtml);
    const file = files.get(url.pathname);
    if (file) return send(res, 200, file[0], file[1]);
    try {
      if (url.pathname === '/api/meta') return send(res, 200, 'application/json', json(meta));
      if (url.pathname === '/api/grow') return send(res, 200, 'application/json', json(growPayload(url.searchParams)));
      if (url.pathname === '/api/flood') return send(res, 200, 'application/json', json(flood(url.searchParams)));
      send(res, 404, 'application/json', json({ error: `no such page: ${url.pathname}` }));
    } catch (err) {
      if (err instanceof InputError) return send(res, 400, 'application/json', json({ error: err.message }));
      process.stderr.write(`floodlab viz: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      send(res, 500, 'application/json', json({ error: `internal error: ${err instanceof Error ? err.message : String(err)}` }));
    }
  }

  // The command line's own options go through the same checks first: a bad one stops here.
  flood(new URLSearchParams());
  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new InputError('ERR_PORT_IN_USE', `viz: port ${options.port} on 127.0.0.1 is in use; pick another or use --port 0 for any free port`) : err),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
