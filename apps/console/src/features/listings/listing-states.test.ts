import { describe, expect, it } from 'vitest';
import { canEditListing, isListingState, listingStateTabs } from './listing-states';

describe('listing states', () => {
  it('knows the machine’s states and which can still be edited', () => {
    expect(isListingState('sold_out')).toBe(true);
    expect(isListingState('shipped')).toBe(false);
    expect(isListingState('toString')).toBe(false);
    expect(canEditListing('active')).toBe(true);
    expect(canEditListing('archived')).toBe(false);
  });

  it('names the tabs by the machine’s labels', () => {
    expect(listingStateTabs.map((t) => t.label)).toEqual(['All', 'Pending review', 'Active', 'Paused', 'Sold out', 'Draft', 'Rejected', 'Archived']);
  });
});
