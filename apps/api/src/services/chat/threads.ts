// Opening threads (an order's, created on first use; a pre-sale one per buyer and listing), the
// lists people see (their threads with unread counts, the support inbox) and support joining.
import { randomUUID } from 'node:crypto';
import { hasGrant, type ChatRole } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { chatThreadRepository, type ThreadListRow, type ThreadRecord } from '../../repositories/chat-thread-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { accessThread, canWrite, threadRooms, type ChatActor } from './thread-access.js';
import { postSystemMessage } from './system-messages.js';
import { threadPreview } from './thread-preview.js';

export interface ThreadSummary {
  id: string;
  kind: ThreadRecord['kind'];
  title: string;
  order: { id: string; number: string } | null;
  listing: { id: string; title: string; slug: string } | null;
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  /** Who the viewer talks to, as a heading ("Vinyl Vera", or "Bea ↔ Vinyl Vera" for support). */
  counterpart: string;
  myRole: ChatRole | null;
  lastMessageSeq: number;
  lastMessageAtMs: number | null;
}

export interface ThreadListItem extends ThreadSummary {
  unread: number;
  joined: boolean;
  supportJoined: boolean;
  preview: string;
}

export function threadSummary(t: ThreadRecord, myRole: ChatRole | null): ThreadSummary {
  const counterpart = myRole === 'buyer' ? t.sellerName : myRole === 'seller' ? t.buyerName : `${t.buyerName} ↔ ${t.sellerName}`;
  return {
    id: t.id,
    kind: t.kind,
    title: t.kind === 'order' ? `Order ${t.orderNumber ?? ''}`.trim() : (t.listingTitle ?? 'A listing'),
    order: t.orderId ? { id: t.orderId, number: t.orderNumber ?? '' } : null,
    listing: t.listingId ? { id: t.listingId, title: t.listingTitle ?? '', slug: t.listingSlug ?? '' } : null,
    buyer: { id: t.buyerId, name: t.buyerName },
    seller: { id: t.sellerId, name: t.sellerName },
    counterpart,
    myRole,
    lastMessageSeq: t.lastMessageSeq,
    lastMessageAtMs: t.lastMessageAt?.getTime() ?? null,
  };
}

const listItem = (r: ThreadListRow): ThreadListItem => ({ ...threadSummary(r, r.myRole), unread: r.unread, joined: r.myRole !== null, supportJoined: r.supportJoined, preview: threadPreview(r) });

/** The order's thread (created on first use) for its buyer, its seller, or support staff. */
export async function threadForOrder(em: EntityManager, actor: ChatActor, orderId: string, now: Date): Promise<ThreadSummary> {
  const order = await checkoutRepository.findOrder(em, orderId);
  const party = order && (order.buyerId === actor.id || order.sellerId === actor.id);
  if (!order || (!party && !hasGrant(actor, 'chat.support'))) throw new AppError('NOT_FOUND', 'This order does not exist.');
  let thread = await chatThreadRepository.findByOrder(em, order.id);
  if (!thread) {
    await em.transactional((tx) => chatThreadRepository.insertIfAbsent(tx, { id: randomUUID(), kind: 'order', orderId: order.id, listingId: null, buyerId: order.buyerId, sellerId: order.sellerId, now }));
    thread = (await chatThreadRepository.findByOrder(em, order.id))!;
  }
  const access = await accessThread(em, thread.id, actor);
  return threadSummary(access.thread, access.role);
}

/** "Ask the seller": the buyer's pre-sale thread about a listing (one per buyer and listing). */
export async function presaleThread(em: EntityManager, actor: ChatActor, listingId: string, now: Date): Promise<ThreadSummary> {
  const listing = await listingRepository.findById(em, listingId);
  if (!listing || !['active', 'paused', 'sold_out'].includes(listing.state)) throw new AppError('NOT_FOUND', 'This listing does not exist or is no longer available.');
  if (listing.sellerId === actor.id) throw new AppError('BAD_REQUEST', 'This is your own listing: buyers ask you about it from its page.', { reason: 'OWN_LISTING' });
  let thread = await chatThreadRepository.findPresale(em, listing.id, actor.id);
  if (!thread) {
    await em.transactional((tx) => chatThreadRepository.insertIfAbsent(tx, { id: randomUUID(), kind: 'presale', orderId: null, listingId: listing.id, buyerId: actor.id, sellerId: listing.sellerId, now }));
    thread = (await chatThreadRepository.findPresale(em, listing.id, actor.id))!;
  }
  return threadSummary(thread, 'buyer');
}

export async function threadDetails(em: EntityManager, actor: ChatActor, threadId: string) {
  const access = await accessThread(em, threadId, actor);
  return { ...threadSummary(access.thread, access.role), joined: access.joined, canWrite: canWrite(access), staff: access.staff };
}

export async function myThreads(em: EntityManager, actor: ChatActor, opts: { kind?: ThreadRecord['kind'] | undefined; limit: number }): Promise<ThreadListItem[]> {
  return (await chatThreadRepository.listForUser(em, actor.id, opts)).map(listItem);
}

export async function supportInbox(em: EntityManager, actor: ChatActor, opts: { joinedOnly: boolean; limit: number }): Promise<ThreadListItem[]> {
  if (!hasGrant(actor, 'chat.support')) throw new AppError('FORBIDDEN', 'Only support staff have an inbox of order conversations.');
  return (await chatThreadRepository.listForSupport(em, actor.id, opts)).map(listItem);
}

export function unreadSummary(em: EntityManager, actor: ChatActor) {
  return chatThreadRepository.unreadTotal(em, actor.id);
}

/**
 * A support agent joins an order thread: they become a participant (unread counts, receipts) and
 * everyone sees "Support joined the conversation". Joining twice is a no-op.
 */
export async function joinAsSupport(em: EntityManager, actor: ChatActor, threadId: string, now: Date): Promise<{ joined: boolean }> {
  return em.transactional(async (tx) => {
    const access = await accessThread(tx, threadId, actor, { forUpdate: true });
    if (access.role !== 'support') throw new AppError('BAD_REQUEST', 'You are already part of this conversation.', { reason: 'ALREADY_PARTY' });
    if (access.thread.kind !== 'order') throw new AppError('FORBIDDEN', 'Support joins order conversations only; pre-sale questions stay between buyer and seller.', { reason: 'PRESALE' });
    await joinWithin(tx, access.thread, actor.id, now);
    return { joined: true };
  });
}

/** Inside a transaction holding the thread: add the agent and tell the room. False when already joined. */
export async function joinWithin(tx: EntityManager, thread: ThreadRecord, agentId: string, now: Date): Promise<boolean> {
  const added = await chatThreadRepository.addParticipant(tx, thread.id, agentId, 'support', thread.lastMessageSeq, now);
  if (!added) return false;
  const participants = await chatThreadRepository.participants(tx, thread.id);
  await recordEvent(tx, { stream: `thread:${thread.id}`, name: 'chat.participant.joined', payload: { threadId: thread.id, role: 'support' }, rooms: threadRooms(thread, participants), actorId: null, now });
  await postSystemMessage(tx, thread.id, 'Support joined the conversation.', now);
  return true;
}
