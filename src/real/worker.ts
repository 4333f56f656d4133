/**
 * One real node in its own OS process, run by `floodlab launch --processes`. It is driven over
 * Node's IPC channel by process-cluster.ts: connect, originate, stats, close. It reports each
 * first delivery with a timestamp on the machine-wide clock. It ends when told to, on SIGTERM or
 * SIGINT, or when its parent goes away (the channel disconnects), so none is ever left behind.
 * Usage (by the parent only): node --import tsx src/real/worker.ts NAME PROTOCOL
 */
import { parseProtocol } from '../core/protocols/index.ts';
import { wallClock } from './cluster.ts';
import { RealNode } from './node.ts';
import { MAX_PROCESSES, type ToParent, type ToWorker } from './process-cluster.ts';
import { labAdmission } from '../core/admission.ts';

const [name, protocolSpec] = process.argv.slice(2);
const send = (m: ToParent): void => {
  if (process.connected) process.send!(m);
};

const node = await RealNode.start({
  ...(name ? { name } : {}),
  protocol: parseProtocol(protocolSpec ?? 'flood'),
  port: 0,
  admission: labAdmission(MAX_PROCESSES),
  onDeliver: (msg, hops) => send({ t: 'deliver', id: String(msg.id), at: wallClock(), hops }),
  log: (line) => process.stderr.write(`${name}: ${line}\n`),
});

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void node.close().then(() => {
    process.disconnect?.();
    process.exit(0);
  });
};

process.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'connect':
      node.connect('127.0.0.1', m.port);
      break;
    case 'originate': {
      const at = wallClock();
      const msg = node.originate(m.text);
      send({ t: 'originated', req: m.req, id: String(msg.id), at });
      break;
    }
    case 'stats':
      send({ t: 'stats', req: m.req, stats: node.stats() });
      break;
    case 'close':
      stop();
      break;
  }
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent may have gone while this node was starting.
if (!process.connected) stop();
send({ t: 'ready', port: node.port, name: node.name });
