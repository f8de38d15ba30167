// Order lifecycle. Money moves alongside (see ledger/flows/escrow.ts): the service captures into
// escrow on `mark_paid`, releases on `completed`, refunds on `refunded` / `partially_refunded`, and
// refunds in full when a paid order is cancelled (the `from` of order.cancelled says so).
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue, GuardRefusal } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, positiveMinor, reasonPayload } from './shared.js';

export type OrderState = 'awaiting_payment' | 'under_review' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded' | 'partially_refunded' | 'disputed';

export interface OrderContext {
  orderId: string;
  buyerId: string;
  sellerId: string;
  currency: CurrencyCode;
  totalMinor: number;
  refundedMinor: number;
  /** How long an unpaid order waits before it is cancelled. */
  paymentWindowMs: number;
  /** How long after delivery the order completes by itself if the buyer says nothing. */
  autoCompleteAfterMs: number;
}

export const defaultOrderTimings = { paymentWindowMs: 1 * DAY_MS, autoCompleteAfterMs: 14 * DAY_MS };

const orderCommands = {
  mark_paid: { label: 'Mark paid', payload: z.object({ paymentId: z.string().min(1) }) },
  expire_payment: { label: 'Expire payment', payload: emptyPayload },
  cancel: { label: 'Cancel', payload: reasonPayload },
  ship: { label: 'Ship', payload: z.object({ carrier: z.string().trim().min(1).max(100), trackingNumber: z.string().trim().min(1).max(100) }) },
  mark_delivered: { label: 'Mark delivered', payload: emptyPayload },
  confirm_receipt: { label: 'Confirm receipt', payload: emptyPayload },
  auto_complete: { label: 'Auto-complete', payload: emptyPayload },
  open_dispute: { label: 'Open dispute', payload: reasonPayload },
  refund: { label: 'Refund', payload: reasonPayload },
  refund_partially: { label: 'Refund partially', payload: z.object({ refundMinor: positiveMinor, reason: z.string().trim().min(1).max(1000) }) },
  resolve_for_buyer: { label: 'Resolve for buyer', payload: emptyPayload },
  resolve_for_seller: { label: 'Resolve for seller', payload: emptyPayload },
  resolve_split: { label: 'Resolve split', payload: z.object({ refundMinor: positiveMinor }) },
  hold_for_review: { label: 'Hold for review', payload: z.object({ score: z.number().int().min(0).max(100) }) },
  approve_review: { label: 'Approve after review', payload: emptyPayload },
  reject_review: { label: 'Reject after review', payload: reasonPayload },
} satisfies CommandCatalogue;

// Who may send what is the grant table's: each people's edge names the permission that authorizes
// it on the order (the buyer's and seller's `own` grants, staff's `any`). `orders.cancel` is a
// party's say over the course of their order — cancel it, record it arrived, confirm receipt.
const asDispute = (c: OrderContext) => ({ kind: 'dispute' as const, buyerId: c.buyerId, sellerId: c.sellerId });
// Disputes are settled by the support desk (or by the system on a chargeback's outcome).
const resolvers = { permission: 'disputes.handle', object: asDispute, system: true } as const;

const remaining = (c: OrderContext) => c.totalMinor - c.refundedMinor;
function partialRefundGuard(c: OrderContext, p: { refundMinor: number }): GuardRefusal | null {
  return p.refundMinor < remaining(c) ? null : { reason: 'NOT_PARTIAL', message: `A partial refund must be less than the ${remaining(c)} still paid; refund in full instead` };
}
const refundAll = (c: OrderContext): OrderContext => ({ ...c, refundedMinor: c.totalMinor });
const refundSome = (c: OrderContext, p: { refundMinor: number }): OrderContext => ({ ...c, refundedMinor: c.refundedMinor + p.refundMinor });

const refund = { to: 'refunded', permission: 'orders.refund', assign: refundAll, emits: ['order.refunded'] } as const;
const refundPartially = { to: 'partially_refunded', permission: 'orders.refund', guardLabel: 'less than paid', guard: partialRefundGuard, assign: refundSome, emits: ['order.partially_refunded'] } as const;
// The buyer disputes a shipped or delivered order; the system also opens one for a chargeback (then
// even before shipping). A disputed order neither auto-completes nor releases its escrow.
const openDispute = { to: 'disputed', permission: 'disputes.open', object: asDispute, party: 'buyer', partyOnly: true, system: true, emits: ['order.disputed'] } as const;
const confirmReceipt = { to: 'completed', permission: 'orders.cancel', party: 'buyer', partyOnly: true, emits: ['order.completed'] } as const;
const autoCompleteTimer = { timer: 'order.autoComplete', command: 'auto_complete', afterMs: (c: OrderContext) => c.autoCompleteAfterMs } as const;

