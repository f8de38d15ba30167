// Each ledger transfer made for an order goes on the order's stream, with what it means to the
// buyer, the seller and the platform (transferParties), so the timeline (orderTimeline in the
// domain) folds a moment's transfers into the money that moved for each reader.
import { transferParties, type Transfer } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { OrderRecord } from '../../repositories/checkout-repository.js';
import { recordOrderEvent } from '../checkout/checkout-events.js';

function amountOf(t: Transfer, order: OrderRecord): number {
  if ('postings' in t && t.postings && t.postings.length) return t.postings.filter((p) => p.side === 'debit').reduce((sum, p) => sum + p.amountMinor, 0);
  return order.hold ? order.hold.netMinor + order.hold.feeMinor : 0;
}

/** `order` as it was before these transfers: its hold is the one they post or void. */
export async function recordLedgerTimeline(tx: EntityManager, order: OrderRecord, transfers: readonly Transfer[], now: Date) {
  for (const t of transfers) {
    await recordOrderEvent(
      tx,
      order,
      {
        name: 'order.ledger_posted',
        payload: { orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, transferId: t.id, code: t.code, kind: t.kind, currency: order.currency, amountMinor: amountOf(t, order), ...transferParties(t, order.hold) },
      },
      null,
      now,
    );
  }
}
