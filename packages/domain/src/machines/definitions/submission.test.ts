import { describe, expect, it } from 'vitest';
import { type MachineFixture, T0, actorAs, runMachineTableTests } from '../../testing/machine-harness.js';
import { transition } from '../transition.js';
import { type SubmissionContext, defaultQuoteValidForMs, submissionMachine } from './submission.js';

const initial: SubmissionContext = { submissionId: 'sub1', sellerId: 's1', itemCount: 3, currency: 'EUR', counterRounds: 0, quoteValidForMs: defaultQuoteValidForMs };
const claimed: SubmissionContext = { ...initial, reviewerId: 'a1', quoteMinor: 5_000, counterMinor: 6_000, counterRounds: 1, agreedMinor: 5_000 };
const fixture: MachineFixture = {
  machine: submissionMachine,
  initialContext: { ...initial },
  contextFor: () => ({ ...claimed }),
  payloads: { quote: { quoteMinor: 5_000 }, requote: { quoteMinor: 5_500 }, counter: { counterMinor: 7_000 }, reject: { reason: 'Not what we stock' } },
  actorIds: { seller: 's1', agent: 'a1' },
  guardCases: [
    { state: 'draft', command: 'submit', reason: 'NO_ITEMS', context: { itemCount: 0 } },
    { state: 'quoted', command: 'counter', reason: 'COUNTER_NOT_HIGHER', payload: { counterMinor: 5_000 } },
    { state: 'quoted', command: 'counter', reason: 'TOO_MANY_COUNTERS', context: { counterRounds: 3 } },
    { state: 'countered', command: 'requote', reason: 'MEETS_COUNTER', payload: { quoteMinor: 6_000 } },
  ],
  walks: [
    {
      name: 'happy path with a counter-offer', ends: 'listed',
      steps: [['submit', 'seller'], ['claim', 'agent'], ['quote', 'agent'], ['counter', 'seller'], ['requote', 'agent', { quoteMinor: 6_000 }], ['accept', 'seller'], ['mark_received', 'agent'], ['list', 'admin']],
    },
    { name: 'counter accepted', ends: 'accepted', steps: [['submit', 'seller'], ['claim', 'admin'], ['quote', 'admin'], ['counter', 'seller'], ['accept_counter', 'admin']] },
    { name: 'rejected in review', ends: 'rejected', steps: [['submit', 'seller'], ['claim', 'agent'], ['reject', 'agent']] },
    { name: 'counter rejected', ends: 'rejected', steps: [['submit', 'seller'], ['claim', 'agent'], ['quote', 'agent'], ['counter', 'seller'], ['reject', 'agent']] },
    { name: 'quote expired', ends: 'expired', steps: [['submit', 'seller'], ['claim', 'agent'], ['quote', 'agent'], ['expire', 'system']] },
    { name: 'withdrawn after release', ends: 'withdrawn', steps: [['submit', 'seller'], ['claim', 'agent'], ['release', 'agent'], ['withdraw', 'seller']] },
    { name: 'withdrawn draft', ends: 'withdrawn', steps: [['withdraw', 'seller']] },
  ],
};

runMachineTableTests(fixture);

describe('submission machine details', () => {
  it('records the claimant, the agreed price, and starts and stops the quote expiry timer', () => {
    const snap = { state: 'submitted' as const, context: initial, enteredAtMs: T0 };
    const claimedBy = transition(submissionMachine, snap, { type: 'claim', payload: {} }, actorAs(fixture, 'agent', 'a9'), T0);
    expect(claimedBy.ok && claimedBy.snapshot.context.reviewerId).toBe('a9');
    if (!claimedBy.ok) return;
    // Another agent may not quote a submission a colleague claimed; an admin may.
    expect(transition(submissionMachine, claimedBy.snapshot, { type: 'quote', payload: { quoteMinor: 100 } }, actorAs(fixture, 'agent', 'a1'), T0)).toMatchObject({ code: 'FORBIDDEN' });
    const quoted = transition(submissionMachine, claimedBy.snapshot, { type: 'quote', payload: { quoteMinor: 4_200 } }, actorAs(fixture, 'admin'), T0 + 10);
    expect(quoted.ok && quoted.timers.schedule).toEqual([{ timer: 'submission.quoteExpiry', command: 'expire', fireAtMs: T0 + 10 + defaultQuoteValidForMs }]);
    expect(quoted.ok && quoted.events[0]?.payload).toMatchObject({ quoteMinor: 4_200, expiresAtMs: T0 + 10 + defaultQuoteValidForMs });
    if (!quoted.ok) return;
    const accepted = transition(submissionMachine, quoted.snapshot, { type: 'accept', payload: {} }, actorAs(fixture, 'seller'), T0 + 20);
    expect(accepted.ok && accepted.timers.cancel).toEqual(['submission.quoteExpiry']);
    expect(accepted.ok && accepted.snapshot.context.agreedMinor).toBe(4_200);
  });

  it('releasing a claim forgets the reviewer', () => {
    const snap = { state: 'in_review' as const, context: claimed, enteredAtMs: T0 };
    const released = transition(submissionMachine, snap, { type: 'release', payload: {} }, actorAs(fixture, 'agent'), T0);
    expect(released.ok && 'reviewerId' in released.snapshot.context).toBe(false);
  });
});
