import { type MachineFixture, runMachineTableTests } from '../../testing/machine-harness.js';
import { payoutMachine } from './payout.js';

const context = { payoutId: 'p1', sellerId: 's1', requestedBy: 's1', amountMinor: 5_000, currency: 'EUR' };
const fixture: MachineFixture = {
  machine: payoutMachine,
  initialContext: { ...context },
  contextFor: () => ({ ...context }),
  payloads: { reject: { reason: 'KYC incomplete' }, mark_failed: { reason: 'Account closed' } },
  actorIds: { seller: 's1' },
  guardCases: [{ state: 'requested', command: 'approve', reason: 'FOUR_EYES', as: 'admin', context: { requestedBy: 'admin-1' } }],
  walks: [
    { name: 'happy path', ends: 'paid', steps: [['approve', 'admin'], ['send', 'system'], ['mark_paid', 'system']] },
    { name: 'bank refused', ends: 'failed', steps: [['approve', 'admin'], ['send', 'admin'], ['mark_failed', 'system']] },
    { name: 'rejected', ends: 'rejected', steps: [['reject', 'admin']] },
    { name: 'cancelled by the seller', ends: 'rejected', steps: [['cancel', 'seller']] },
  ],
};

runMachineTableTests(fixture);
