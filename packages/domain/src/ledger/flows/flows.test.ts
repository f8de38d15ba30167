import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../invariants/assert.js';
import { demoLedger, expectOk } from '../../testing/ledger-fixtures.js';
import { applyTransfer, applyTransfers } from '../apply-transfer.js';
import { balanceOf, escrowByOrder, isBalanced } from '../balances.js';
import type { LedgerState } from '../types.js';
import { chargeback } from './chargeback.js';
import { clawbackFromSeller } from './clawback.js';
import { type EscrowHold, paymentCaptured, refundFromEscrow, releaseEscrow, settleDispute } from './escrow.js';
import { payoutApproved, payoutFailed, payoutPaid, payoutRejected, payoutRequested, providerSettled } from './payouts.js';

const T0 = 1_700_000_000_000;
// A €100.00 order with a 12 % commission: seller net €88.00, fee €12.00.
const order = { orderId: 'o1', paymentId: 'pay1', sellerId: '1', currency: 'EUR', grossMinor: 10_000, feeMinor: 1_200 } as const;
const posted = (s: LedgerState, code: string) => balanceOf(s.accounts[code]!).postedMinor;
const view = (s: LedgerState) => ({
  clearing: posted(s, 'platform:stripe_clearing'),
  escrow: posted(s, 'platform:escrow'),
  fees: posted(s, 'platform:fees'),
  losses: posted(s, 'platform:losses'),
  sellerAvailable: posted(s, 'seller:1:available'),
  sellerPending: balanceOf(s.accounts['seller:1:available']!).incomingMinor,
  buyerCredit: posted(s, 'buyer:7:credit'),
});

function captured(): { state: LedgerState; hold: EscrowHold } {
  const flow = paymentCaptured(order);
  const state = expectOk(applyTransfers(demoLedger(), flow.transfers, T0));
  return { state, hold: flow.hold! };
}

describe('escrow flows', () => {
  it('capture lands in escrow and earmarks the seller net and the fee as pending', () => {
    const { state, hold } = captured();
    expect(view(state)).toMatchObject({ clearing: 10_000, escrow: 10_000, fees: 0, sellerAvailable: 0, sellerPending: 8_800 });
    expect(hold).toEqual({ holdId: 'order:o1:hold', orderId: 'o1', sellerId: '1', currency: 'EUR', netMinor: 8_800, feeMinor: 1_200 });
    expect(escrowByOrder(state)).toEqual({ o1: 10_000 });
  });

  it('release pays the seller, earns the fee and nets escrow to zero', () => {
    const { state, hold } = captured();
    const released = expectOk(applyTransfers(state, releaseEscrow(hold).transfers, T0));
    expect(view(released)).toMatchObject({ escrow: 0, fees: 1_200, sellerAvailable: 8_800, sellerPending: 0 });
    expect(escrowByOrder(released)).toEqual({ o1: 0 });
    expect(isBalanced(released)).toBe(true);
  });

  it('a full refund returns everything to the card and nothing to the seller', () => {
    const { state, hold } = captured();
    const flow = refundFromEscrow(hold, { refundId: 'r1', refundMinor: 10_000, to: { kind: 'card' } });
    expect(flow.hold).toBeNull();
    const refunded = expectOk(applyTransfers(state, flow.transfers, T0));
    expect(view(refunded)).toMatchObject({ clearing: 0, escrow: 0, fees: 0, sellerAvailable: 0, sellerPending: 0 });
    expect(escrowByOrder(refunded)).toEqual({ o1: 0 });
  });

  it('a partial refund re-holds the rest, shrinking net and fee in proportion', () => {
    const { state, hold } = captured();
    // €25.00 back: 88 % from the seller's share (22.00), 12 % from the fee (3.00).
    const flow = refundFromEscrow(hold, { refundId: 'r1', refundMinor: 2_500, to: { kind: 'store_credit', buyerId: '7' } });
    expect(flow.hold).toMatchObject({ holdId: 'refund:r1:hold', netMinor: 6_600, feeMinor: 900 });
    const refunded = expectOk(applyTransfers(state, flow.transfers, T0));
    expect(view(refunded)).toMatchObject({ clearing: 10_000, escrow: 7_500, buyerCredit: 2_500, sellerPending: 6_600 });
    const released = expectOk(applyTransfers(refunded, releaseEscrow(flow.hold!).transfers, T0));
    expect(view(released)).toMatchObject({ escrow: 0, fees: 900, sellerAvailable: 6_600 });
    expect(escrowByOrder(released)).toEqual({ o1: 0 });
  });

  it('settles a dispute for the seller, for the buyer, or split', () => {
    const outcomes: [number, Partial<ReturnType<typeof view>>][] = [
      [0, { escrow: 0, fees: 1_200, sellerAvailable: 8_800, clearing: 10_000 }],
      [10_000, { escrow: 0, fees: 0, sellerAvailable: 0, clearing: 0 }],
      // Buyer gets €40.00 back: seller keeps 88.00 − 35.20, platform 12.00 − 4.80.
      [4_000, { escrow: 0, fees: 720, sellerAvailable: 5_280, clearing: 6_000 }],
    ];
    for (const [buyerShareMinor, expected] of outcomes) {
      const { state, hold } = captured();
      const flow = settleDispute(hold, { resolutionId: 'd1', buyerShareMinor, to: { kind: 'card' } });
      const settled = expectOk(applyTransfers(state, flow.transfers, T0));
      expect(view(settled)).toMatchObject({ ...expected, sellerPending: 0 });
      expect(escrowByOrder(settled)).toEqual({ o1: 0 });
    }
  });

  it('refuses to settle the same hold twice (release after refund)', () => {
    const { state, hold } = captured();
    const refunded = expectOk(applyTransfers(state, refundFromEscrow(hold, { refundId: 'r1', refundMinor: 10_000, to: { kind: 'card' } }).transfers, T0));
    expect(applyTransfers(refunded, releaseEscrow(hold).transfers, T0)).toMatchObject({ ok: false, refusal: 'ALREADY_VOIDED' });
  });

  it('asserts flow inputs (programming errors, not business refusals)', () => {
    const { hold } = captured();
    expect(() => paymentCaptured({ ...order, feeMinor: 10_001 })).toThrow(InvariantError);
    expect(() => paymentCaptured({ ...order, grossMinor: 0 })).toThrow(InvariantError);
    expect(() => refundFromEscrow(hold, { refundId: 'r', refundMinor: 10_001, to: { kind: 'card' } })).toThrow(InvariantError);
    expect(() => settleDispute(hold, { resolutionId: 'd', buyerShareMinor: -1, to: { kind: 'card' } })).toThrow(InvariantError);
  });

  it('a zero fee produces no fee posting', () => {
    const flow = paymentCaptured({ ...order, feeMinor: 0 });
    const state = expectOk(applyTransfers(demoLedger(), [...flow.transfers, ...releaseEscrow(flow.hold!).transfers], T0));
    expect(view(state)).toMatchObject({ sellerAvailable: 10_000, fees: 0 });
  });
});

