// Chat messages, their attachments (private uploads) and reports.
import type { ChatAttachmentRef, EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type ChatMessageRow = DB['ChatMessage'];
type ReportRow = DB['ChatMessageReport'];

/** A message as the services read it: its row, with the thread by id and the author's and hider's names. */
export interface MessageRecord extends Omit<ChatMessageRow, 'thread' | 'cannedReplyId'> {
  threadId: string;
  authorName: string | null;
  hiddenByName: string | null;
}

const messages = (em: EntityManager) =>
  db(em)
    .selectFrom('ChatMessage as m')
    .leftJoin('User as a', 'a.id', 'm.authorId')
    .leftJoin('User as h', 'h.id', 'm.hiddenBy')
    .selectAll('m')
    .select(['a.displayName as authorName', 'h.displayName as hiddenByName']);

const toMessage = ({ thread, cannedReplyId: _, ...m }: ChatMessageRow & Pick<MessageRecord, 'authorName' | 'hiddenByName'>): MessageRecord => ({ ...m, threadId: thread });

export interface NewMessage {
  id: string;
  threadId: string;
  seq: number;
  kind: 'text' | 'system';
  authorId: string | null;
  authorRole: MessageRecord['authorRole'];
  clientId: string | null;
  body: string;
  attachments: ChatAttachmentRef[];
  masked: boolean;
  cannedReplyId: string | null;
  now: Date;
}

/** A report as staff read it: its row, with the reporter's name, the message it is about and its thread's kind. */
export interface ReportRecord extends Omit<ReportRow, 'message' | 'resolvedBy'> {
  messageId: string;
  threadKind: string;
  reporterName: string;
  messageBody: string;
  messageAuthorRole: string;
  messageAuthorName: string | null;
  messageHidden: boolean;
}

export const chatMessageRepository = {
  /** With `forUpdate`, the message's row stays locked until the caller's transaction ends. */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<MessageRecord | null> {
    const query = messages(em).where('m.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['m']) : query).executeTakeFirst();
    return row ? toMessage(row) : null;
  },
  async findByClientId(em: EntityManager, threadId: string, authorId: string, clientId: string): Promise<MessageRecord | null> {
    const row = await messages(em).where('m.thread', '=', threadId).where('m.authorId', '=', authorId).where('m.clientId', '=', clientId).executeTakeFirst();
    return row ? toMessage(row) : null;
  },
  async insert(em: EntityManager, m: NewMessage): Promise<void> {
    await db(em)
      .insertInto('ChatMessage')
      .values({
        id: m.id,
        thread: m.threadId,
        seq: m.seq,
        changedSeq: m.seq,
        kind: m.kind,
        authorId: m.authorId,
        authorRole: m.authorRole,
        clientId: m.clientId,
        body: m.body,
        attachments: m.attachments,
        masked: m.masked,
        cannedReplyId: m.cannedReplyId,
        createdAt: m.now,
      })
      .execute();
  },
  async edit(em: EntityManager, id: string, body: string, masked: boolean, changedSeq: number, now: Date): Promise<void> {
    await db(em).updateTable('ChatMessage').set({ body, masked, editedAt: now, changedSeq }).where('id', '=', id).execute();
  },
  /** The tombstone: text and files go, the row (who, when, its place) stays. */
  async tombstone(em: EntityManager, id: string, changedSeq: number, now: Date): Promise<void> {
    await db(em).updateTable('ChatMessage').set({ body: '', attachments: [], masked: false, deletedAt: now, changedSeq }).where('id', '=', id).execute();
  },
  async hide(em: EntityManager, id: string, by: string, reason: string, changedSeq: number, now: Date): Promise<void> {
    await db(em).updateTable('ChatMessage').set({ hiddenAt: now, hiddenBy: by, hiddenReason: reason, changedSeq }).where('id', '=', id).execute();
  },
  /** Newest `limit` messages before a seq (or the newest of all), oldest first. */
  async page(em: EntityManager, threadId: string, opts: { beforeSeq?: number | undefined; limit: number }): Promise<MessageRecord[]> {
    const { beforeSeq } = opts;
    const rows = await messages(em)
      .where('m.thread', '=', threadId)
      .$if(beforeSeq !== undefined, (qb) => qb.where('m.seq', '<', beforeSeq!))
      .orderBy('m.seq', 'desc')
      .limit(opts.limit)
      .execute();
    return rows.map(toMessage).reverse();
  },
  /** Messages created or changed after a stream seq (the catch-up after a reconnect or a gap). */
  async changedAfter(em: EntityManager, threadId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    const rows = await messages(em).where('m.thread', '=', threadId).where('m.changedSeq', '>', afterSeq).orderBy('m.seq', 'asc').limit(limit).execute();
    return rows.map(toMessage);
  },
  /**
   * Claims the sender's unattached chat uploads for a message. Returns what was attached; an id
   * that is not theirs, not a chat upload, or already used elsewhere is simply not returned.
   */
  async attachUploads(em: EntityManager, ids: string[], ownerId: string, messageId: string): Promise<ChatAttachmentRef[]> {
    if (ids.length === 0) return [];
    const rows = await db(em)
      .updateTable('FileUpload')
      .set({ attachedTo: messageId })
      .where('id', 'in', ids)
      .where('owner', '=', ownerId)
      .where('purpose', '=', 'chat_attachment')
      .where('attachedTo', 'is', null)
      .returning(['id', 'contentType', 'bytes'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, contentType: r.contentType, bytes: Number(r.bytes) }]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  },
  /** The stored file behind an attachment of a live message in this thread (null: none, deleted or not in it). */
  async attachmentFile(em: EntityManager, threadId: string, fileId: string): Promise<{ storageKey: string; messageId: string; hidden: boolean } | null> {
    const row = await db(em)
      .selectFrom('FileUpload as f')
      .innerJoin('ChatMessage as m', 'm.id', 'f.attachedTo')
      .select((eb) => ['f.storageKey', 'm.id as messageId', eb('m.hiddenAt', 'is not', null).$castTo<boolean>().as('hidden')])
      .where('f.id', '=', fileId)
      .where('f.purpose', '=', 'chat_attachment')
      .where('m.thread', '=', threadId)
      .where('m.deletedAt', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  },
  /** false when this person already reported the message. */
  async report(em: EntityManager, r: { id: string; messageId: string; threadId: string; reporterId: string; reason: string; now: Date }): Promise<boolean> {
    const row = await db(em)
      .insertInto('ChatMessageReport')
      .values({ id: r.id, message: r.messageId, threadId: r.threadId, reporterId: r.reporterId, reason: r.reason, createdAt: r.now })
      .onConflict((oc) => oc.constraint('chat_message_reports_once').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },
  async reports(em: EntityManager, opts: { open: boolean; limit: number }): Promise<ReportRecord[]> {
    return db(em)
      .selectFrom('ChatMessageReport as r')
      .innerJoin('ChatMessage as m', 'm.id', 'r.message')
      .innerJoin('ChatThread as t', 't.id', 'r.threadId')
      .innerJoin('User as u', 'u.id', 'r.reporterId')
      .leftJoin('User as a', 'a.id', 'm.authorId')
      .select((eb) => [
        'r.id',
        'r.message as messageId',
        'r.threadId',
        't.kind as threadKind',
        'r.reporterId',
        'u.displayName as reporterName',
        'r.reason',
        'm.body as messageBody',
        'm.authorRole as messageAuthorRole',
        'a.displayName as messageAuthorName',
        eb('m.hiddenAt', 'is not', null).$castTo<boolean>().as('messageHidden'),
        'r.createdAt',
        'r.resolvedAt',
      ])
      .$if(opts.open, (qb) => qb.where('r.resolvedAt', 'is', null))
      .orderBy('r.createdAt', 'desc')
      .limit(opts.limit)
      .execute();
  },
  async resolveReport(em: EntityManager, id: string, by: string, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em).updateTable('ChatMessageReport').set({ resolvedAt: now, resolvedBy: by }).where('id', '=', id).where('resolvedAt', 'is', null).executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },
};
