// Which events notify whom, and what the notification (and its email) says. One place: the relay
// asks `isNotifiable`, the notification job asks `notificationsFor`.
import type { Database, EntityManager } from '@marketdesk/db';
import { formatMinor } from '../../errors/format-money.js';
import { orderRepository } from '../../repositories/order-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { wishlistNotificationKinds, wishlistNotificationLabels, wishlistRules } from '../wishlist/wishlist-notifications.js';

export const notificationKinds = ['order_paid', 'order_shipped', 'order_delivered', 'order_completed', 'order_cancelled', 'payout_paid', 'payout_failed', 'review_received', 'dispute_opened', 'listing_reviewed', 'verification', 'submission_purchased', ...wishlistNotificationKinds] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  order_paid: 'New paid orders (sellers)',
  order_shipped: 'Your order was shipped',
  order_delivered: 'Your order was delivered',
  order_completed: 'Order completed and funds released',
  order_cancelled: 'Order cancelled',
  payout_paid: 'Payout paid',
  payout_failed: 'Payout failed',
  review_received: 'New review received',
  dispute_opened: 'Dispute or chargeback opened',
  listing_reviewed: 'Listing approved or rejected',
  verification: 'Identity verification (KYC) decisions',
  submission_purchased: 'Records you submitted were bought (sellers)',
  ...wishlistNotificationLabels,
};

export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
}

type Payload = Record<string, unknown>;
type Rule = (p: Payload, lookup: Lookup) => Promise<PlannedNotification[]>;

interface Lookup {
  orderNumber(orderId: string): Promise<string>;
  /** Leads (admins) to tell about escalations. */
  leads(): Promise<string[]>;
  em: EntityManager;
}

const money = (p: Payload, field = 'amountMinor') => formatMinor(Number(p[field] ?? 0), String(p.currency ?? 'EUR'));

