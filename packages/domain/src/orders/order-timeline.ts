// An order's timeline as each person reads it — the one derivation for the buyer, the seller and
// staff (the API's order view calls it; the apps render what it returns).
//
// The order's stream (`order:{id}`) records every transition and every ledger transfer. One thing a
// person cares about is often several of those written in one transaction: a payment is
// `order.paid`, the capture, the escrow hold and `order.placed`; a split settlement is the state
// change, the partial release and the refund. So the events of one moment (one transaction: the
// same `occurredAt`) become at most one entry per headline event, with the ledger's transfers folded
// into the money that moved for the reader: the buyer sees what they paid and got back, the seller
// what is held for them, released to them or taken back, staff the whole split. Entries follow the
// order things happened in (equal instants by stream seq). Events a reader was never told about (a
// fraud check, for the seller; the provider confirming our own refund, for the parties) are left out.
import { disputeReasonLabels } from '../events/dispute-events.js';
import { carriers } from '../fulfillment/carriers.js';
import { formatMoney } from '../money/format.js';

export const timelineAudiences = ['buyer', 'seller', 'staff'] as const;
export type TimelineAudience = (typeof timelineAudiences)[number];

export interface OrderStreamEvent {
  id: string;
  seq: number;
  name: string;
  payload: Readonly<Record<string, unknown>>;
  occurredAt: Date | string;
}

/** How money moved for the reader: paid by them, back to them, or (sellers) held, released, taken. */
export type TimelineMoneyMove = 'paid' | 'refunded' | 'held' | 'released' | 'taken';

export interface OrderTimelineEntry {
  /** The id of the moment's first headline event (stable across refetches). */
  id: string;
  seq: number;
  occurredAt: string;
  /** The event the entry stands for (`order.shipped`), `review` or `money`. */
  kind: string;
  title: string;
  detail: string | null;
  money: { amountMinor: number; currency: string; move: TimelineMoneyMove } | null;
  tone: 'neutral' | 'good' | 'warning' | 'bad';
}

export interface OrderTimelineContext {
  audience: TimelineAudience;
  buyerName: string;
  currency: string;
  /** The order's total and fee, for the seller's net when the stream's transfers do not carry it. */
  totalMinor: number;
  feeMinor: number;
  review?: { id: string; rating: number; createdAt: Date | string } | null;
  /** For amounts; dates are the client's to write. */
  locale?: string;
}

/** The money of one moment, summed over its ledger transfers (transfer-parties.ts fields). */
interface MomentMoney {
  buyerPaidMinor: number;
  buyerBackMinor: number;
  sellerHeldMinor: number;
  sellerUnheldMinor: number;
  sellerReleasedMinor: number;
  sellerTakenMinor: number;
  feeHeldMinor: number;
  feeReleasedMinor: number;
}

interface Moment {
  at: number;
  events: OrderStreamEvent[];
  money: MomentMoney;
  has(name: string): OrderStreamEvent | undefined;
}

type Described = Omit<OrderTimelineEntry, 'id' | 'seq' | 'occurredAt' | 'kind'> | null;

interface Reading {
  ctx: OrderTimelineContext;
  m: (amountMinor: number) => string;
  /** Refunds the stream itself records (ours), to tell a provider's echo from a refund made elsewhere. */
  refundedHereMinor: number;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const sentence = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' ') || null;
const timeOf = (v: Date | string) => new Date(v).getTime();

