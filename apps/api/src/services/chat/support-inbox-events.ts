// The support inbox, live. Agents see an order conversation's messages live only in threads they
// joined (thread and user rooms); a new order conversation, or a new message in one no one opened,
// reached them only through a 30-second poll. Every change to an order thread's last message is
// therefore summarised, in the same transaction, for the staff room `support:inbox` (staff with
// chat.support): which thread, its order or listing, a one-line preview and how many buyer and
// seller messages support has not read. The preview follows the rule for live payloads: a room is
// not one checked viewer, so contact details are masked and no one is named; the inbox refetches
// the rest through chat.supportInbox.
import { maskContactDetails, supportInboxRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { phoneNumberFinder } from '../../integrations/phone-numbers/phone-number-finder.js';
import { chatThreadRepository } from '../../repositories/chat-thread-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { threadPreview } from './thread-preview.js';

/** Records `chat.inbox.updated` for an order thread (pre-sale threads are not support's). Call after the change is written. */
export async function announceToSupportInbox(tx: EntityManager, threadId: string, now: Date): Promise<void> {
  const row = await chatThreadRepository.summaryRow(tx, threadId);
  if (!row || row.kind !== 'order' || row.lastMessageAt === null) return;
  const lastBody = row.lastBody === null ? null : maskContactDetails(row.lastBody, await phoneNumberFinder()).text;
  await recordEvent(tx, {
    // Its own stream per thread: the thread's stream (`thread:{id}`) numbers what its members
    // receive, and one stream for the whole inbox would serialise every order chat on one row.
    stream: `support-inbox:${row.id}`,
    name: 'chat.inbox.updated',
    payload: {
      threadId: row.id,
      kind: row.kind,
      order: row.orderId ? { id: row.orderId, number: row.orderNumber ?? '' } : null,
      listing: row.listingId ? { id: row.listingId, title: row.listingTitle ?? '' } : null,
      lastMessageSeq: row.lastMessageSeq,
      lastMessageAtMs: row.lastMessageAt.getTime(),
      preview: threadPreview({ ...row, lastBody }),
      unread: await chatThreadRepository.unreadForSupport(tx, row.id),
      supportJoined: row.supportJoined,
    },
    rooms: [supportInboxRoom],
    actorId: null,
    now,
  });
}
