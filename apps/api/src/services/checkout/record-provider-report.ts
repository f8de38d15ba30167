// A refund or chargeback the provider reports for one of our payments joins the timeline of every
// order that payment covers, once per provider event (a retried job adds nothing). Moving the money
// is the refund and dispute features' job; this makes sure nobody misses that it happened.
import type { EntityManager } from '@marketdesk/db';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { outboxRepository } from '../../repositories/outbox-repository.js';
import { recordOrderEvent } from './checkout-events.js';

export interface ProviderReport {
  providerEventId: string;
  providerPaymentId: string | null;
  kind: 'refunded' | 'dispute_opened';
  amountMinor: number;
  currency: string;
  detail: string | null;
}

export async function recordProviderReport(em: EntityManager, report: ProviderReport, now: Date): Promise<number> {
  if (!report.providerPaymentId) return 0;
  return em.transactional(async (tx) => {
    const checkout = await checkoutRepository.findCheckoutByPayment(tx, report.providerPaymentId!);
    if (!checkout) return 0;
    const orders = await checkoutRepository.ordersOfCheckout(tx, checkout.id);
    let recorded = 0;
    for (const order of orders) {
      if (await outboxRepository.hasPaymentReport(tx, `order:${order.id}`, report.providerEventId)) continue;
      const scope = orders.length > 1 ? `for the whole payment of checkout ${checkout.id} (${orders.map((o) => o.number).join(', ')})` : null;
      await recordOrderEvent(
        tx,
        order,
        {
          name: 'order.payment_reported',
          payload: { orderId: order.id, buyerId: order.buyerId, sellerId: order.sellerId, kind: report.kind, providerEventId: report.providerEventId, amountMinor: report.amountMinor, currency: report.currency.toUpperCase(), detail: [report.detail, scope].filter(Boolean).join('; ') || null },
        },
        null,
        now,
      );
      recorded += 1;
    }
    return recorded;
  });
}