describe('after release: clawback and chargeback', () => {
  const released = () => {
    const { state, hold } = captured();
    return { state: expectOk(applyTransfers(state, releaseEscrow(hold).transfers, T0)), split: hold };
  };

  it('claws a refund back from the seller and the fee', () => {
    const { state, split } = released();
    const after = expectOk(applyTransfers(state, clawbackFromSeller(split, { refundId: 'r2', refundMinor: 5_000, to: { kind: 'card' } }), T0));
    expect(view(after)).toMatchObject({ sellerAvailable: 4_400, fees: 600, clearing: 5_000, losses: 0 });
  });

  it('refuses an overdraft unless told the seller balance, then books the shortfall as a loss', () => {
    const { state, split } = released();
    const paidOut = expectOk(applyTransfers(state, [...payoutRequested({ payoutId: 'p', sellerId: '1', currency: 'EUR', amountMinor: 8_000 }), ...payoutApproved({ payoutId: 'p', sellerId: '1', currency: 'EUR', amountMinor: 8_000 })], T0));
    const naive = clawbackFromSeller(split, { refundId: 'r2', refundMinor: 10_000, to: { kind: 'card' } });
    expect(applyTransfers(paidOut, naive, T0)).toMatchObject({ ok: false, refusal: 'INSUFFICIENT_FUNDS' });
    const covered = clawbackFromSeller(split, { refundId: 'r2', refundMinor: 10_000, to: { kind: 'card' }, sellerAvailableMinor: 800 });
    const after = expectOk(applyTransfers(paidOut, covered, T0));
    expect(view(after)).toMatchObject({ sellerAvailable: 0, fees: 0, losses: 8_000 });
  });

  it('charges back from escrow while held, from the seller once released, fee to losses', () => {
    const { state, hold } = captured();
    const whileHeld = chargeback({ chargebackId: 'cb1', amountMinor: 10_000, providerFeeMinor: 1_500, stage: { kind: 'held', hold } });
    expect(whileHeld.hold).toBeNull();
    expect(view(expectOk(applyTransfers(state, whileHeld.transfers, T0)))).toMatchObject({ escrow: 0, clearing: -1_500, losses: 1_500, sellerPending: 0 });
    const partialHeld = chargeback({ chargebackId: 'cb2', amountMinor: 1_000, providerFeeMinor: 0, stage: { kind: 'held', hold } });
    expect(partialHeld.hold).toMatchObject({ netMinor: 7_920, feeMinor: 1_080 });

    const settled = released();
    const after = chargeback({ chargebackId: 'cb3', amountMinor: 10_000, providerFeeMinor: 1_500, stage: { kind: 'settled', split: settled.split } });
    expect(view(expectOk(applyTransfers(settled.state, after.transfers, T0)))).toMatchObject({ sellerAvailable: 0, fees: 0, losses: 1_500, clearing: -1_500 });
  });
});

