// Chat threads and their participants (read positions, unread counts, inbox lists).
import type { EntityManager } from '@marketdesk/db';
import type { ChatRole, ChatThreadKind } from '@marketdesk/domain';
import type { ExpressionBuilder } from 'kysely';
import { db, sql, type DB } from './db.js';

type ThreadRow = DB['ChatThread'];

/** A thread as the services read it: its row, with its order, listing, buyer and seller by id and what names them. */
export interface ThreadRecord extends Omit<ThreadRow, 'kind' | 'order' | 'listing' | 'buyer' | 'seller'> {
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

const threads = (em: EntityManager) =>
  db(em)
    .selectFrom('ChatThread as t')
    .innerJoin('User as b', 'b.id', 't.buyer')
    .innerJoin('User as s', 's.id', 't.seller')
    .leftJoin('Order as o', 'o.id', 't.order')
    .leftJoin('Listing as l', 'l.id', 't.listing')
    .selectAll('t')
    .select(['o.number as orderNumber', 'l.title as listingTitle', 'l.slug as listingSlug', 'b.displayName as buyerName', 's.displayName as sellerName']);

type ThreadNames = Pick<ThreadRecord, 'orderNumber' | 'listingTitle' | 'listingSlug' | 'buyerName' | 'sellerName'>;

const toThread = ({ kind, order, listing, buyer, seller, ...t }: ThreadRow & ThreadNames): ThreadRecord => ({
  ...t,
  kind: kind as ChatThreadKind,
  orderId: order,
  listingId: listing,
  buyerId: buyer,
  sellerId: seller,
});

/** A thread (t) and one participant (p) of it. */
type ParticipantEB = ExpressionBuilder<DB & { t: ThreadRow; p: DB['ChatParticipant'] }, 't' | 'p'>;

/** Messages that count as unread for participant p: others' live text messages after their read position. */
const unreadFor = (eb: ParticipantEB) =>
  eb
    .selectFrom('ChatMessage as m')
    .select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n'))
    .whereRef('m.thread', '=', 't.id')
    .whereRef('m.seq', '>', 'p.lastReadSeq')
    .whereRef('m.authorId', 'is distinct from', 'p.user')
    .where('m.kind', '=', 'text')
    .where('m.deletedAt', 'is', null)
    .where('m.hiddenAt', 'is', null);

/**
 * Thread list rows: the thread, the participant p's role, read position and unread count (none
 * when p matched no one), and its last message. `joinParticipant` joins p.
 */
const listRows = (em: EntityManager, joinParticipant: (qb: ReturnType<typeof threads>) => ReturnType<typeof withParticipant>) =>
  joinParticipant(threads(em))
    .leftJoinLateral(
      (eb) => eb.selectFrom('ChatMessage as m').selectAll('m').whereRef('m.thread', '=', 't.id').orderBy('m.seq', 'desc').limit(1).as('lm'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'p.role as myRole',
      eb.fn.coalesce('p.lastReadSeq', eb.lit(0)).as('myLastReadSeq'),
      eb.case().when('p.user', 'is', null).then(eb.lit(0)).else(unreadFor(eb)).end().as('unread'),
      'lm.body as lastBody',
      'lm.kind as lastKind',
      'lm.authorRole as lastAuthorRole',
      eb('lm.deletedAt', 'is not', null).$castTo<boolean>().as('lastDeleted'),
      eb('lm.hiddenAt', 'is not', null).$castTo<boolean>().as('lastHidden'),
      // jsonb_array_length: the attachments are a JSON array the builder has no function for.
      eb.fn.coalesce(eb.fn<number>('jsonb_array_length', ['lm.attachments']), eb.lit(0)).as('lastAttachments'),
      eb
        .exists(eb.selectFrom('ChatParticipant as sp').select(eb.lit(1).as('one')).whereRef('sp.thread', '=', 't.id').where('sp.role', '=', 'support'))
        .$castTo<boolean>()
        .as('supportJoined'),
    ]);

/** p: the participant a list reads as (left-joined: a query may match no one). */
const withParticipant = (qb: ReturnType<typeof threads>, on: 'none' | { userId: string }) =>
  qb.leftJoin('ChatParticipant as p', (join) => (on === 'none' ? join.on(sql<boolean>`false`) : join.onRef('p.thread', '=', 't.id').on('p.user', '=', on.userId)));

type ListRowData = ThreadRow & ThreadNames & Omit<ThreadListRow, keyof ThreadRecord | 'myRole' | 'myLastReadSeq' | 'unread' | 'lastAttachments'> & { myRole: string | null; myLastReadSeq: number | string; unread: number | string; lastAttachments: number | string };

const toListRow = ({ myRole, myLastReadSeq, unread, lastAttachments, lastBody, lastKind, lastAuthorRole, lastDeleted, lastHidden, supportJoined, ...t }: ListRowData): ThreadListRow => ({
  ...toThread(t),
  myRole: myRole as ChatRole | null,
  myLastReadSeq: Number(myLastReadSeq),
  unread: Number(unread),
  lastBody,
  lastKind,
  lastAuthorRole,
  lastDeleted,
  lastHidden,
  lastAttachments: Number(lastAttachments),
  supportJoined,
});

export const chatThreadRepository = {
  /** With `forUpdate`, the thread's row stays locked until the caller's transaction ends. */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<ThreadRecord | null> {
    const query = threads(em).where('t.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['t']) : query).executeTakeFirst();
    return row ? toThread(row) : null;
  },
  async findByOrder(em: EntityManager, orderId: string): Promise<ThreadRecord | null> {
    const row = await threads(em).where('t.order', '=', orderId).executeTakeFirst();
    return row ? toThread(row) : null;
  },
  async findPresale(em: EntityManager, listingId: string, buyerId: string): Promise<ThreadRecord | null> {
    const row = await threads(em).where('t.listing', '=', listingId).where('t.buyer', '=', buyerId).executeTakeFirst();
    return row ? toThread(row) : null;
  },
  /** Creates the thread with its buyer and seller, or does nothing when it exists (the unique constraints decide under races). */
  async insertIfAbsent(em: EntityManager, t: { id: string; kind: ChatThreadKind; orderId: string | null; listingId: string | null; buyerId: string; sellerId: string; now: Date }): Promise<void> {
    const created = await db(em)
      .insertInto('ChatThread')
      .values({ id: t.id, kind: t.kind, order: t.orderId, listing: t.listingId, buyer: t.buyerId, seller: t.sellerId, lastMessageSeq: 0, createdAt: t.now })
      .onConflict((oc) => oc.constraint(t.kind === 'order' ? 'chat_threads_order_unique' : 'chat_threads_presale_unique').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) return;
    await db(em)
      .insertInto('ChatParticipant')
      .values([
        { thread: t.id, user: t.buyerId, role: 'buyer', lastReadSeq: 0, joinedAt: t.now },
        { thread: t.id, user: t.sellerId, role: 'seller', lastReadSeq: 0, joinedAt: t.now },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async participants(em: EntityManager, threadId: string): Promise<ParticipantRecord[]> {
    return db(em)
      .selectFrom('ChatParticipant as p')
      .innerJoin('User as u', 'u.id', 'p.user')
      .select(['p.user as userId', 'p.role', 'p.lastReadSeq', 'u.displayName'])
      .where('p.thread', '=', threadId)
      .orderBy('p.joinedAt')
      .execute();
  },
  /** True when the user was added now (false: already a participant). */
  async addParticipant(em: EntityManager, threadId: string, userId: string, role: ChatRole, lastReadSeq: number, now: Date): Promise<boolean> {
    const row = await db(em)
      .insertInto('ChatParticipant')
      .values({ thread: threadId, user: userId, role, lastReadSeq, joinedAt: now })
      .onConflict((oc) => oc.doNothing())
      .returning('user')
      .executeTakeFirst();
    return row !== undefined;
  },
  /** Moves a read position forward only; returns the new position, or null when nothing moved. */
  async advanceRead(em: EntityManager, threadId: string, userId: string, seq: number): Promise<number | null> {
    const row = await db(em)
      .updateTable('ChatParticipant')
      .set({ lastReadSeq: seq })
      .where('thread', '=', threadId)
      .where('user', '=', userId)
      .where('lastReadSeq', '<', seq)
      .returning('lastReadSeq')
      .executeTakeFirst();
    return row ? row.lastReadSeq : null;
  },
  async setLastMessage(em: EntityManager, threadId: string, seq: number, at: Date): Promise<void> {
    await db(em)
      .updateTable('ChatThread')
      .set((eb) => ({ lastMessageSeq: eb.fn<number>('greatest', ['lastMessageSeq', eb.val(seq)]), lastMessageAt: at }))
      .where('id', '=', threadId)
      .execute();
  },
  /** The user's threads (as buyer, seller or joined support), newest activity first, with unread counts. */
  async listForUser(em: EntityManager, userId: string, opts: { kind?: ChatThreadKind | undefined; limit: number }): Promise<ThreadListRow[]> {
    const { kind } = opts;
    const rows = await listRows(em, (qb) => withParticipant(qb, { userId }))
      // An inner join in effect: the user's own threads only.
      .where('p.user', 'is not', null)
      .where((eb) => eb.or([eb('t.lastMessageAt', 'is not', null), eb('p.role', '<>', 'support')]))
      .$if(kind !== undefined, (qb) => qb.where('t.kind', '=', kind!))
      .orderBy('t.lastMessageAt', (ob) => ob.desc().nullsLast())
      .orderBy('t.createdAt', 'desc')
      .limit(opts.limit)
      .execute();
    return rows.map(toListRow);
  },
  /** One thread as a list row seen by no one in particular (no read position, no unread count), with its last message. */
  async summaryRow(em: EntityManager, threadId: string): Promise<ThreadListRow | null> {
    const row = await listRows(em, (qb) => withParticipant(qb, 'none')).where('t.id', '=', threadId).executeTakeFirst();
    return row ? toListRow(row) : null;
  },
  /** Buyer and seller text messages after the furthest any support participant has read (all of them when none joined). */
  async unreadForSupport(em: EntityManager, threadId: string): Promise<number> {
    const row = await db(em)
      .selectFrom('ChatMessage as m')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('m.thread', '=', threadId)
      .where('m.kind', '=', 'text')
      .where('m.authorRole', 'in', ['buyer', 'seller'])
      .where('m.deletedAt', 'is', null)
      .where('m.hiddenAt', 'is', null)
      .where((eb) =>
        eb(
          'm.seq',
          '>',
          eb.fn.coalesce(
            eb.selectFrom('ChatParticipant as sp').select((e) => e.fn.max('sp.lastReadSeq').as('seq')).where('sp.thread', '=', threadId).where('sp.role', '=', 'support'),
            eb.lit(0),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Order threads with messages, for the support inbox: those the agent joined, or all of them. */
  async listForSupport(em: EntityManager, agentId: string, opts: { joinedOnly: boolean; limit: number }): Promise<ThreadListRow[]> {
    const rows = await listRows(em, (qb) => withParticipant(qb, { userId: agentId }))
      .where('t.kind', '=', 'order')
      .where('t.lastMessageAt', 'is not', null)
      .$if(opts.joinedOnly, (qb) => qb.where('p.user', 'is not', null))
      .orderBy('t.lastMessageAt', 'desc')
      .limit(opts.limit)
      .execute();
    return rows.map(toListRow);
  },
  async unreadTotal(em: EntityManager, userId: string): Promise<{ total: number; threads: number }> {
    const row = await db(em)
      .selectFrom((eb) =>
        eb
          .selectFrom('ChatParticipant as p')
          .innerJoin('ChatThread as t', 't.id', 'p.thread')
          .select((e) => unreadFor(e).as('u'))
          .where('p.user', '=', userId)
          .as('x'),
      )
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<string | number>('x.u'), eb.lit(0)).as('total'), eb.fn.countAll<string | number>().filterWhere('x.u', '>', 0).as('threads')])
      .executeTakeFirstOrThrow();
    return { total: Number(row.total), threads: Number(row.threads) };
  },
  async unreadIn(em: EntityManager, threadId: string, userId: string): Promise<number> {
    const row = await db(em)
      .selectFrom('ChatParticipant as p')
      .innerJoin('ChatThread as t', 't.id', 'p.thread')
      .select((eb) => unreadFor(eb).as('u'))
      .where('p.thread', '=', threadId)
      .where('p.user', '=', userId)
      .executeTakeFirst();
    return Number(row?.u ?? 0);
  },
  async streamHead(em: EntityManager, threadId: string): Promise<number> {
    const row = await db(em).selectFrom('StreamSequence').select('lastSeq').where('stream', '=', `thread:${threadId}`).executeTakeFirst();
    return Number(row?.lastSeq ?? 0);
  },
};