function moneyOf(events: readonly OrderStreamEvent[]): MomentMoney {
  const sum: MomentMoney = { buyerPaidMinor: 0, buyerBackMinor: 0, sellerHeldMinor: 0, sellerUnheldMinor: 0, sellerReleasedMinor: 0, sellerTakenMinor: 0, feeHeldMinor: 0, feeReleasedMinor: 0 };
  for (const e of events) {
    if (e.name !== 'order.ledger_posted') continue;
    const p = e.payload;
    // Transfers recorded before the parties' shares were stored: the capture and refunds still read.
    const buyer = 'buyerMinor' in p ? num(p.buyerMinor) : p.code === 'payment_captured' ? -num(p.amountMinor) : p.kind === 'posted' && ['refund', 'dispute_settlement', 'clawback', 'chargeback'].includes(String(p.code)) ? num(p.amountMinor) : 0;
    const seller = num(p.sellerMinor);
    const fee = num(p.feeMinor);
    if (buyer < 0) sum.buyerPaidMinor -= buyer;
    else sum.buyerBackMinor += buyer;
    if (p.kind === 'pending') {
      sum.sellerHeldMinor += seller;
      sum.feeHeldMinor += fee;
    } else if (p.kind === 'void_pending') {
      sum.sellerUnheldMinor -= seller;
    } else if (p.kind === 'post_pending') {
      sum.sellerReleasedMinor += seller;
      sum.feeReleasedMinor += fee;
    } else if (seller < 0) {
      sum.sellerTakenMinor -= seller;
    }
  }
  return sum;
}

/** Events of one transaction share its `now`: consecutive equal instants are one moment. */
function momentsOf(events: readonly OrderStreamEvent[]): Moment[] {
  const sorted = [...events].sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt) || a.seq - b.seq);
  const groups: OrderStreamEvent[][] = [];
  for (const e of sorted) {
    const last = groups.at(-1);
    if (last && timeOf(last[0]!.occurredAt) === timeOf(e.occurredAt)) last.push(e);
    else groups.push([e]);
  }
  return groups.map((g) => ({ at: timeOf(g[0]!.occurredAt), events: g, money: moneyOf(g), has: (name: string) => g.find((e) => e.name === name) }));
}

/** What happened to the seller's money at this moment, as a sentence and a figure. */
function sellerMoney(mo: MomentMoney, r: Reading): { text: string | null; money: OrderTimelineEntry['money'] } {
  const c = r.ctx.currency;
  if (mo.sellerReleasedMinor > 0) return { text: `${r.m(mo.sellerReleasedMinor)} released to your balance.`, money: { amountMinor: mo.sellerReleasedMinor, currency: c, move: 'released' } };
  if (mo.sellerTakenMinor > 0) return { text: `${r.m(mo.sellerTakenMinor)} taken back from your balance.`, money: { amountMinor: mo.sellerTakenMinor, currency: c, move: 'taken' } };
  if (mo.sellerHeldMinor > 0) return { text: `${r.m(mo.sellerHeldMinor)} is held for you until the order completes.`, money: { amountMinor: mo.sellerHeldMinor, currency: c, move: 'held' } };
  if (mo.sellerUnheldMinor > 0) return { text: 'Nothing is paid out for this order.', money: null };
  return { text: null, money: null };
}

/** The whole split of a moment, for staff. */
function staffMoney(mo: MomentMoney, r: Reading): string | null {
  const parts = [
    mo.buyerPaidMinor > 0 && `${r.m(mo.buyerPaidMinor)} paid into escrow`,
    mo.buyerBackMinor > 0 && `${r.m(mo.buyerBackMinor)} back to the buyer’s card`,
    mo.sellerHeldMinor > 0 && `${r.m(mo.sellerHeldMinor)} held for the seller (fee ${r.m(mo.feeHeldMinor)})`,
    mo.sellerReleasedMinor > 0 && `${r.m(mo.sellerReleasedMinor)} released to the seller (fee ${r.m(mo.feeReleasedMinor)})`,
    mo.sellerTakenMinor > 0 && `${r.m(mo.sellerTakenMinor)} taken back from the seller`,
  ].filter(Boolean);
  return parts.length ? `${parts.join('; ')}.` : null;
}

const paidMoney = (amountMinor: number, r: Reading): OrderTimelineEntry['money'] => (amountMinor > 0 ? { amountMinor, currency: r.ctx.currency, move: 'paid' } : null);
const refundMoney = (amountMinor: number, r: Reading): OrderTimelineEntry['money'] => (amountMinor > 0 ? { amountMinor, currency: r.ctx.currency, move: 'refunded' } : null);

