/**
 * Measures how fast one real Go node takes messages without loss (run by hand:
 * `npx tsx test/real/go/measure-pacing.ts [count] [runs]`). Each trial starts a fresh Go node,
 * connects a plain socket (Nagle off) and writes `count` messages, each as its own write: with a
 * fixed gap (0 = one per setImmediate turn, 1, 2, 5 ms), and through PacedWriter (the next message
 * on the Go node's echo of the one in flight). It prints the lines the Go node showed and the rate.
 */
import { connect } from 'node:net';
import { GobDecoder } from '../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage } from '../../../src/real/wire/gob/encoder.ts';
import { PacedWriter } from '../../../src/real/wire/gob/pace.ts';
import { startGoNode } from './go-node.ts';

const count = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 2);
const sleep = (ms: number): Promise<void> => new Promise((r) => (ms === 0 ? setImmediate(r) : setTimeout(r, ms)));

async function trial(mode: number | 'paced'): Promise<void> {
  const go = await startGoNode();
  const socket = connect(go.port, '127.0.0.1');
  socket.setNoDelay(true);
  socket.on('error', () => undefined); // the Go node closes a link whose stream broke
  await new Promise<void>((r) => socket.once('connect', () => r()));
  await go.waitLine(/^Handling connection/);
  const pacer = new PacedWriter((bytes) => socket.write(bytes));
  let echoed = 0;
  const decoder = new GobDecoder((m) => (echoed++, pacer.received(m.id)));
  socket.on('data', (c) => decoder.push(c));
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const message = { text: `m${k}`, id: BigInt(k + 1) * 1_000_003n };
    if (mode === 'paced') pacer.send(encodeGobMessage(message), message.id);
    else {
      socket.write(encodeGobMessage(message));
      await sleep(mode);
    }
  }
  if (mode === 'paced') while (pacer.queued > 0 || (echoed < count && performance.now() - start < 60_000)) await sleep(1);
  const seconds = (performance.now() - start) / 1000;
  await sleep(300);
  const shown = go.count(/ -> m\d+$/);
  const broke = go.count(/^Stopped handling connection/) > 0 ? ', the Go node closed the link' : '';
  const waits = mode === 'paced' ? `, ${pacer.timeouts} waits timed out` : '';
  console.log(`${mode === 'paced' ? 'paced on echo' : `gap ${mode} ms`}: ${shown}/${count} shown, ${(count / seconds).toFixed(0)} msg/s${waits}${broke}`);
  pacer.close();
  socket.destroy();
  await go.stop();
}

for (let run = 0; run < runs; run++) for (const mode of [0, 1, 2, 5, 'paced'] as const) await trial(mode);