describe('payout flows', () => {
  const p = { payoutId: 'p1', sellerId: '1', currency: 'EUR', amountMinor: 5_000 } as const;
  const withEarnings = () => {
    const { state, hold } = captured();
    return expectOk(applyTransfers(state, releaseEscrow(hold).transfers, T0));
  };

  it('requested → approved → paid', () => {
    const requested = expectOk(applyTransfers(withEarnings(), payoutRequested(p), T0));
    expect(balanceOf(requested.accounts['seller:1:available']!)).toMatchObject({ postedMinor: 8_800, availableMinor: 3_800 });
    expect(applyTransfers(requested, payoutRequested({ ...p, payoutId: 'p2' }), T0)).toMatchObject({ ok: false, refusal: 'INSUFFICIENT_FUNDS' });
    const approved = expectOk(applyTransfers(requested, payoutApproved(p), T0));
    expect(posted(approved, 'seller:1:in_transit')).toBe(5_000);
    const paid = expectOk(applyTransfers(approved, payoutPaid(p), T0));
    expect(view(paid)).toMatchObject({ sellerAvailable: 3_800, clearing: 5_000 });
    expect(posted(paid, 'seller:1:in_transit')).toBe(0);
  });

  it('failed payouts return to available; rejected and expired requests release the hold', () => {
    const approved = expectOk(applyTransfers(withEarnings(), [...payoutRequested(p), ...payoutApproved(p)], T0));
    expect(view(expectOk(applyTransfers(approved, payoutFailed(p), T0))).sellerAvailable).toBe(8_800);
    const requested = expectOk(applyTransfers(withEarnings(), payoutRequested(p, { expiresAtMs: T0 + 60_000 }), T0));
    const rejected = expectOk(applyTransfers(requested, payoutRejected(p), T0));
    expect(balanceOf(rejected.accounts['seller:1:available']!).availableMinor).toBe(8_800);
    expect(applyTransfers(requested, payoutApproved(p), T0 + 60_000)).toMatchObject({ ok: false, refusal: 'EXPIRED' });
    expect(() => payoutRequested({ ...p, amountMinor: 0 })).toThrow(InvariantError);
  });

  it('provider settlement moves clearing to cash', () => {
    const state = expectOk(applyTransfer(withEarnings(), providerSettled({ settlementId: 's1', currency: 'EUR', amountMinor: 10_000 })[0]!, T0));
    expect(view(state).clearing).toBe(0);
    expect(posted(state, 'platform:cash')).toBe(10_000);
    expect(() => providerSettled({ settlementId: 's', currency: 'EUR', amountMinor: -1 })).toThrow(InvariantError);
  });
});

describe('the house shop buying a submission', () => {
  it('credits the seller the agreed price from inventory, once per submission', async () => {
    const { inventoryPurchased } = await import('./purchases.js');
    const [t] = inventoryPurchased({ submissionId: 'sub1', sellerId: 's1', currency: 'EUR', amountMinor: 2700 });
    expect(t).toMatchObject({ kind: 'posted', id: 'submission:sub1:purchase', code: 'inventory_purchased' });
    expect(t!.postings).toEqual([
      { account: 'platform:inventory', side: 'debit', amountMinor: 2700, currency: 'EUR' },
      { account: 'seller:s1:available', side: 'credit', amountMinor: 2700, currency: 'EUR' },
    ]);
    expect(() => inventoryPurchased({ submissionId: 'sub1', sellerId: 's1', currency: 'EUR', amountMinor: 0 })).toThrow();
  });
});