/** The seller hears of the order: paid, with their net held until the buyer has it. */
function sellerPlacement(paidMinor: number, mo: MomentMoney, r: Reading): Described {
  const netMinor = mo.sellerHeldMinor || r.ctx.totalMinor - r.ctx.feeMinor;
  const feeMinor = mo.sellerHeldMinor ? mo.feeHeldMinor : r.ctx.feeMinor;
  return {
    title: `Order placed by ${r.ctx.buyerName}`,
    detail: `${r.ctx.buyerName} paid ${r.m(paidMinor)}. Your ${r.m(netMinor)} (after the ${r.m(feeMinor)} fee) is held until they have the order.`,
    money: { amountMinor: netMinor, currency: r.ctx.currency, move: 'held' },
    tone: 'good',
  };
}

function payment(_e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  const placed = mo.has('order.placed');
  const held = mo.has('order.held_for_review');
  const paidMinor = mo.money.buyerPaidMinor || num(placed?.payload.totalMinor) || r.ctx.totalMinor;
  switch (r.ctx.audience) {
    case 'buyer':
      return held
        ? { title: 'Order placed and paid', detail: 'Your payment is safe. We are checking the order before it goes to the seller.', money: paidMoney(paidMinor, r), tone: 'good' }
        : { title: placed ? 'Order placed and paid' : 'Payment received', detail: 'Your payment is held safely until your order arrives.', money: paidMoney(paidMinor, r), tone: 'good' };
    case 'seller':
      // A held order is not the seller's business until a person approves it.
      return held ? null : sellerPlacement(paidMinor, mo.money, r);
    case 'staff':
      return {
        title: held ? 'Paid — held for review' : `Order placed and paid by ${r.ctx.buyerName}`,
        detail: sentence(staffMoney(mo.money, r), held && `Risk score ${num(held.payload.score)}.`),
        money: paidMoney(paidMinor, r),
        tone: held ? 'warning' : 'good',
      };
  }
}

function heldForReview(e: OrderStreamEvent, _mo: Moment, r: Reading): Described {
  if (r.ctx.audience === 'seller') return null;
  if (r.ctx.audience === 'buyer') return { title: 'Being checked', detail: 'Your payment is safe. We are checking the order before it goes to the seller.', money: null, tone: 'warning' };
  return { title: 'Held for review', detail: `Risk score ${num(e.payload.score)}.`, money: null, tone: 'warning' };
}

function reviewApproved(_e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  const placed = mo.has('order.placed');
  if (r.ctx.audience === 'seller') return sellerPlacement(num(placed?.payload.totalMinor) || r.ctx.totalMinor, mo.money, r);
  if (r.ctx.audience === 'buyer') return { title: 'Check complete — sent to the seller', detail: 'The seller has been told and will ship your order.', money: null, tone: 'good' };
  return { title: 'Approved after review', detail: 'The seller was told.', money: null, tone: 'good' };
}

function placedAlone(e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  if (r.ctx.audience === 'seller') return sellerPlacement(num(e.payload.totalMinor) || r.ctx.totalMinor, mo.money, r);
  const number = str(e.payload.number);
  return { title: r.ctx.audience === 'buyer' ? 'Order placed' : `Order placed by ${r.ctx.buyerName}`, detail: number ? `Order ${number}` : null, money: null, tone: 'neutral' };
}

function shipped(e: OrderStreamEvent): Described {
  const id = str(e.payload.carrier);
  const carrier = id && Object.hasOwn(carriers, id) ? carriers[id as keyof typeof carriers].label : id;
  const tracking = str(e.payload.trackingNumber);
  return { title: carrier ? `Shipped with ${carrier}` : 'Shipped', detail: tracking ? `Tracking number ${tracking}` : null, money: null, tone: 'neutral' };
}

function delivered(_e: OrderStreamEvent, _mo: Moment, r: Reading): Described {
  return { title: 'Delivered', detail: r.ctx.audience === 'buyer' ? 'The parcel arrived. Something wrong? Report a problem from this page.' : null, money: null, tone: 'neutral' };
}

