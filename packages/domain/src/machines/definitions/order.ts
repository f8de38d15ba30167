// Order lifecycle. Money moves alongside (see ledger/flows/escrow.ts): the service captures into
// escrow on `mark_paid`, releases on `completed`, refunds on `refunded` / `partially_refunded`, and
// refunds in full when a paid order is cancelled (the `from` of order.cancelled says so).
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue, GuardRefusal, MachineRole } from '../types.js';
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

const ownBuyer = { buyer: (c: OrderContext) => [c.buyerId] };
const ownSeller = { seller: (c: OrderContext) => [c.sellerId] };
const ownParties = { ...ownBuyer, ...ownSeller };
const refunders: MachineRole[] = ['seller', 'agent', 'admin'];
const resolvers: MachineRole[] = ['agent', 'admin', 'system'];

const remaining = (c: OrderContext) => c.totalMinor - c.refundedMinor;
function partialRefundGuard(c: OrderContext, p: { refundMinor: number }): GuardRefusal | null {
  return p.refundMinor < remaining(c) ? null : { reason: 'NOT_PARTIAL', message: `A partial refund must be less than the ${remaining(c)} still paid; refund in full instead` };
}
const refundAll = (c: OrderContext): OrderContext => ({ ...c, refundedMinor: c.totalMinor });
const refundSome = (c: OrderContext, p: { refundMinor: number }): OrderContext => ({ ...c, refundedMinor: c.refundedMinor + p.refundMinor });

const refund = { to: 'refunded', allowedRoles: refunders, scopedTo: ownSeller, assign: refundAll, emits: ['order.refunded'] } as const;
const refundPartially = { to: 'partially_refunded', allowedRoles: refunders, scopedTo: ownSeller, guardLabel: 'less than paid', guard: partialRefundGuard, assign: refundSome, emits: ['order.partially_refunded'] } as const;
// The buyer disputes a shipped or delivered order; the system also opens one for a chargeback (then
// even before shipping). A disputed order neither auto-completes nor releases its escrow.
const openDispute = { to: 'disputed', allowedRoles: ['buyer', 'system'], scopedTo: ownBuyer, emits: ['order.disputed'] } as const;
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
        mark_paid: { to: 'paid', allowedRoles: ['system'], emits: ['order.paid'] },
        cancel: { to: 'cancelled', allowedRoles: ['buyer', 'agent', 'admin'], scopedTo: ownBuyer, emits: ['order.cancelled'] },
        expire_payment: { to: 'cancelled', allowedRoles: ['system'], emits: ['order.cancelled'] },
      },
    },
    paid: {
      label: 'Paid',
      on: {
        // Authorized by the `orders.ship` grant (sellers: own orders; admins: any), as the console shows it.
        ship: { to: 'shipped', allowedRoles: ['seller', 'admin'], permission: 'orders.ship', emits: ['order.shipped'] },
        cancel: { to: 'cancelled', allowedRoles: ['buyer', 'seller', 'agent', 'admin'], scopedTo: ownParties, emits: ['order.cancelled'] },
        refund,
        open_dispute: { ...openDispute, allowedRoles: ['system'] },
        // Risk checks: the money is captured and held in escrow, but nobody ships until a person looks.
        hold_for_review: { to: 'under_review', allowedRoles: ['system'], emits: ['order.held_for_review'] },
      },
    },
    under_review: {
      label: 'Under review',
      on: {
        approve_review: { to: 'paid', allowedRoles: ['agent', 'admin'], emits: ['order.review_approved'] },
        reject_review: { to: 'cancelled', allowedRoles: ['agent', 'admin'], emits: ['order.cancelled'] },
      },
    },
    shipped: {
      label: 'Shipped',
      on: {
        // The seller may record the carrier's delivery scan; the buyer keeps the auto-complete window to object.
        mark_delivered: { to: 'delivered', allowedRoles: ['system', 'buyer', 'seller', 'agent', 'admin'], scopedTo: ownParties, emits: ['order.delivered'] },
        open_dispute: openDispute,
        refund,
      },
    },
    delivered: {
      label: 'Delivered',
      onEnter: [autoCompleteTimer],
      on: {
        confirm_receipt: { to: 'completed', allowedRoles: ['buyer'], scopedTo: ownBuyer, emits: ['order.completed'] },
        auto_complete: { to: 'completed', allowedRoles: ['system'], emits: ['order.completed'] },
        open_dispute: openDispute,
        refund,
        refund_partially: refundPartially,
      },
    },
    disputed: {
      label: 'Disputed',
      on: {
        resolve_for_buyer: { to: 'refunded', allowedRoles: resolvers, assign: refundAll, emits: ['order.refunded'] },
        resolve_for_seller: { to: 'completed', allowedRoles: resolvers, emits: ['order.completed'] },
        resolve_split: { ...refundPartially, allowedRoles: resolvers, scopedTo: {} },
      },
    },
    partially_refunded: {
      label: 'Partially refunded',
      onEnter: [autoCompleteTimer],
      on: {
        refund_partially: refundPartially,
        refund,
        confirm_receipt: { to: 'completed', allowedRoles: ['buyer'], scopedTo: ownBuyer, emits: ['order.completed'] },
        auto_complete: { to: 'completed', allowedRoles: ['system'], emits: ['order.completed'] },
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
