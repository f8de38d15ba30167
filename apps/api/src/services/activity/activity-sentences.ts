// Every event of the catalogue as a sentence a person understands, and the thing it is about — the
// one label table of the Team activity feed (services/activity/list-activity.ts answers with it;
// the console renders the sentence and turns the subject into a link). Pure: names of people,
// orders and listings, and the queue rows of subjects, are looked up once per page and passed in.
// The table is keyed by every EventName, so a new event without a sentence does not compile, and a
// test walks the catalogue as well.
import { disputeReasonLabels, formatMoney, type EventName, type EventPayload, type QueueName } from '@marketdesk/domain';

/** What an entry links to; the console knows the pages (a queue row opens in its drawer). */
export type ActivitySubject =
  | { kind: 'order'; orderId: string }
  | { kind: 'queue_item'; queue: QueueName; itemId: string }
  | { kind: 'thread'; threadId: string }
  | { kind: 'queue'; queue: QueueName }
  | { kind: 'mail' };

export interface ActivitySentence {
  text: string;
  subject: ActivitySubject | null;
  tone: 'neutral' | 'good' | 'warning' | 'bad';
}

/** Look-ups for one page of events; each answers null when it does not know the id. */
export interface ActivityNames {
  person(id: string | null | undefined): string | null;
  orderNumber(orderId: string): string | null;
  listingTitle(listingId: string): string | null;
  /** The queue row a subject (dispute, listing, KYC check, payout, submission, held order) sits in. */
  queueItem(queue: QueueName, subjectId: string): string | null;
}

interface Context {
  names: ActivityNames;
  actorId: string | null;
}

type Describe<N extends EventName> = (p: EventPayload<N>, c: Context) => ActivitySentence;

const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency }, 'en-GB');
/** Who did it: a person's name, or Marketdesk itself (a timer, a provider report). */
const actor = (c: Context, id: string | null | undefined = c.actorId) => (id ? (c.names.person(id) ?? 'Someone') : 'Marketdesk');
const person = (c: Context, id: string | null | undefined, fallback: string) => c.names.person(id) ?? fallback;
const order = (c: Context, orderId: string) => {
  const n = c.names.orderNumber(orderId);
  return n ? `order ${n}` : 'an order';
};
const listing = (c: Context, listingId: string) => {
  const t = c.names.listingTitle(listingId);
  return t ? `“${t}”` : 'a listing';
};
/** The name this viewer may see for `id` (initials when masked), or the payload's when unknown. */
const shown = (c: Context, id: string, payloadName: string) => c.names.person(id) ?? payloadName;
const seller = (c: Context, sellerId: string) => person(c, sellerId, 'a seller');
const buyer = (c: Context, buyerId: string) => person(c, buyerId, 'the buyer');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const toOrder = (orderId: string): ActivitySubject => ({ kind: 'order', orderId });
const inQueue = (c: Context, queue: QueueName, subjectId: string, otherwise: ActivitySubject | null = null): ActivitySubject | null => {
  const itemId = c.names.queueItem(queue, subjectId);
  return itemId ? { kind: 'queue_item', queue, itemId } : otherwise;
};
const say = (text: string, subject: ActivitySubject | null, tone: ActivitySentence['tone'] = 'neutral'): ActivitySentence => ({ text, subject, tone });

const reasonLabel = (reason: string) => disputeReasonLabels[reason as keyof typeof disputeReasonLabels] ?? reason;

const cancelReasons: Record<string, string> = { payment_timeout: 'the payment was not completed in time' };

const providerEvents: Record<string, string> = {
  'payment.succeeded': 'a successful payment',
  'payment.failed': 'a failed payment',
  'payment.refunded': 'a refund',
  'dispute.created': 'a chargeback',
  'payout.paid': 'a payout that reached the bank',
  'payout.failed': 'a payout that failed',
  unhandled: 'an update Marketdesk does not act on',
};