function disputed(e: OrderStreamEvent, _mo: Moment, r: Reading): Described {
  const reason = str(e.payload.reason);
  const label = reason ? (disputeReasonLabels[reason as keyof typeof disputeReasonLabels] ?? reason) : null;
  const { audience, buyerName } = r.ctx;
  if (reason === 'chargeback') {
    const title = audience === 'buyer' ? 'You disputed the payment with your bank' : audience === 'seller' ? 'The buyer disputed the payment with their bank' : 'Chargeback: dispute opened';
    return { title, detail: 'The payment stays on hold until it is settled.', money: null, tone: 'bad' };
  }
  if (audience === 'buyer') return { title: 'You reported a problem', detail: sentence(label && `${label}.`, 'The payment stays on hold until Support settles it.'), money: null, tone: 'warning' };
  if (audience === 'seller') return { title: `${buyerName} reported a problem`, detail: sentence(label && `${label}.`, 'Your money stays on hold until Support settles it.'), money: null, tone: 'warning' };
  return { title: 'Dispute opened by the buyer', detail: label, money: null, tone: 'warning' };
}

/** order.refunded and order.partially_refunded: by the seller, staff, or a dispute's resolution. */
function refunded(e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  const partial = e.name === 'order.partially_refunded';
  const fromDispute = e.payload.from === 'disputed';
  const refundMinor = num(e.payload.refundMinor) || mo.money.buyerBackMinor;
  const outcome = partial ? 'partial refund' : 'full refund';
  const { audience, buyerName } = r.ctx;
  if (audience === 'buyer') {
    return { title: fromDispute ? `Dispute resolved: ${outcome}` : partial ? 'Partly refunded' : 'Refunded', detail: `${r.m(refundMinor)} back to your card.`, money: refundMoney(refundMinor, r), tone: 'good' };
  }
  if (audience === 'seller') {
    const mine = sellerMoney(mo.money, r);
    const title = fromDispute ? `Dispute resolved: ${outcome} to the buyer` : partial ? 'Partly refunded to the buyer' : 'Refunded to the buyer';
    return { title, detail: sentence(`${r.m(refundMinor)} refunded to ${buyerName}.`, mine.text), money: mine.money, tone: 'warning' };
  }
  return { title: fromDispute ? `Dispute resolved: ${outcome}` : partial ? 'Partly refunded' : 'Refunded in full', detail: staffMoney(mo.money, r) ?? `${r.m(refundMinor)} back to the buyer’s card.`, money: refundMoney(refundMinor, r), tone: 'warning' };
}

function completed(e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  const fromDispute = e.payload.from === 'disputed';
  const automatic = e.payload.automatic === true;
  const { audience, buyerName } = r.ctx;
  if (audience === 'buyer') {
    if (fromDispute) return { title: 'Dispute resolved: no refund', detail: 'Support decided for the seller; the payment goes to them.', money: null, tone: 'neutral' };
    return { title: 'Completed', detail: automatic ? 'Completed by itself when the time to report a problem ended.' : 'You confirmed that the order arrived.', money: null, tone: 'good' };
  }
  const why = fromDispute ? null : automatic ? 'Completed by itself when the time to report a problem ended.' : `${buyerName} confirmed that the order arrived.`;
  if (audience === 'seller') {
    const mine = sellerMoney(mo.money, r);
    return { title: fromDispute ? 'Dispute resolved in your favour' : 'Completed', detail: sentence(why, mine.text), money: mine.money, tone: 'good' };
  }
  const released = mo.money.sellerReleasedMinor + mo.money.feeReleasedMinor;
  return { title: fromDispute ? 'Dispute resolved for the seller' : 'Completed', detail: sentence(why, staffMoney(mo.money, r)), money: released > 0 ? { amountMinor: released, currency: r.ctx.currency, move: 'released' } : null, tone: 'good' };
}

const cancelReasons: Record<string, string> = { payment_timeout: 'The payment was not completed in time.' };

