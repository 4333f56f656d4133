/**
 * Benchmark section for the original Go node (issue 13): how many messages per second one Go node
 * takes without loss when floodlab paces its writes (one message in flight, the next on the Go
 * node's echo, as src/real/wire/gob/pace.ts does on every gob link), and, for contrast, what it
 * shows of the same messages written back to back. Each trial starts a fresh Go node (built from
 * test/fixtures/seed-go with the machine's Go; the section says so and skips when there is none),
 * connects one socket with Nagle off and writes COUNT messages; the figure is COUNT over the time
 * until the last echo, and the loss is read from the Go node's own `ADDR -> text` lines.
 * Runnable alone: `node --import tsx scripts/bench/go.ts` prints the section (the logic of
 * test/real/go/measure-pacing.ts, which also tries fixed gaps).
 */
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { GoProcess } from '../../src/real/go-process.ts';
import { GobDecoder } from '../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage } from '../../src/real/wire/gob/encoder.ts';
import { DEFAULT_MAX_QUEUED, PacedWriter } from '../../src/real/wire/gob/pace.ts';
import { buildGoNode } from '../../test/real/go/build-go.ts';
import { median } from './machine.ts';

const COUNT = 2000;
const RUNS = 3;

interface Trial {
  readonly rate: number;
  readonly shown: number;
  readonly waitsTimedOut: number;
  /** Messages the pacer dropped (queue full): none when it is fed as it drains. */
  readonly dropped: number;
  readonly linkBroken: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One fresh Go node, COUNT messages, paced on its echo or written back to back. */
async function trial(binary: string, paced: boolean): Promise<Trial> {
  const go = await GoProcess.start(binary, tmpdir());
  const socket = connect(go.port, '127.0.0.1');
  try {
    socket.setNoDelay(true);
    socket.on('error', () => undefined); // the Go node closes a link whose stream broke
    await new Promise<void>((r) => socket.once('connect', () => r()));
    await go.until(() => go.handling > 0, 5000, 'take the link');
    await sleep(50); // it prints that line just before adding the link
    const pacer = new PacedWriter((bytes) => socket.write(bytes));
    let echoed = 0;
    const decoder = new GobDecoder((m) => (echoed++, pacer.received(m.id)));
    socket.on('data', (c) => decoder.push(c));
    const start = performance.now();
    for (let k = 0; k < COUNT; k++) {
      const message = { text: `m${k}`, id: BigInt(k + 1) * 1_000_003n };
      if (!paced) socket.write(encodeGobMessage(message));
      else {
        // The pacer holds at most DEFAULT_MAX_QUEUED messages and drops (and counts) the rest: feed it as it drains.
        while (pacer.queued >= DEFAULT_MAX_QUEUED) await sleep(1);
        pacer.send(encodeGobMessage(message), message.id);
      }
    }
    // Done when every message came back (the Go node sends each new one to all its links), or when
    // no echo came for a second (back to back, lost messages are never echoed), or after 60 s.
    let lastEcho = start;
    let lastCount = 0;
    while (echoed < COUNT && performance.now() - start < 60_000 && performance.now() - lastEcho < 1000) {
      await sleep(1);
      if (echoed !== lastCount) [lastCount, lastEcho] = [echoed, performance.now()];
    }
    const seconds = (lastEcho - start) / 1000;
    await sleep(300); // lines still on their way through its stdout
    let shown = 0;
    for (let k = 0; k < COUNT; k++) shown += Math.min(1, go.showed(`m${k}`));
    const timeouts = pacer.timeouts;
    pacer.close();
    return { rate: echoed / seconds, shown, waitsTimedOut: timeouts, dropped: pacer.dropped, linkBroken: go.tail().includes('Stopped handling connection') };
  } finally {
    socket.destroy();
    await go.stop();
  }
}

/** Runs the section and returns its markdown. */
export async function benchGo(): Promise<string> {
  let binary: string;
  try {
    binary = buildGoNode();
  } catch (err) {
    return `## One original Go node\n\nSkipped: ${err instanceof Error ? err.message : String(err)}\n`;
  }
  const paced: Trial[] = [];
  const burst: Trial[] = [];
  for (let run = 0; run < RUNS; run++) {
    paced.push(await trial(binary, true));
    burst.push(await trial(binary, false));
  }
  const rates = paced.map((t) => t.rate);
  const lost = paced.reduce((s, t) => s + (COUNT - t.shown), 0);
  const row = (t: Trial): string => `${t.shown}/${COUNT}${t.linkBroken ? ' (it closed the link)' : ''}`;
  return [
    '## One original Go node: messages per second taken without loss, floodlab pacing its writes',
    '',
    `${RUNS} runs, each on a fresh Go node (test/fixtures/seed-go, built with the machine's Go): one socket (Nagle off), ${COUNT} messages, each its own gob stream as the Go program writes them.`,
    "Paced: one message in flight, the next when the Go node sends it back (it sends every new message to all its links, the sender's too), as every floodlab gob link does.",
    'Rate: messages echoed over the time to the last echo. Shown: distinct messages the Go node printed (`ADDR -> text`). Back to back: the same messages written at once, for contrast.',
    '',
    '| | paced on the echo | written back to back |',
    '|---|---|---|',
    `| messages per second | median ${median(rates).toFixed(0)}/s (runs: ${rates.map((r) => r.toFixed(0)).join(', ')}) | — |`,
    `| shown by the Go node | ${paced.map(row).join(', ')} | ${burst.map(row).join(', ')} |`,
    `| pacer waits that timed out (100 ms); messages it dropped | ${paced.map((t) => `${t.waitsTimedOut}; ${t.dropped}`).join(', ')} | — |`,
    '',
    lost === 0 ? `Paced, none of the ${RUNS * COUNT} messages was lost.` : `Paced, **${lost} of ${RUNS * COUNT} messages were lost**.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write((await benchGo()) + '\n');
