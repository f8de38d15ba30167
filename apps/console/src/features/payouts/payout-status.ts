// How payout states look for sellers and admins (the label is the payout machine's, sent by the
// API as `stateLabel`), and the rules of the "Request payout" amount.
import type { PayoutState } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';
import { decimalToMinor } from '../listings/money-input';

const colors: Record<PayoutState, string> = {
  requested: 'yellow',
  approved: 'blue',
  processing: 'blue',
  paid: 'green',
  failed: 'red',
  rejected: 'gray',
};

/** A seller withdrawing their own request ends in `rejected` with this reason: it reads "Cancelled". */
export const cancelledBySeller = 'cancelled_by_seller';

export function payoutStatus(p: { state: string; stateLabel: string; reason: string | null }): { label: string; color: string } {
  if (p.state === 'rejected' && p.reason === cancelledBySeller) return { label: 'Cancelled', color: 'gray' };
  return { label: p.stateLabel, color: Object.hasOwn(colors, p.state) ? colors[p.state as PayoutState] : 'gray' };
}

/** The reason worth showing next to the status (not the internal marker for a seller's cancel). */
export function payoutReason(p: { reason: string | null }): string | null {
  return p.reason && p.reason !== cancelledBySeller ? p.reason : null;
}

export type AmountCheck = { ok: true; amountMinor: number } | { ok: false; message: string };

/** Euros as typed → minor units within [minimum, available]. */
export function checkPayoutAmount(text: string, limits: { minimumMinor: number; availableMinor: number; currency: string }): AmountCheck {
  const amountMinor = decimalToMinor(text);
  const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: limits.currency });
  if (amountMinor === null) return { ok: false, message: 'Enter an amount' };
  if (Number.isNaN(amountMinor) || amountMinor <= 0) return { ok: false, message: 'Enter an amount in euros, e.g. 25.00' };
  if (limits.availableMinor < limits.minimumMinor) return { ok: false, message: `You can request a payout once ${eur(limits.minimumMinor)} is available.` };
  if (amountMinor < limits.minimumMinor) return { ok: false, message: `The smallest payout is ${eur(limits.minimumMinor)}.` };
  if (amountMinor > limits.availableMinor) return { ok: false, message: `You can withdraw at most ${eur(limits.availableMinor)} right now.` };
  return { ok: true, amountMinor };
}

/** Tabs of the admin payout queue (`payouts.queue` states). */
export const payoutQueueTabs: { value: string; label: string; states: PayoutState[] }[] = [
  { value: 'requested', label: 'Requested', states: ['requested'] },
  { value: 'processing', label: 'Processing', states: ['approved', 'processing'] },
  { value: 'paid', label: 'Paid', states: ['paid'] },
  { value: 'failed', label: 'Failed', states: ['failed'] },
  { value: 'rejected', label: 'Rejected', states: ['rejected'] },
];

/** Whether a live event should refresh a seller's money: payouts, and orders settling. */
export function movesSellerMoney(event: { name: string; payload: unknown }, sellerId: string | undefined): boolean {
  if (!sellerId) return false;
  const payload = event.payload as { sellerId?: string };
  if (payload.sellerId !== sellerId) return false;
  return event.name.startsWith('payout.') || event.name === 'order.completed' || event.name === 'order.ledger_posted';
}
