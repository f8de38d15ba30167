import { describe, expect, it } from 'vitest';
import { accountLabel, accountNameLabel, accountOwnerLabel } from './account-owner';

describe('ledger accounts in words', () => {
  it('names the owner and the account instead of the code', () => {
    expect(accountLabel({ kind: 'seller', id: '729ae917-0000-4000-8000-000000000000', name: 'Groove Records', nameMasked: false }, 'available')).toBe('Groove Records · Available');
    expect(accountLabel({ kind: 'platform' }, 'stripe_clearing')).toBe('Platform · Stripe clearing');
    expect(accountLabel({ kind: 'buyer', id: 'b1', name: 'B. B.', nameMasked: true }, 'credit')).toBe('Buyer B. B. · Credit');
    expect(accountNameLabel('in_transit')).toBe('In transit');
  });

  it('keeps a short id for an owner no longer on record', () => {
    expect(accountOwnerLabel({ kind: 'seller', id: '729ae917-0000-4000-8000-000000000000', name: null, nameMasked: false })).toBe('seller 729ae917…');
    expect(accountOwnerLabel(null)).toBe('Unknown account');
  });
});
