// What a seller sees of their money: pending (held in escrow for them), available (may be paid
// out), reserved (requested payouts) and in transit, plus a statement of every posting.
import { balanceOf, sellerAccount } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { ledgerRepository } from '../../repositories/ledger-repository.js';

export async function sellerBalances(em: EntityManager, sellerId: string) {
  const [available, inTransit] = [sellerAccount(sellerId, 'available'), sellerAccount(sellerId, 'in_transit')];
  const accounts = await ledgerRepository.accountsByCode(em, [available, inTransit]);
  const byCurrency = new Map<string, { currency: string; pendingMinor: number; availableMinor: number; reservedMinor: number; inTransitMinor: number }>();
  for (const account of accounts) {
    const b = balanceOf(account);
    const row = byCurrency.get(b.currency) ?? { currency: b.currency, pendingMinor: 0, availableMinor: 0, reservedMinor: 0, inTransitMinor: 0 };
    if (account.code === available) Object.assign(row, { pendingMinor: b.incomingMinor, availableMinor: b.availableMinor, reservedMinor: b.reservedMinor });
    // A requested payout shows as reserved until approved; only then is it in transit.
    else row.inTransitMinor = b.postedMinor;
    byCurrency.set(b.currency, row);
  }
  return [...byCurrency.values()];
}

export function sellerStatement(em: EntityManager, sellerId: string, limit: number, beforeId?: string) {
  return ledgerRepository.postingsOf(em, [sellerAccount(sellerId, 'available'), sellerAccount(sellerId, 'in_transit')], limit, beforeId);
}
