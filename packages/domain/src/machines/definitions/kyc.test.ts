import { describe, expect, it } from 'vitest';
import { type MachineFixture, T0, actorAs, runMachineTableTests } from '../../testing/machine-harness.js';
import { transition } from '../transition.js';
import { defaultKycInfoWindowMs, kycMachine } from './kyc.js';

const base = { kycId: 'k1', sellerId: 's1', infoWindowMs: defaultKycInfoWindowMs };
const fixture: MachineFixture = {
  machine: kycMachine,
  initialContext: { ...base },
  contextFor: () => ({ ...base, reviewerId: 'a1' }),
  payloads: { reject: { reason: 'Document expired' }, request_info: { message: 'Please upload a utility bill' } },
  actorIds: { seller: 's1', agent: 'a1' },
  guardCases: [],
  walks: [
    { name: 'happy path', ends: 'approved', steps: [['submit', 'seller'], ['claim', 'agent'], ['approve', 'agent']] },
    { name: 'needs info then approved', ends: 'approved', steps: [['submit', 'seller'], ['claim', 'agent'], ['request_info', 'agent'], ['resubmit', 'seller'], ['claim', 'admin'], ['approve', 'admin']] },
    { name: 'rejected', ends: 'rejected', steps: [['submit', 'seller'], ['claim', 'agent'], ['release', 'agent'], ['claim', 'agent'], ['reject', 'agent']] },
    { name: 'information never came', ends: 'rejected', steps: [['submit', 'seller'], ['claim', 'agent'], ['request_info', 'agent'], ['lapse', 'system']] },
  ],
};

runMachineTableTests(fixture);

describe('kyc machine details', () => {
  it('gives the seller a deadline for requested information, and says why it lapsed', () => {
    const snap = { state: 'in_review' as const, context: { ...base, reviewerId: 'a1' }, enteredAtMs: T0 };
    const asked = transition(kycMachine, snap, { type: 'request_info', payload: { message: 'ID back side' } }, actorAs(fixture, 'agent'), T0);
    expect(asked.ok && asked.timers.schedule).toEqual([{ timer: 'kyc.infoDeadline', command: 'lapse', fireAtMs: T0 + defaultKycInfoWindowMs }]);
    if (!asked.ok) return;
    const lapsed = transition(kycMachine, asked.snapshot, { type: 'lapse', payload: {} }, actorAs(fixture, 'system'), T0 + defaultKycInfoWindowMs);
    expect(lapsed.ok && lapsed.events[0]?.payload).toMatchObject({ reason: 'information_not_provided', actorId: null });
  });
});
