/**
 * One real node in its own OS process, run by `floodlab launch --processes` (wired by `connect`) or
 * `launch --grow --processes` (keeping its links by a membership protocol, joining through an entry).
 * It is driven over Node's IPC channel by process-cluster.ts: connect, originate, stats, peers,
 * close. It reports each first delivery with a timestamp on the machine-wide clock. It ends when
 * told to, on SIGTERM or SIGINT, or when its parent goes away (the channel disconnects), so none is
 * ever left behind. Usage (by the parent only): node dist/real/worker.js NAME PROTOCOL [OVERLAY WANT JOIN_PORT|-]
 */
import { labAdmission } from '../core/admission.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { wallClock } from './cluster.ts';
import { startMemberNode } from './membership/start.ts';
import { RealNode } from './node.ts';
import type { RealNodeOptions } from './node-options.ts';
import { MAX_PROCESSES, type ToParent, type ToWorker } from './process-cluster.ts';

const [name, protocolSpec, overlay, want, join] = process.argv.slice(2);
const send = (m: ToParent): void => {
  if (process.connected) process.send!(m);
};

const options: RealNodeOptions = {
  ...(name ? { name } : {}),
  protocol: parseProtocol(protocolSpec ?? 'flood'),
  port: 0,
  admission: labAdmission(MAX_PROCESSES),
  onDeliver: (msg, hops) => send({ t: 'deliver', id: String(msg.id), at: wallClock(), hops }),
  log: (line) => process.stderr.write(`${name}: ${line}\n`),
};
const member = overlay === undefined ? undefined : await startMemberNode(options, { overlay, want: Number(want), join: join === undefined || join === '-' ? undefined : `127.0.0.1:${join}` });
const node = member?.node ?? (await RealNode.start(options));

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void (member ?? node).close().then(() => {
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
    case 'peers':
      send({ t: 'peers', req: m.req, peers: member?.membership.peers() ?? [] });
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