const rules: Record<string, Rule> = {
  'order.placed': async (p) => [{ userId: String(p.sellerId), kind: 'order_paid', title: `New order ${String(p.number)} — ${money(p, 'totalMinor')}`, body: `A buyer paid for order ${String(p.number)}. Pack it and mark it shipped from the console.`, link: `/orders/${String(p.orderId)}` }],
  'order.shipped': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    return [{ userId: String(p.buyerId), kind: 'order_shipped', title: `Order ${n} is on its way`, body: `Your order ${n} was shipped with ${String(p.carrier).toUpperCase()}, tracking number ${String(p.trackingNumber)}.`, link: `/orders/${String(p.orderId)}` }];
  },
  'order.delivered': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    return [{ userId: String(p.buyerId), kind: 'order_delivered', title: `Order ${n} was delivered`, body: `Order ${n} arrived. Confirm receipt if all is well, or open a dispute if something is wrong.`, link: `/orders/${String(p.orderId)}` }];
  },
  'order.completed': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    return [{ userId: String(p.sellerId), kind: 'order_completed', title: `Order ${n} completed`, body: `Order ${n} is complete; its funds were released to your available balance.`, link: `/orders/${String(p.orderId)}` }];
  },
  'order.cancelled': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    if (p.from === 'awaiting_payment') return [];
    return [String(p.buyerId), String(p.sellerId)].map((userId) => ({ userId, kind: 'order_cancelled' as const, title: `Order ${n} was cancelled`, body: `Order ${n} was cancelled (${String(p.reason)}). Any payment is refunded in full.`, link: `/orders/${String(p.orderId)}` }));
  },
  'order.payment_reported': async (p, l) => {
    if (p.kind !== 'dispute_opened') return [];
    const n = await l.orderNumber(String(p.orderId));
    return [{ userId: String(p.sellerId), kind: 'dispute_opened', title: `Chargeback on order ${n}`, body: `The buyer's bank opened a chargeback of ${money(p)} on order ${n}. Support will contact you.`, link: `/orders/${String(p.orderId)}` }];
  },
  'dispute.opened': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    return [{ userId: String(p.sellerId), kind: 'dispute_opened', title: `Dispute on order ${n}`, body: p.source === 'chargeback' ? `The buyer's bank reclaimed the payment for order ${n}. Add your evidence from the order page.` : `The buyer opened a dispute on order ${n}. Add your side and any evidence from the order page.`, link: `/orders/${String(p.orderId)}` }];
  },
  'dispute.seller_response_requested': async (p, l) => [{ userId: String(p.sellerId), kind: 'dispute_opened', title: `Support needs your answer on order ${await l.orderNumber(String(p.orderId))}`, body: 'Add your answer and evidence to the dispute before the deadline.', link: `/orders/${String(p.orderId)}` }],
  'dispute.buyer_response_requested': async (p, l) => [{ userId: String(p.buyerId), kind: 'dispute_opened', title: `Support needs your answer on order ${await l.orderNumber(String(p.orderId))}`, body: 'Add your answer and evidence to the dispute before the deadline.', link: `/orders/${String(p.orderId)}` }],
  'dispute.resolved': async (p, l) => {
    const n = await l.orderNumber(String(p.orderId));
    const refund = Number(p.buyerShareMinor ?? 0) > 0 ? `${money(p, 'buyerShareMinor')} is refunded to the buyer.` : 'No refund: the seller keeps the payment.';
    return [String(p.buyerId), String(p.sellerId)].map((userId) => ({ userId, kind: 'dispute_opened' as const, title: `Dispute on order ${n} resolved`, body: refund, link: `/orders/${String(p.orderId)}` }));
  },
  'dispute.sla.breached': async (p, l) => (await l.leads()).map((userId) => ({ userId, kind: 'dispute_opened' as const, title: 'A dispute breached its SLA', body: `The ${String(p.sla ?? 'dispute').replace(/_/g, ' ')} deadline passed on a dispute; it is escalated.`, link: '/queues/disputes' })),
  'kyc.approved': async (p) => [{ userId: String(p.sellerId), kind: 'verification', title: 'Your identity is verified', body: 'You can now publish listings and withdraw your earnings.', link: '/verification' }],
  'kyc.rejected': async (p) => [{ userId: String(p.sellerId), kind: 'verification', title: 'Your verification was not approved', body: `${p.reason === 'information_not_provided' ? 'The information we asked for did not arrive in time' : String(p.reason)}. You can start a new verification from the console.`, link: '/verification' }],
  'kyc.info_requested': async (p) => [{ userId: String(p.sellerId), kind: 'verification', title: 'We need more information to verify you', body: String(p.message), link: '/verification' }],
  'submission.purchased': async (p) => [
    {
      userId: String(p.sellerId),
      kind: 'submission_purchased',
      title: `We bought ${String(p.itemCount)} record${p.itemCount === 1 ? '' : 's'} for ${money(p)}`,
      body: `${money(p)} is on your available balance now. Withdraw it from Payouts whenever you like.`,
      link: `/submissions/${String(p.submissionId)}`,
    },
  ],
  'payout.paid': async (p) => [{ userId: String(p.sellerId), kind: 'payout_paid', title: `Payout of ${money(p)} paid`, body: `Your payout of ${money(p)} reached your bank account.`, link: '/payouts' }],
  'payout.failed': async (p) => [{ userId: String(p.sellerId), kind: 'payout_failed', title: `Payout of ${money(p)} failed`, body: `Your bank returned the payout of ${money(p)} (${String(p.reason)}). The money is back in your available balance.`, link: '/payouts' }],
  'review.created': async (p) => [{ userId: String(p.sellerId), kind: 'review_received', title: `New ${String(p.rating)}-star review`, body: `A buyer reviewed their order with ${String(p.rating)} stars. You can reply once from the console.`, link: `/orders/${String(p.orderId)}` }],
  'listing.approved': async (p) => [{ userId: String(p.sellerId), kind: 'listing_reviewed', title: 'Your listing is live', body: 'A reviewer approved your listing; buyers can see it now.', link: `/listings` }],
  // Wishlists: everyone who saved the listing (services/wishlist/wishlist-notifications.ts).
  'listing.price_changed': (p, l) => wishlistRules.priceChanged(p, l.em),
  'listing.restocked': (p, l) => wishlistRules.restocked(p, l.em),
  'listing.rejected': async (p) => [{ userId: String(p.sellerId), kind: 'listing_reviewed', title: 'Your listing needs changes', body: `A reviewer rejected your listing: ${String(p.reason)}`, link: `/listings` }],
};

export function isNotifiable(eventName: string): boolean {
  return Object.hasOwn(rules, eventName);
}

export async function notificationsFor(db: Database, eventName: string, payload: Payload): Promise<PlannedNotification[]> {
  const rule = rules[eventName];
  if (!rule) return [];
  const em = db.orm.em.fork();
  return rule(payload, {
    em,
    async orderNumber(orderId) {
      return (await orderRepository.numberOf(em, orderId)) ?? 'your order';
    },
    leads: () => userRepository.adminIds(em),
  });
}
