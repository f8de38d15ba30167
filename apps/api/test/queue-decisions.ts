// Reading queues.decide's answer in tests: one member per queue, told apart by `queue`. A decision
// that landed on another queue than the test meant is a failure, not an `undefined` to step past.
import type { OutputOf } from './harness.js';

export type Decided = OutputOf<'queues.decide'>;

/** The answer for `queue` (its subject under its own name: `submission`, `listing`, `check`, …). */
export function decidedOn<Q extends Decided['queue']>(queue: Q, data: Decided | undefined): Extract<Decided, { queue: Q }> | undefined {
  if (data && data.queue !== queue) throw new Error(`expected a decision on the ${queue} queue, got one on ${data.queue}`);
  return data as Extract<Decided, { queue: Q }> | undefined;
}