function cancelled(e: OrderStreamEvent, mo: Moment, r: Reading): Described {
  const afterReview = e.payload.from === 'under_review';
  const reason = str(e.payload.reason);
  const reasonText = reason ? (cancelReasons[reason] ?? reason) : null;
  const back = mo.money.buyerBackMinor;
  if (r.ctx.audience === 'buyer') {
    // The reviewer's reason is for staff; the buyer learns the outcome and that they are repaid.
    if (afterReview) return { title: 'Cancelled after our check', detail: sentence('We could not accept this order.', back > 0 && `${r.m(back)} back to your card.`), money: refundMoney(back, r), tone: 'bad' };
    return { title: 'Cancelled', detail: sentence(reasonText, back > 0 && `${r.m(back)} back to your card.`), money: refundMoney(back, r), tone: 'neutral' };
  }
  if (r.ctx.audience === 'seller') return afterReview ? null : { title: 'Cancelled', detail: sentence(reasonText, sellerMoney(mo.money, r).text), money: null, tone: 'neutral' };
  return { title: afterReview ? 'Rejected after review' : 'Cancelled', detail: sentence(reasonText && `${reasonText.replace(/\.$/, '')}.`, staffMoney(mo.money, r)), money: refundMoney(back, r), tone: afterReview ? 'bad' : 'neutral' };
}

/** A refund or chargeback the provider told us about. Our own refunds echo back as reports. */
function providerReport(e: OrderStreamEvent, _mo: Moment, r: Reading): Described {
  const amountMinor = num(e.payload.amountMinor);
  const detail = str(e.payload.detail);
  const { audience } = r.ctx;
  if (e.payload.kind === 'dispute_opened') {
    // The parties read the chargeback on the dispute it opens (order.disputed).
    return audience === 'staff' ? { title: 'Chargeback reported by the payment provider', detail: sentence(`${r.m(amountMinor)}.`, detail), money: null, tone: 'bad' } : null;
  }
  const ours = amountMinor <= r.refundedHereMinor;
  if (ours) return audience === 'staff' ? { title: 'The payment provider confirmed the refund', detail: `${r.m(amountMinor)} refunded on the payment in total.`, money: null, tone: 'neutral' } : null;
  if (audience === 'buyer') return { title: 'Refunded by the payment provider', detail: `${r.m(amountMinor)} back to your card.`, money: refundMoney(amountMinor, r), tone: 'good' };
  const title = audience === 'seller' ? 'Refund made at the payment provider' : 'Refund made at the payment provider, not through Marketdesk';
  return { title, detail: sentence(`${r.m(amountMinor)} refunded on the payment.`, detail), money: null, tone: 'warning' };
}

/** A refund the provider did not take: staff settle it; the buyer learns it is delayed, not why. */
function refundFailed(e: OrderStreamEvent, _mo: Moment, r: Reading): Described {
  const amount = e.payload.refundMinor === null || e.payload.refundMinor === undefined ? 'The refund' : `The refund of ${r.m(num(e.payload.refundMinor))}`;
  if (r.ctx.audience === 'buyer') return { title: 'Your refund is delayed', detail: `${amount} did not go through at the payment provider yet. Our team has been told and will sort it out.`, money: null, tone: 'warning' };
  if (r.ctx.audience === 'staff') return { title: 'Refund failed at the payment provider', detail: sentence(`${amount} was not taken: ${str(e.payload.reason) ?? 'no reason given'}.`, 'Settle it with the provider.'), money: null, tone: 'bad' };
  return null;
}

/** A moment with transfers but no transition (a refund taken from an order already settled). */
function moneyAlone(mo: Moment, r: Reading): Described {
  const { audience } = r.ctx;
  if (audience === 'buyer') return mo.money.buyerBackMinor > 0 ? { title: 'Refund', detail: `${r.m(mo.money.buyerBackMinor)} back to your card.`, money: refundMoney(mo.money.buyerBackMinor, r), tone: 'good' } : null;
  if (audience === 'seller') {
    const mine = sellerMoney(mo.money, r);
    return mine.text ? { title: mine.money?.move === 'taken' ? 'Taken back from your balance' : 'Your money moved', detail: mine.text, money: mine.money, tone: 'warning' } : null;
  }
  const detail = staffMoney(mo.money, r);
  return detail ? { title: 'Money moved', detail, money: refundMoney(mo.money.buyerBackMinor, r), tone: 'neutral' } : null;
}