export const orderMachine = defineMachine<OrderState, typeof orderCommands, OrderContext>({
  id: 'order',
  label: 'Order',
  initial: 'awaiting_payment',
  commands: orderCommands,
  policyObject: (c) => ({ kind: 'order', buyerId: c.buyerId, sellerId: c.sellerId }),
  states: {
    awaiting_payment: {
      label: 'Awaiting payment',
      onEnter: [{ timer: 'order.paymentExpiry', command: 'expire_payment', afterMs: (c) => c.paymentWindowMs }],
      on: {
        mark_paid: { to: 'paid', system: true, emits: ['order.paid'] },
        // Before payment only the buyer's side (and staff) may call it off: the seller has nothing to cancel yet.
        cancel: { to: 'cancelled', permission: 'orders.cancel', party: 'buyer', emits: ['order.cancelled'] },
        expire_payment: { to: 'cancelled', system: true, emits: ['order.cancelled'] },
      },
    },
    paid: {
      label: 'Paid',
      on: {
        ship: { to: 'shipped', permission: 'orders.ship', emits: ['order.shipped'] },
        cancel: { to: 'cancelled', permission: 'orders.cancel', emits: ['order.cancelled'] },
        refund,
        open_dispute: { to: 'disputed', system: true, emits: ['order.disputed'] },
        // Risk checks: the money is captured and held in escrow, but nobody ships until a person looks.
        hold_for_review: { to: 'under_review', system: true, emits: ['order.held_for_review'] },
      },
    },
    under_review: {
      label: 'Under review',
      on: {
        approve_review: { to: 'paid', permission: 'risk.review', emits: ['order.review_approved'] },
        reject_review: { to: 'cancelled', permission: 'risk.review', emits: ['order.cancelled'] },
      },
    },
    shipped: {
      label: 'Shipped',
      on: {
        // The seller may record the carrier's delivery scan; the buyer keeps the auto-complete window to object.
        mark_delivered: { to: 'delivered', permission: 'orders.cancel', system: true, emits: ['order.delivered'] },
        open_dispute: openDispute,
        refund,
      },
    },
    delivered: {
      label: 'Delivered',
      onEnter: [autoCompleteTimer],
      on: {
        confirm_receipt: confirmReceipt,
        auto_complete: { to: 'completed', system: true, emits: ['order.completed'] },
        open_dispute: openDispute,
        refund,
        refund_partially: refundPartially,
      },
    },
    disputed: {
      label: 'Disputed',
      on: {
        resolve_for_buyer: { to: 'refunded', ...resolvers, assign: refundAll, emits: ['order.refunded'] },
        resolve_for_seller: { to: 'completed', ...resolvers, emits: ['order.completed'] },
        resolve_split: { ...refundPartially, ...resolvers },
      },
    },
    partially_refunded: {
      label: 'Partially refunded',
      onEnter: [autoCompleteTimer],
      on: {
        refund_partially: refundPartially,
        refund,
        confirm_receipt: confirmReceipt,
        auto_complete: { to: 'completed', system: true, emits: ['order.completed'] },
      },
    },
    completed: { label: 'Completed', terminal: true },
    cancelled: { label: 'Cancelled', terminal: true },
    refunded: { label: 'Refunded', terminal: true },
  },
  eventPayload(name, info) {
    const c = info.context;
    const base = { orderId: c.orderId, buyerId: c.buyerId, sellerId: c.sellerId, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    const refundMinor = c.refundedMinor - info.previousContext.refundedMinor;
    switch (name) {
      case 'order.paid':
        return { ...base, paymentId: payloadField<string>(info.payload, 'paymentId') };
      case 'order.shipped':
        return { ...base, carrier: payloadField<string>(info.payload, 'carrier'), trackingNumber: payloadField<string>(info.payload, 'trackingNumber') };
      case 'order.completed':
        return { ...base, automatic: info.command === 'auto_complete' };
      case 'order.cancelled':
        return { ...base, reason: payloadField<string>(info.payload, 'reason') ?? 'payment_timeout' };
      case 'order.held_for_review':
        return { ...base, score: payloadField<number>(info.payload, 'score') ?? 0 };
      case 'order.disputed':
        return { ...base, reason: payloadField<string>(info.payload, 'reason') };
      case 'order.refunded':
        return { ...base, currency: c.currency, refundMinor };
      case 'order.partially_refunded':
        return { ...base, currency: c.currency, refundMinor, refundedTotalMinor: c.refundedMinor };
      default:
        return base;
    }
  },
});
