import { describe, expect, it } from 'vitest';
import { canEditListing, isListingState, sellerActionsFor } from './listing-states';

describe('sellerActionsFor', () => {
  it('offers what the listing machine accepts from a seller in each state', () => {
    expect(sellerActionsFor('draft')).toEqual(['submit_for_review', 'archive']);
    expect(sellerActionsFor('pending_review')).toEqual(['archive']);
    expect(sellerActionsFor('active')).toEqual(['pause', 'archive']);
    expect(sellerActionsFor('paused')).toEqual(['resume', 'archive']);
    expect(sellerActionsFor('rejected')).toEqual(['revise', 'archive']);
    expect(sellerActionsFor('sold_out')).toEqual(['archive']);
    expect(sellerActionsFor('archived')).toEqual([]);
  });

  it('never offers reviewer or system commands', () => {
    for (const state of ['draft', 'pending_review', 'active', 'paused', 'sold_out', 'rejected', 'archived'] as const) {
      for (const command of sellerActionsFor(state)) expect(['approve', 'reject', 'sell_out', 'expire_deal']).not.toContain(command);
    }
  });
});

describe('listing states', () => {
  it('knows its states and which can still be edited', () => {
    expect(isListingState('sold_out')).toBe(true);
    expect(isListingState('shipped')).toBe(false);
    expect(canEditListing('active')).toBe(true);
    expect(canEditListing('archived')).toBe(false);
  });
});
