// Chat threads and their participants (read positions, unread counts, inbox lists).
import type { EntityManager } from '@marketdesk/db';
import type { ChatRole, ChatThreadKind } from '@marketdesk/domain';
import { sql, type Row } from './sql.js';

export interface ThreadRecord {
  id: string;
  kind: ChatThreadKind;
  orderId: string | null;
  orderNumber: string | null;
  listingId: string | null;
  listingTitle: string | null;
  listingSlug: string | null;
  buyerId: string;
  buyerName: string;
  sellerId: string;
  sellerName: string;
  lastMessageSeq: number;
  lastMessageAt: Date | null;
  createdAt: Date;
}

export interface ParticipantRecord {
  userId: string;
  role: ChatRole;
  lastReadSeq: number;
  displayName: string;
}

export interface ThreadListRow extends ThreadRecord {
  myRole: ChatRole | null;
  myLastReadSeq: number;
  unread: number;
  lastBody: string | null;
  lastKind: string | null;
  lastAuthorRole: string | null;
  lastDeleted: boolean;
  lastHidden: boolean;
  lastAttachments: number;
  supportJoined: boolean;
}

const toThread = (r: Row): ThreadRecord => ({
  id: r.id as string,
  kind: r.kind as ChatThreadKind,
  orderId: (r.order_id as string | null) ?? null,
  orderNumber: (r.order_number as string | null) ?? null,
  listingId: (r.listing_id as string | null) ?? null,
  listingTitle: (r.listing_title as string | null) ?? null,
  listingSlug: (r.listing_slug as string | null) ?? null,
  buyerId: r.buyer_id as string,
  buyerName: (r.buyer_name as string) ?? '',
  sellerId: r.seller_id as string,
  sellerName: (r.seller_name as string) ?? '',
  lastMessageSeq: Number(r.last_message_seq ?? 0),
  lastMessageAt: r.last_message_at ? new Date(r.last_message_at as string) : null,
  createdAt: new Date(r.created_at as string),
});

const selectThread = `select t.*, o.number as order_number, l.title as listing_title, l.slug as listing_slug, b.display_name as buyer_name, s.display_name as seller_name
  from chat_threads t
  join users b on b.id = t.buyer_id
  join users s on s.id = t.seller_id
  left join orders o on o.id = t.order_id
  left join listings l on l.id = t.listing_id`;

/** Messages that count as unread for `userId`: others' live text messages after their read position. */
const unreadFor = (participant: string) => `(select count(*) from chat_messages m where m.thread_id = t.id and m.seq > ${participant}.last_read_seq
  and m.author_id is distinct from ${participant}.user_id and m.kind = 'text' and m.deleted_at is null and m.hidden_at is null)::int`;

const listColumns = `, p.role as my_role, coalesce(p.last_read_seq, 0) as my_last_read_seq,
  case when p.user_id is null then 0 else ${unreadFor('p')} end as unread,
  lm.body as last_body, lm.kind as last_kind, lm.author_role as last_author_role, lm.deleted_at is not null as last_deleted,
  lm.hidden_at is not null as last_hidden, coalesce(jsonb_array_length(lm.attachments), 0) as last_attachments,
  exists (select 1 from chat_participants sp where sp.thread_id = t.id and sp.role = 'support') as support_joined`;
const lastMessageJoin = `left join lateral (select * from chat_messages m where m.thread_id = t.id order by m.seq desc limit 1) lm on true`;

const toListRow = (r: Row): ThreadListRow => ({
  ...toThread(r),
  myRole: (r.my_role as ChatRole | null) ?? null,
  myLastReadSeq: Number(r.my_last_read_seq ?? 0),
  unread: Number(r.unread ?? 0),
  lastBody: (r.last_body as string | null) ?? null,
  lastKind: (r.last_kind as string | null) ?? null,
  lastAuthorRole: (r.last_author_role as string | null) ?? null,
  lastDeleted: Boolean(r.last_deleted),
  lastHidden: Boolean(r.last_hidden),
  lastAttachments: Number(r.last_attachments ?? 0),
  supportJoined: Boolean(r.support_joined),
});

