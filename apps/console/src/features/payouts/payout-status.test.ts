import { formatMoney } from '@marketdesk/ui';
import { describe, expect, it } from 'vitest';
import { checkPayoutAmount, movesSellerMoney, payoutReason, payoutStatus } from './payout-status';

const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: 'EUR' });
const limits = { minimumMinor: 1000, availableMinor: 7110, currency: 'EUR' };

describe('payout amount', () => {
  it('accepts euros between the minimum and what is available', () => {
    expect(checkPayoutAmount('25', limits)).toEqual({ ok: true, amountMinor: 2500 });
    expect(checkPayoutAmount('71,10', limits)).toEqual({ ok: true, amountMinor: 7110 });
  });
  it('explains what is wrong', () => {
    expect(checkPayoutAmount('', limits)).toEqual({ ok: false, message: 'Enter an amount' });
    expect(checkPayoutAmount('abc', limits)).toMatchObject({ ok: false, message: expect.stringContaining('in euros') });
    expect(checkPayoutAmount('5', limits)).toEqual({ ok: false, message: `The smallest payout is ${eur(1000)}.` });
    expect(checkPayoutAmount('80', limits)).toEqual({ ok: false, message: `You can withdraw at most ${eur(7110)} right now.` });
    expect(checkPayoutAmount('5', { ...limits, availableMinor: 500 })).toEqual({ ok: false, message: `You can request a payout once ${eur(1000)} is available.` });
  });
});

describe('payout status', () => {
  it('reads a seller cancelling their own request as Cancelled, without the internal reason', () => {
    expect(payoutStatus({ state: 'rejected', stateLabel: 'Rejected', reason: 'cancelled_by_seller' })).toEqual({ label: 'Cancelled', color: 'gray' });
    expect(payoutReason({ reason: 'cancelled_by_seller' })).toBeNull();
    expect(payoutStatus({ state: 'rejected', stateLabel: 'Rejected', reason: 'Bank details missing' }).label).toBe('Rejected');
    expect(payoutReason({ reason: 'Bank details missing' })).toBe('Bank details missing');
    expect(payoutStatus({ state: 'paid', stateLabel: 'Paid', reason: null })).toEqual({ label: 'Paid', color: 'green' });
  });

  it("refreshes a seller's money on their payouts and settling orders only", () => {
    expect(movesSellerMoney({ name: 'payout.paid', payload: { sellerId: 's1' } }, 's1')).toBe(true);
    expect(movesSellerMoney({ name: 'order.completed', payload: { sellerId: 's1' } }, 's1')).toBe(true);
    expect(movesSellerMoney({ name: 'order.ledger_posted', payload: { sellerId: 's1' } }, 's1')).toBe(true);
    expect(movesSellerMoney({ name: 'order.shipped', payload: { sellerId: 's1' } }, 's1')).toBe(false);
    expect(movesSellerMoney({ name: 'payout.paid', payload: { sellerId: 's2' } }, 's1')).toBe(false);
    expect(movesSellerMoney({ name: 'payout.paid', payload: { sellerId: 's1' } }, undefined)).toBe(false);
  });
});
