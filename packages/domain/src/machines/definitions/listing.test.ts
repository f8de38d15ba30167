import { type MachineFixture, runMachineTableTests } from '../../testing/machine-harness.js';
import { describe, expect, it } from 'vitest';
import { isListingBuyable, listingMachine } from './listing.js';

const fixture: MachineFixture = {
  machine: listingMachine,
  initialContext: { listingId: 'l1', sellerId: 's1', quantity: 2 },
  contextFor: () => ({ listingId: 'l1', sellerId: 's1', quantity: 2 }),
  payloads: { reject: { reason: 'Photos missing' }, restock: { quantity: 5 } },
  actorIds: { seller: 's1' },
  guardCases: [
    { state: 'pending_review', command: 'approve', reason: 'NO_STOCK', context: { quantity: 0 } },
    { state: 'paused', command: 'resume', reason: 'NO_STOCK', context: { quantity: 0 } },
  ],
  walks: [
    { name: 'happy path', ends: 'archived', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['pause', 'seller'], ['resume', 'seller'], ['sell_out', 'system'], ['restock', 'seller', { quantity: 3 }], ['archive', 'admin']] },
    { name: 'rejected, revised, approved', ends: 'active', steps: [['submit_for_review', 'seller'], ['reject', 'agent'], ['revise', 'seller'], ['submit_for_review', 'admin'], ['approve', 'admin']] },
    { name: 'deal expires while live', ends: 'archived', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['expire_deal', 'system']] },
    { name: 'deal expires while paused', ends: 'archived', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['pause', 'seller'], ['expire_deal', 'system']] },
    { name: 'deal expires while sold out', ends: 'archived', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['sell_out', 'system'], ['expire_deal', 'system']] },
    { name: 'edited while live, re-reviewed', ends: 'active', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['submit_changes', 'seller'], ['approve', 'admin']] },
    { name: 'edited while paused', ends: 'pending_review', steps: [['submit_for_review', 'seller'], ['approve', 'agent'], ['pause', 'seller'], ['submit_changes', 'seller']] },
    { name: 'rejected and archived', ends: 'archived', steps: [['submit_for_review', 'seller'], ['reject', 'admin'], ['archive', 'seller']] },
  ],
};

runMachineTableTests(fixture);

describe('isListingBuyable', () => {
  it('is true only for a live listing with units left', () => {
    expect(isListingBuyable({ state: 'active', quantity: 1 })).toBe(true);
    expect(isListingBuyable({ state: 'active', quantity: 0 })).toBe(false);
    for (const state of ['draft', 'pending_review', 'paused', 'sold_out', 'archived', 'rejected']) expect(isListingBuyable({ state, quantity: 3 })).toBe(false);
  });
});