const disputeOutcome = (p: EventPayload<'dispute.resolved'>) =>
  p.outcome === 'buyer' ? `a full refund (${money(p.buyerShareMinor, p.currency)})` : p.outcome === 'seller' ? 'the seller (no refund)' : `a partial refund of ${money(p.buyerShareMinor, p.currency)}`;

const slaKinds: Record<string, string> = { first_response: 'first response', seller_response: 'seller’s answer', buyer_response: 'buyer’s answer', resolution: 'resolution' };

const queueItem = (verb: string) => (p: EventPayload<'queue.item.claimed'>, c: Context) => say(`${actor(c)} ${verb} “${p.item.title}”`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId });

export const activitySentences: { [N in EventName]: Describe<N> } = {
  // People and accounts
  // The payload's names are shown only when the viewer may see this person's name (personName).
  'user.registered': (p, c) => say(`${shown(c, p.userId, p.displayName)} joined Marketdesk`, null, 'good'),
  'user.profile.updated': (p, c) => say(shown(c, p.userId, p.displayName) === p.displayName ? `${p.previousDisplayName} is now ${p.displayName}` : `${shown(c, p.userId, p.displayName)} changed their display name`, null),
  'session.revoked': (p, c) => say(p.everywhere ? `${person(c, p.userId, 'Someone')} signed out on every device` : `${person(c, p.userId, 'Someone')} signed out ${plural(p.sessionIds.length, 'device')}`, null),
  'mail.sent': (p) => say(`Email sent: “${p.subject}”`, { kind: 'mail' }),
  'notification.created': (p, c) => say(`${person(c, p.userId, 'Someone')} was notified: “${p.title}”`, null),
  'payment.webhook.received': (p) => say(`The payment provider reported ${providerEvents[p.type] ?? `an event (${p.type})`}`, null),

  // Orders
  'order.placed': (p, c) => say(`${buyer(c, p.buyerId)} placed order ${p.number} (${money(p.totalMinor, p.currency)}) with ${seller(c, p.sellerId)}`, toOrder(p.orderId), 'good'),
  'order.paid': (p, c) => say(`${buyer(c, p.buyerId)} paid for ${order(c, p.orderId)}; the money is held in escrow`, toOrder(p.orderId), 'good'),
  'order.held_for_review': (p, c) => say(capital(`${order(c, p.orderId)} is held for review (risk score ${p.score})`), inQueue(c, 'fraud', p.orderId, toOrder(p.orderId)), 'warning'),
  'order.review_approved': (p, c) => say(`${actor(c)} approved ${order(c, p.orderId)} after review; the seller was told`, toOrder(p.orderId), 'good'),
  'order.shipped': (p, c) => say(`${seller(c, p.sellerId)} shipped ${order(c, p.orderId)} with ${p.carrier.toUpperCase()}`, toOrder(p.orderId)),
  'order.delivered': (p, c) => say(capital(`${order(c, p.orderId)} was delivered`), toOrder(p.orderId)),
  'order.refund_failed': (p, c) =>
    say(capital(`the refund${p.refundMinor === null ? '' : ` of ${money(p.refundMinor, p.currency)}`} on ${order(c, p.orderId)} failed at the payment provider: ${p.reason}`), toOrder(p.orderId), 'warning'),
  'order.completed': (p, c) =>
    say(p.from === 'disputed' ? capital(`${order(c, p.orderId)} completed: the dispute was resolved for the seller`) : p.automatic ? capital(`${order(c, p.orderId)} completed by itself; the seller was paid`) : `${buyer(c, p.buyerId)} confirmed ${order(c, p.orderId)} arrived; the seller was paid`, toOrder(p.orderId), 'good'),
  'order.cancelled': (p, c) => say(`${actor(c)} cancelled ${order(c, p.orderId)}: ${cancelReasons[p.reason] ?? p.reason}`, toOrder(p.orderId), 'warning'),
  'order.refunded': (p, c) => say(capital(`${order(c, p.orderId)} was refunded in full: ${money(p.refundMinor, p.currency)} back to ${buyer(c, p.buyerId)}`), toOrder(p.orderId), 'warning'),
  'order.partially_refunded': (p, c) => say(`${money(p.refundMinor, p.currency)} of ${order(c, p.orderId)} went back to ${buyer(c, p.buyerId)}`, toOrder(p.orderId), 'warning'),
  'order.disputed': (p, c) => say(`${buyer(c, p.buyerId)} reported a problem with ${order(c, p.orderId)}: ${reasonLabel(p.reason)}`, toOrder(p.orderId), 'bad'),
  'order.payment_reported': (p, c) =>
    say(p.kind === 'dispute_opened' ? `The bank opened a chargeback of ${money(p.amountMinor, p.currency)} on ${order(c, p.orderId)}` : `The payment provider reports ${money(p.amountMinor, p.currency)} refunded on the payment for ${order(c, p.orderId)}`, toOrder(p.orderId), p.kind === 'dispute_opened' ? 'bad' : 'neutral'),
  'order.ledger_posted': (p, c) => say(`Money moved for ${order(c, p.orderId)}: ${money(p.amountMinor, p.currency)} (${p.code.replace(/_/g, ' ')})`, toOrder(p.orderId)),

  // Checkouts
  'checkout.created': (p, c) => say(`${buyer(c, p.buyerId)} started a checkout of ${money(p.totalMinor, p.currency)}`, null),
  'checkout.paid': (p, c) => say(`${buyer(c, p.buyerId)} paid for ${plural(p.orderIds.length, 'order')}`, p.orderIds[0] ? toOrder(p.orderIds[0]) : null, 'good'),
  'checkout.payment_failed': (p, c) => say(`A payment by ${buyer(c, p.buyerId)} failed${p.message ? `: ${p.message}` : ''}`, null, 'warning'),
  'checkout.expired': (p, c) => say(`A checkout by ${buyer(c, p.buyerId)} expired unpaid; its items are back on sale`, null),

  // Disputes
  'dispute.opened': (p, c) =>
    say(p.source === 'chargeback' ? `A chargeback opened a dispute on ${order(c, p.orderId)}` : `${buyer(c, p.buyerId)} opened a dispute on ${order(c, p.orderId)}: ${reasonLabel(p.reason)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId)), 'bad'),
  'dispute.seller_response_requested': (p, c) => say(`${actor(c)} asked ${seller(c, p.sellerId)} to answer the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.buyer_response_requested': (p, c) => say(`${actor(c)} asked ${buyer(c, p.buyerId)} to answer the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.review_started': (p, c) => say(`${actor(c)} started reviewing the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.seller_responded': (p, c) => say(`${seller(c, p.sellerId)} answered the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.buyer_responded': (p, c) => say(`${buyer(c, p.buyerId)} answered the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.escalated': (p, c) => say(`${actor(c)} escalated the dispute on ${order(c, p.orderId)} to a lead: ${p.reason}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId)), 'warning'),
  'dispute.resolved': (p, c) => say(`${actor(c)} resolved the dispute on ${order(c, p.orderId)} with ${disputeOutcome(p)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId)), 'good'),
  'dispute.withdrawn': (p, c) => say(`${buyer(c, p.buyerId)} withdrew the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.closed': (p, c) => say(`The dispute on ${order(c, p.orderId)} is closed`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),
  'dispute.sla.at_risk': (p, c) => say(`The dispute on ${order(c, p.orderId)} is at risk of missing its ${slaKinds[p.sla] ?? p.sla} deadline`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId)), 'warning'),
  'dispute.sla.breached': (p, c) => say(`The dispute on ${order(c, p.orderId)} missed its ${slaKinds[p.sla] ?? p.sla} deadline`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId)), 'bad'),
  'dispute.evidence_added': (p, c) =>
    say(`${p.party === 'staff' ? actor(c) : p.party === 'buyer' ? buyer(c, p.buyerId) : seller(c, p.sellerId)} added to the record of the dispute on ${order(c, p.orderId)}`, inQueue(c, 'disputes', p.disputeId, toOrder(p.orderId))),

  // Listings
  'listing.created': (p, c) => say(`${seller(c, p.sellerId)} drafted ${listing(c, p.listingId)}`, null),
  'listing.edited': (p, c) => say(`${actor(c)} edited ${listing(c, p.listingId)} (${p.fields.join(', ')})`, inQueue(c, 'listings', p.listingId)),
  'listing.submitted': (p, c) => say(`${seller(c, p.sellerId)} sent ${listing(c, p.listingId)} for review`, inQueue(c, 'listings', p.listingId)),
  'listing.approved': (p, c) => say(`${actor(c)} approved ${listing(c, p.listingId)}; it is on sale`, inQueue(c, 'listings', p.listingId), 'good'),
  'listing.rejected': (p, c) => say(`${actor(c)} rejected ${listing(c, p.listingId)}: ${p.reason}`, inQueue(c, 'listings', p.listingId), 'warning'),
  'listing.revised': (p, c) => say(`${seller(c, p.sellerId)} took ${listing(c, p.listingId)} back to draft to revise it`, inQueue(c, 'listings', p.listingId)),
  'listing.paused': (p, c) => say(`${actor(c)} paused ${listing(c, p.listingId)}`, null),
  'listing.resumed': (p, c) => say(`${actor(c)} put ${listing(c, p.listingId)} back on sale`, null),
  'listing.sold_out': (p, c) => say(capital(`${listing(c, p.listingId)} sold out`), null),
  'listing.restocked': (p, c) => say(`${actor(c)} restocked ${listing(c, p.listingId)} (${p.quantity} available)`, null),
  'listing.archived': (p, c) => say(`${actor(c)} archived ${listing(c, p.listingId)}`, null),
  'listing.deal_expired': (p, c) => say(`The deal on ${listing(c, p.listingId)} ended`, null),
  'listing.stock_changed': (p, c) => say(p.soldOut ? capital(`${listing(c, p.listingId)} has no stock left`) : capital(`${listing(c, p.listingId)} has ${p.available} left`), null),
  'listing.price_changed': (p, c) => say(`The price of ${listing(c, p.listingId)} went from ${money(p.fromMinor, p.currency)} to ${money(p.toMinor, p.currency)}`, null),

  // Seller submissions
  'submission.submitted': (p, c) => say(`${seller(c, p.sellerId)} submitted ${plural(p.itemCount, 'record')} to sell to us`, inQueue(c, 'submissions', p.submissionId)),
  'submission.claimed': (p, c) => say(`${person(c, p.reviewerId, 'Someone')} took the submission from ${seller(c, p.sellerId)}`, inQueue(c, 'submissions', p.submissionId)),
  'submission.released': (p, c) => say(`${actor(c)} put the submission from ${seller(c, p.sellerId)} back in the queue`, inQueue(c, 'submissions', p.submissionId)),
  'submission.quoted': (p, c) => say(`${actor(c)} offered ${seller(c, p.sellerId)} ${money(p.quoteMinor, p.currency)} for their submission`, inQueue(c, 'submissions', p.submissionId)),
  'submission.countered': (p, c) => say(`${seller(c, p.sellerId)} asked for ${money(p.counterMinor, p.currency)} instead`, inQueue(c, 'submissions', p.submissionId)),
  'submission.accepted': (p, c) => say(`The submission from ${seller(c, p.sellerId)} was agreed at ${money(p.agreedMinor, p.currency)}`, inQueue(c, 'submissions', p.submissionId), 'good'),
  'submission.rejected': (p, c) => say(`${actor(c)} turned down the submission from ${seller(c, p.sellerId)}: ${p.reason}`, inQueue(c, 'submissions', p.submissionId), 'warning'),
  'submission.expired': (p, c) => say(`The offer to ${seller(c, p.sellerId)} expired unanswered`, inQueue(c, 'submissions', p.submissionId)),
  'submission.withdrawn': (p, c) => say(`${seller(c, p.sellerId)} withdrew their submission`, inQueue(c, 'submissions', p.submissionId)),
  'submission.received': (p, c) => say(`The records from ${seller(c, p.sellerId)} arrived`, inQueue(c, 'submissions', p.submissionId)),
  'submission.listed': (p, c) => say(`The records from ${seller(c, p.sellerId)} are listed for sale`, inQueue(c, 'submissions', p.submissionId), 'good'),
  'submission.info_requested': (p, c) => say(`${actor(c)} asked ${seller(c, p.sellerId)} about their submission: ${p.message}`, inQueue(c, 'submissions', p.submissionId)),
  'submission.info_provided': (p, c) => say(`${seller(c, p.sellerId)} answered about their submission: ${p.message}`, inQueue(c, 'submissions', p.submissionId)),
  'submission.listings_created': (p, c) => say(`${plural(p.listingIds.length, 'listing')} ${p.listingIds.length === 1 ? 'was' : 'were'} created from the submission of ${seller(c, p.sellerId)}`, inQueue(c, 'submissions', p.submissionId)),
  'submission.purchased': (p, c) => say(`Marketdesk bought ${plural(p.itemCount, 'record')} from ${seller(c, p.sellerId)} for ${money(p.amountMinor, p.currency)}`, inQueue(c, 'submissions', p.submissionId), 'good'),

  // Identity checks
  'kyc.submitted': (p, c) => say(`${seller(c, p.sellerId)} sent their identity check`, inQueue(c, 'kyc', p.kycId)),
  'kyc.claimed': (p, c) => say(`${person(c, p.reviewerId, 'Someone')} took the identity check of ${seller(c, p.sellerId)}`, inQueue(c, 'kyc', p.kycId)),
  'kyc.released': (p, c) => say(`${actor(c)} put the identity check of ${seller(c, p.sellerId)} back in the queue`, inQueue(c, 'kyc', p.kycId)),
  'kyc.approved': (p, c) => say(`${actor(c)} verified ${seller(c, p.sellerId)}`, inQueue(c, 'kyc', p.kycId), 'good'),
  'kyc.rejected': (p, c) => say(`${actor(c)} turned down the identity check of ${seller(c, p.sellerId)}: ${p.reason}`, inQueue(c, 'kyc', p.kycId), 'warning'),
  'kyc.info_requested': (p, c) => say(`${actor(c)} asked ${seller(c, p.sellerId)} for more on their identity check: ${p.message}`, inQueue(c, 'kyc', p.kycId)),

  // Payouts
  'payout.requested': (p, c) => say(`${seller(c, p.sellerId)} asked for a payout of ${money(p.amountMinor, p.currency)}`, inQueue(c, 'payouts', p.payoutId)),
  'payout.approved': (p, c) => say(`${actor(c)} approved the payout of ${money(p.amountMinor, p.currency)} to ${seller(c, p.sellerId)}`, inQueue(c, 'payouts', p.payoutId), 'good'),
  'payout.rejected': (p, c) => say(`${actor(c)} turned down the payout of ${money(p.amountMinor, p.currency)} to ${seller(c, p.sellerId)}: ${p.reason}`, inQueue(c, 'payouts', p.payoutId), 'warning'),
  'payout.sent': (p, c) => say(`The payout of ${money(p.amountMinor, p.currency)} to ${seller(c, p.sellerId)} is on its way`, inQueue(c, 'payouts', p.payoutId)),
  'payout.paid': (p, c) => say(`The payout of ${money(p.amountMinor, p.currency)} reached ${seller(c, p.sellerId)}’s bank`, inQueue(c, 'payouts', p.payoutId), 'good'),
  'payout.failed': (p, c) => say(`The payout of ${money(p.amountMinor, p.currency)} to ${seller(c, p.sellerId)} failed: ${p.reason}`, inQueue(c, 'payouts', p.payoutId), 'bad'),

  // Fraud controls
  'risk.rules_changed': (p, c) => say(`${actor(c)} changed the order review rules (version ${p.version})`, { kind: 'queue', queue: 'fraud' }),
  'risk.user_flagged': (p, c) => say(`${actor(c)} flagged ${person(c, p.userId, 'a person')} as a risk`, null, 'warning'),
  'risk.user_unflagged': (p, c) => say(`${actor(c)} cleared the risk flag on ${person(c, p.userId, 'a person')}`, null),

  // Reviews
  'review.created': (p, c) => say(`${buyer(c, p.buyerId)} gave ${seller(c, p.sellerId)} ${plural(p.rating, 'star')} for ${order(c, p.orderId)}`, toOrder(p.orderId)),
  'review.updated': (p, c) => say(`${buyer(c, p.buyerId)} changed their review of ${order(c, p.orderId)} to ${plural(p.rating, 'star')}`, toOrder(p.orderId)),
  'review.replied': (p, c) => say(`${seller(c, p.sellerId)} replied to the review of ${order(c, p.orderId)}`, toOrder(p.orderId)),
  'review.hidden': (p, c) => say(`${actor(c)} hid the review of ${order(c, p.orderId)}: ${p.reason}`, toOrder(p.orderId), 'warning'),

  // Work queues
  'queue.item.added': (p) => say(`“${p.item.title}” joined the queue`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.item.claimed': queueItem('took'),
  'queue.item.released': queueItem('put back'),
  'queue.item.reassigned': (p, c) => say(`${actor(c)} handed “${p.item.title}” to ${person(c, p.toUserId, 'someone')}`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.item.claim_expired': (p, c) => say(`“${p.item.title}” went back to the queue after ${person(c, p.previousHolderId, 'its holder')} was idle`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.item.claim_extended': (p, c) => say(`${person(c, p.item.claimedBy, 'Its holder')} is still working on “${p.item.title}”`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.item.changed': (p, c) => say(`${actor(c)} ${p.action.replace(/_/g, ' ')} “${p.item.title}”`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.note.added': (p) => say(`${p.authorName} added a note`, { kind: 'queue_item', queue: p.queue, itemId: p.itemId }),
  'queue.export.progress': (p) => say(p.state === 'ready' ? `An export of ${plural(p.rows, 'row')} is ready` : p.state === 'failed' ? 'An export failed' : `An export is at ${p.rows} of ${p.total ?? '?'} rows`, null),
  'queue.bulk.progress': (p) => say(`A bulk ${p.action} is at ${p.done} of ${p.total}`, null),
  'queue.bulk.completed': (p) => say(`A bulk ${p.action} finished: ${p.succeeded} done, ${p.failures.length} failed`, null, p.failures.length ? 'warning' : 'good'),

  // Conversations
  'chat.message.created': (p) => say(`${p.message.author.role === 'support' ? 'Support' : p.message.author.name} wrote in a conversation`, { kind: 'thread', threadId: p.threadId }),
  'chat.message.edited': (p) => say('A message was edited', { kind: 'thread', threadId: p.threadId }),
  'chat.message.deleted': (p) => say('A message was deleted', { kind: 'thread', threadId: p.threadId }),
  'chat.message.hidden': (p) => say('A message was hidden by staff', { kind: 'thread', threadId: p.threadId }, 'warning'),
  'chat.thread.read': (p) => say(`The ${p.reader.role} read a conversation`, { kind: 'thread', threadId: p.threadId }),
  'chat.participant.joined': (p) => say(p.role === 'support' ? 'Support joined a conversation' : `The ${p.role} joined a conversation`, { kind: 'thread', threadId: p.threadId }),
  'chat.inbox.updated': (p) => say(p.order ? `New in the conversation about order ${p.order.number}: ${p.preview}` : p.listing ? `New in the conversation about “${p.listing.title}”: ${p.preview}` : `New in a conversation: ${p.preview}`, { kind: 'thread', threadId: p.threadId }),
};

/** The sentence for one stored event; an event this build does not know reads as its name. */
export function describeActivity(name: string, payload: unknown, names: ActivityNames, actorId: string | null): ActivitySentence {
  const describe = (activitySentences as Record<string, Describe<EventName> | undefined>)[name];
  if (!describe) return say(`Something happened (${name})`, null);
  try {
    return describe(payload as EventPayload<EventName>, { names, actorId });
  } catch {
    // An old event stored before its payload gained a field still gets a line.
    return say(`Something happened (${name})`, null);
  }
}