type Describer = (e: OrderStreamEvent, mo: Moment, r: Reading) => Described | 'folded' | 'money';

/**
 * Every event an order's stream carries: a headline (an entry of its own), folded into another
 * headline of its moment, or money. The catalogue test checks that each order event is listed.
 */
export const orderTimelineEvents = {
  'order.paid': payment,
  'order.held_for_review': (e, mo, r) => (mo.has('order.paid') ? 'folded' : heldForReview(e, mo, r)),
  'order.review_approved': reviewApproved,
  'order.placed': (e, mo, r) => (mo.has('order.paid') || mo.has('order.review_approved') ? 'folded' : placedAlone(e, mo, r)),
  'order.shipped': shipped,
  'order.delivered': delivered,
  'order.disputed': disputed,
  'order.refunded': refunded,
  'order.partially_refunded': refunded,
  'order.completed': completed,
  'order.cancelled': cancelled,
  'order.payment_reported': providerReport,
  'order.refund_failed': refundFailed,
  'order.ledger_posted': () => 'money',
} as const satisfies Record<string, Describer>;

function isKnown(name: string): name is keyof typeof orderTimelineEvents {
  return Object.hasOwn(orderTimelineEvents, name);
}

function refundsRecorded(events: readonly OrderStreamEvent[]): number {
  let total = 0;
  for (const e of events) if (e.name === 'order.refunded' || e.name === 'order.partially_refunded') total += num(e.payload.refundMinor);
  // Refunds made without a transition (an order already settled) are on the stream as transfers.
  for (const mo of momentsOf(events)) if (!mo.events.some((e) => e.name === 'order.refunded' || e.name === 'order.partially_refunded')) total += mo.money.buyerBackMinor;
  return total;
}

function reviewEntry(review: NonNullable<OrderTimelineContext['review']>, ctx: OrderTimelineContext): OrderTimelineEntry {
  const title = ctx.audience === 'buyer' ? `You left a ${review.rating}-star review` : `${ctx.buyerName} left a ${review.rating}-star review`;
  return { id: `review:${review.id}`, seq: Number.MAX_SAFE_INTEGER, occurredAt: new Date(review.createdAt).toISOString(), kind: 'review', title, detail: null, money: null, tone: 'neutral' };
}

/** The order's stream as `ctx.audience` reads it, oldest first. */
export function orderTimeline(events: readonly OrderStreamEvent[], ctx: OrderTimelineContext): OrderTimelineEntry[] {
  const r: Reading = { ctx, m: (amountMinor) => formatMoney({ amountMinor, currency: ctx.currency }, ctx.locale ?? 'en-GB'), refundedHereMinor: refundsRecorded(events) };
  const entries: OrderTimelineEntry[] = [];
  for (const mo of momentsOf(events)) {
    const headlines = mo.events.filter((e) => e.name !== 'order.ledger_posted');
    const occurredAt = new Date(mo.at).toISOString();
    for (const e of headlines) {
      const described = isKnown(e.name) ? orderTimelineEvents[e.name](e, mo, r) : unknownEvent(e, r);
      if (described && described !== 'folded' && described !== 'money') entries.push({ id: e.id, seq: e.seq, occurredAt, kind: e.name, ...described });
    }
    if (headlines.length === 0) {
      const first = mo.events[0]!;
      const described = moneyAlone(mo, r);
      if (described) entries.push({ id: first.id, seq: first.seq, occurredAt, kind: 'money', ...described });
    }
  }
  if (ctx.review) entries.push(reviewEntry(ctx.review, ctx));
  return entries.sort((a, b) => timeOf(a.occurredAt) - timeOf(b.occurredAt) || a.seq - b.seq);
}

/** An event this table does not know yet: staff see its name; the parties are not shown codes. */
function unknownEvent(e: OrderStreamEvent, r: Reading): Described {
  if (r.ctx.audience !== 'staff') return null;
  return { title: e.name, detail: null, money: null, tone: 'neutral' };
}
