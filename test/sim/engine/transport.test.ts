/**
 * The transport layers one by one: each answers for its own fault or passes the copy down, the
 * delay is drawn only for a copy that is sent and not lost, and the stack holds only what a run
 * asks for.
 */
import { describe, expect, it } from 'vitest';
import { BaseTransport } from '../../../src/sim/engine/transport/base.ts';
import { ConstantDelayLayer, DelayLayer, makeDelay, UniformDelayLayer } from '../../../src/sim/engine/transport/delay.ts';
import { LinkFaultLayer } from '../../../src/sim/engine/transport/link-faults.ts';
import { LossLayer } from '../../../src/sim/engine/transport/loss.ts';
import { NodeFaultLayer } from '../../../src/sim/engine/transport/node-faults.ts';
import { transportStack } from '../../../src/sim/engine/transport/stack.ts';
import { LOST, REFUSED, type Transport } from '../../../src/sim/engine/transport/types.ts';
import { NEVER, NO_FAULTS, planFaults } from '../../../src/sim/faults.ts';
import { parseLatency } from '../../../src/sim/latency.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';
import { staticTopology } from '../../../src/sim/topology/topology.ts';

/** A delay layer over the base whose delay is 7 µs and counts its draws. */
function countingDelay(): { layer: Transport; draws: () => number } {
  let n = 0;
  return {
    layer: new DelayLayer(new BaseTransport(), () => {
      n++;
      return 7;
    }),
    draws: () => n,
  };
}

/** An rng that returns the given values in turn. */
const sequence =
  (...xs: number[]) =>
  () =>
    xs.shift() ?? 0.5;

describe('transport layers', () => {
  it('base: a copy arrives when it is sent; delay adds the model’s delay', () => {
    expect(new BaseTransport().arrival(0, 1, 40)).toBe(40);
    expect(new ConstantDelayLayer(new BaseTransport(), 1000).arrival(0, 1, 40)).toBe(1040);
    expect(countingDelay().layer.arrival(3, 1, 40)).toBe(47);
    // the inline uniform draw is the model's: same draws, same delays
    const model = makeDelay(parseLatency('uniform:1-9'), staticTopology(toCsr(edgeListFromPairs(2, [[0, 1]]))), seededRng(2, 'u'));
    const inline = new UniformDelayLayer(new BaseTransport(), 1000, 9000, seededRng(2, 'u'));
    for (let i = 0; i < 50; i++) expect(inline.arrival(0, 1, 0)).toBe(model(0));
  });

  it('per-link delay: one draw per link, the same both ways', () => {
    const csr = toCsr(
      edgeListFromPairs(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    const delay = makeDelay(parseLatency('per-link:1-50'), staticTopology(csr), seededRng(1, 'd'));
    for (let h = 0; h < csr.targets.length; h++) expect(delay(h)).toBe(delay(csr.twins[h]!));
  });

  it('loss: a lost copy is LOST and draws no delay; a kept one goes on down', () => {
    const { layer, draws } = countingDelay();
    const loss = new LossLayer(layer, 0.05, sequence(0.01, 0.9, 0.049, 0.05));
    expect([loss.arrival(0, 1, 0), loss.arrival(0, 1, 0), loss.arrival(0, 1, 0), loss.arrival(0, 1, 0)]).toEqual([LOST, 7, LOST, 7]);
    expect(draws()).toBe(2);
  });

  it('node faults: a copy to a down node is refused (detected) or lost (silent), from its message on', () => {
    const downFrom = Int32Array.from([NEVER, 2, 0]);
    for (const silent of [false, true]) {
      const { layer, draws } = countingDelay();
      const nodes = new NodeFaultLayer(layer, downFrom, silent);
      nodes.startMessage(0);
      expect([nodes.arrival(0, 0, 0), nodes.arrival(0, 1, 0), nodes.arrival(0, 2, 0)]).toEqual([7, 7, silent ? LOST : REFUSED]);
      nodes.startMessage(1);
      expect(nodes.arrival(0, 1, 0)).toBe(7);
      nodes.startMessage(2);
      expect(nodes.arrival(0, 1, 0)).toBe(silent ? LOST : REFUSED);
      expect(draws()).toBe(3);
    }
  });

  it('link faults: a copy over a down half-edge is refused (detected) or lost (silent)', () => {
    const downFrom = Int32Array.from([NEVER, 1]);
    for (const silent of [false, true]) {
      const links = new LinkFaultLayer(countingDelay().layer, downFrom, silent);
      links.startMessage(0);
      expect([links.arrival(0, 5, 0), links.arrival(1, 5, 0)]).toEqual([7, 7]);
      links.startMessage(1);
      expect([links.arrival(0, 5, 0), links.arrival(1, 5, 0)]).toEqual([7, silent ? LOST : REFUSED]);
    }
  });

  it('a refused copy draws neither loss nor delay', () => {
    let lossDraws = 0;
    const { layer, draws } = countingDelay();
    const stack = new NodeFaultLayer(new LossLayer(layer, 0.5, () => (lossDraws++, 0.9)), Int32Array.from([0, NEVER]), false);
    stack.startMessage(0);
    expect([stack.arrival(0, 0, 0), stack.arrival(0, 1, 0)]).toEqual([REFUSED, 7]);
    expect([lossDraws, draws()]).toEqual([1, 1]);
  });

  it('the stack holds only the layers a run asks for', () => {
    const csr = toCsr(
      edgeListFromPairs(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    const topo = staticTopology(csr);
    expect(transportStack(topo, parseLatency('constant'), seededRng(1, 'e'), undefined, undefined)).toBeInstanceOf(ConstantDelayLayer);
    expect(transportStack(topo, parseLatency('uniform:1-5'), seededRng(1, 'e'), undefined, undefined)).toBeInstanceOf(UniformDelayLayer);
    expect(transportStack(topo, parseLatency('exponential:5'), seededRng(1, 'e'), undefined, undefined)).toBeInstanceOf(DelayLayer);
    const plan = planFaults(csr, { ...NO_FAULTS, loss: 0.1, failNodes: 0.25, failLinks: 0.25 }, '1');
    expect(transportStack(topo, parseLatency('constant'), seededRng(1, 'e'), plan, '1')).toBeInstanceOf(NodeFaultLayer);
    const lossOnly = planFaults(csr, { ...NO_FAULTS, loss: 0.1 }, '1');
    expect(transportStack(topo, parseLatency('constant'), seededRng(1, 'e'), lossOnly, '1')).toBeInstanceOf(LossLayer);
  });
});
