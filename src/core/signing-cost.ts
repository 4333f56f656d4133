/**
 * The cost model of signed messages in the simulator (`--signed`): what signing adds to a flood
 * in CPU, per message, across the whole network. A real signed node (src/real/trust) signs once
 * at the origin, checks the content hash of every copy it receives (so a relay cannot pin other
 * text to an id), and verifies the Ed25519 signature only on a message's first copy. The unit
 * costs are this machine's measurements (docs/security.md), inputs to the model, not constants of
 * nature: pass others to model other hardware.
 */

/** Unit costs in microseconds. */
export interface SigningCosts {
  readonly signUs: number;
  readonly verifyUs: number;
  readonly hashUs: number;
}

/** Measured on the project's 2-core machine with node:crypto (Ed25519, sha256 of a short chat line). */
export const MEASURED_SIGNING_COSTS: SigningCosts = { signUs: 70, verifyUs: 200, hashUs: 2 };

/** What signing one message costs the network. */
export interface SigningCost {
  readonly signatures: number;
  readonly verifications: number;
  readonly hashChecks: number;
  /** CPU time over all nodes, in milliseconds. */
  readonly cpuMs: number;
}

/**
 * The cost of one message that reached `reached` nodes (the origin included) with `received`
 * copies arriving in all (first copies and duplicates).
 */
export function signingCost(reached: number, received: number, costs: SigningCosts = MEASURED_SIGNING_COSTS): SigningCost {
  const verifications = Math.max(0, reached - 1);
  const cpuUs = costs.signUs + verifications * costs.verifyUs + received * costs.hashUs;
  return { signatures: 1, verifications, hashChecks: received, cpuMs: cpuUs / 1000 };
}