export const chatThreadRepository = {
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<ThreadRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from chat_threads where id = ? for update`, [id]);
    const rows = await sql(em, `${selectThread} where t.id = ?`, [id]);
    return rows[0] ? toThread(rows[0]) : null;
  },
  async findByOrder(em: EntityManager, orderId: string): Promise<ThreadRecord | null> {
    const rows = await sql(em, `${selectThread} where t.order_id = ?`, [orderId]);
    return rows[0] ? toThread(rows[0]) : null;
  },
  async findPresale(em: EntityManager, listingId: string, buyerId: string): Promise<ThreadRecord | null> {
    const rows = await sql(em, `${selectThread} where t.listing_id = ? and t.buyer_id = ?`, [listingId, buyerId]);
    return rows[0] ? toThread(rows[0]) : null;
  },
  /** Creates the thread with its buyer and seller, or does nothing when it exists (the unique constraints decide under races). */
  async insertIfAbsent(em: EntityManager, t: { id: string; kind: ChatThreadKind; orderId: string | null; listingId: string | null; buyerId: string; sellerId: string; now: Date }): Promise<void> {
    const conflict = t.kind === 'order' ? 'chat_threads_order_unique' : 'chat_threads_presale_unique';
    const rows = await sql(
      em,
      `insert into chat_threads (id, kind, order_id, listing_id, buyer_id, seller_id, last_message_seq, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)
       on conflict on constraint ${conflict} do nothing returning id`,
      [t.id, t.kind, t.orderId, t.listingId, t.buyerId, t.sellerId, t.now],
    );
    if (rows.length === 0) return;
    await sql(em, `insert into chat_participants (thread_id, user_id, role, last_read_seq, joined_at) values (?, ?, 'buyer', 0, ?), (?, ?, 'seller', 0, ?) on conflict do nothing`, [t.id, t.buyerId, t.now, t.id, t.sellerId, t.now]);
  },
  async participants(em: EntityManager, threadId: string): Promise<ParticipantRecord[]> {
    const rows = await sql(em, `select p.user_id, p.role, p.last_read_seq, u.display_name from chat_participants p join users u on u.id = p.user_id where p.thread_id = ? order by p.joined_at`, [threadId]);
    return rows.map((r) => ({ userId: r.user_id as string, role: r.role as ChatRole, lastReadSeq: Number(r.last_read_seq), displayName: r.display_name as string }));
  },
  /** True when the user was added now (false: already a participant). */
  async addParticipant(em: EntityManager, threadId: string, userId: string, role: ChatRole, lastReadSeq: number, now: Date): Promise<boolean> {
    const rows = await sql(em, `insert into chat_participants (thread_id, user_id, role, last_read_seq, joined_at) values (?, ?, ?, ?, ?) on conflict do nothing returning user_id`, [threadId, userId, role, lastReadSeq, now]);
    return rows.length === 1;
  },
  /** Moves a read position forward only; returns the new position, or null when nothing moved. */
  async advanceRead(em: EntityManager, threadId: string, userId: string, seq: number): Promise<number | null> {
    const rows = await sql(em, `update chat_participants set last_read_seq = ? where thread_id = ? and user_id = ? and last_read_seq < ? returning last_read_seq`, [seq, threadId, userId, seq]);
    return rows[0] ? Number(rows[0].last_read_seq) : null;
  },
  async setLastMessage(em: EntityManager, threadId: string, seq: number, at: Date): Promise<void> {
    await sql(em, `update chat_threads set last_message_seq = greatest(last_message_seq, ?), last_message_at = ? where id = ?`, [seq, at, threadId]);
  },
  /** The user's threads (as buyer, seller or joined support), newest activity first, with unread counts. */
  async listForUser(em: EntityManager, userId: string, opts: { kind?: ChatThreadKind | undefined; limit: number }): Promise<ThreadListRow[]> {
    const rows = await sql(
      em,
      `${selectThread.replace('from chat_threads t', `${listColumns} from chat_threads t`)}
       join chat_participants p on p.thread_id = t.id and p.user_id = ?
       ${lastMessageJoin}
       where (t.last_message_at is not null or p.role <> 'support')${opts.kind ? ' and t.kind = ?' : ''}
       order by t.last_message_at desc nulls last, t.created_at desc limit ?`,
      [userId, ...(opts.kind ? [opts.kind] : []), opts.limit],
    );
    return rows.map(toListRow);
  },
  /** One thread as a list row seen by no one in particular (no read position, no unread count), with its last message. */
  async summaryRow(em: EntityManager, threadId: string): Promise<ThreadListRow | null> {
    const rows = await sql(
      em,
      `${selectThread.replace('from chat_threads t', `${listColumns} from chat_threads t`)}
       left join chat_participants p on false
       ${lastMessageJoin}
       where t.id = ?`,
      [threadId],
    );
    return rows[0] ? toListRow(rows[0]) : null;
  },
  /** Buyer and seller text messages after the furthest any support participant has read (all of them when none joined). */
  async unreadForSupport(em: EntityManager, threadId: string): Promise<number> {
    const rows = await sql(
      em,
      `select count(*)::int as n from chat_messages m
       where m.thread_id = ? and m.kind = 'text' and m.author_role in ('buyer', 'seller') and m.deleted_at is null and m.hidden_at is null
         and m.seq > coalesce((select max(sp.last_read_seq) from chat_participants sp where sp.thread_id = ? and sp.role = 'support'), 0)`,
      [threadId, threadId],
    );
    return Number(rows[0]?.n ?? 0);
  },
  /** Order threads with messages, for the support inbox: those the agent joined, or all of them. */
  async listForSupport(em: EntityManager, agentId: string, opts: { joinedOnly: boolean; limit: number }): Promise<ThreadListRow[]> {
    const rows = await sql(
      em,
      `${selectThread.replace('from chat_threads t', `${listColumns} from chat_threads t`)}
       left join chat_participants p on p.thread_id = t.id and p.user_id = ?
       ${lastMessageJoin}
       where t.kind = 'order' and t.last_message_at is not null${opts.joinedOnly ? ' and p.user_id is not null' : ''}
       order by t.last_message_at desc limit ?`,
      [agentId, opts.limit],
    );
    return rows.map(toListRow);
  },
  async unreadTotal(em: EntityManager, userId: string): Promise<{ total: number; threads: number }> {
    const rows = await sql(em, `select coalesce(sum(u), 0)::int as total, count(*) filter (where u > 0)::int as threads from (select ${unreadFor('p')} as u from chat_participants p join chat_threads t on t.id = p.thread_id where p.user_id = ?) x`, [userId]);
    return { total: Number(rows[0]?.total ?? 0), threads: Number(rows[0]?.threads ?? 0) };
  },
  async unreadIn(em: EntityManager, threadId: string, userId: string): Promise<number> {
    const rows = await sql(em, `select ${unreadFor('p')} as u from chat_participants p join chat_threads t on t.id = p.thread_id where p.thread_id = ? and p.user_id = ?`, [threadId, userId]);
    return Number(rows[0]?.u ?? 0);
  },
  async streamHead(em: EntityManager, threadId: string): Promise<number> {
    const rows = await sql(em, `select last_seq from stream_sequences where stream = ?`, [`thread:${threadId}`]);
    return Number(rows[0]?.last_seq ?? 0);
  },
};
