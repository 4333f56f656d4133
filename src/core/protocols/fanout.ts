/**
 * Fixed-fanout push gossip: on first sight (the origin included) a node forwards to K neighbours
 * drawn uniformly without replacement from those other than the sender, or to all of them when
 * it has no more than K. Sends per message are at most K·N however dense the graph.
 */
import { check } from '../errors.ts';
import type { Msg } from '../message.ts';
import type { BasePort, Protocol } from '../seam.ts';
import { onFirstSight } from './first-sight.ts';

/** Forward to `k` random neighbours other than the sender. */
export function fanout(k: number): Protocol {
  check(Number.isInteger(k) && k >= 1, 'ERR_BAD_PROTOCOL', `fanout: K ${k} must be an integer >= 1`);
  // Candidate links, reused by every call: calls never overlap, and this keeps sends allocation-free.
  let scratch = new Int32Array(16);

  function forward(port: BasePort, fromLink: number, msg: Msg): void {
    const links = port.links;
    if (scratch.length < links) scratch = new Int32Array(links);
    let n = 0;
    for (let link = 0; link < links; link++) if (link !== fromLink) scratch[n++] = link;
    if (n <= k) {
      for (let i = 0; i < n; i++) port.send(scratch[i]!, msg);
      return;
    }
    // Partial Fisher–Yates: the first k slots become a uniform sample without replacement.
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(port.random() * (n - i));
      const pick = scratch[j]!;
      scratch[j] = scratch[i]!;
      scratch[i] = pick;
      port.send(pick, msg);
    }
  }

  return onFirstSight(`fanout:${k}`, forward);
}
