// Chat messages, their attachments (private uploads) and reports.
import type { ChatAttachmentRef, EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface MessageRecord {
  id: string;
  threadId: string;
  seq: number;
  changedSeq: number;
  kind: 'text' | 'system';
  authorId: string | null;
  authorRole: 'buyer' | 'seller' | 'support' | 'system';
  authorName: string | null;
  clientId: string | null;
  body: string;
  attachments: ChatAttachmentRef[];
  masked: boolean;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenBy: string | null;
  hiddenByName: string | null;
  hiddenReason: string | null;
  createdAt: Date;
}

const date = (v: unknown) => (v ? new Date(v as string) : null);

const toMessage = (r: Row): MessageRecord => ({
  id: r.id as string,
  threadId: r.thread_id as string,
  seq: Number(r.seq),
  changedSeq: Number(r.changed_seq),
  kind: r.kind as MessageRecord['kind'],
  authorId: (r.author_id as string | null) ?? null,
  authorRole: r.author_role as MessageRecord['authorRole'],
  authorName: (r.author_name as string | null) ?? null,
  clientId: (r.client_id as string | null) ?? null,
  body: r.body as string,
  attachments: (r.attachments as ChatAttachmentRef[]) ?? [],
  masked: Boolean(r.masked),
  editedAt: date(r.edited_at),
  deletedAt: date(r.deleted_at),
  hiddenAt: date(r.hidden_at),
  hiddenBy: (r.hidden_by as string | null) ?? null,
  hiddenByName: (r.hidden_by_name as string | null) ?? null,
  hiddenReason: (r.hidden_reason as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
});

const select = `select m.*, a.display_name as author_name, h.display_name as hidden_by_name from chat_messages m
  left join users a on a.id = m.author_id left join users h on h.id = m.hidden_by`;

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

export interface ReportRecord {
  id: string;
  messageId: string;
  threadId: string;
  threadKind: string;
  reporterId: string;
  reporterName: string;
  reason: string;
  messageBody: string;
  messageAuthorRole: string;
  messageAuthorName: string | null;
  messageHidden: boolean;
  createdAt: Date;
  resolvedAt: Date | null;
}

export const chatMessageRepository = {
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<MessageRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from chat_messages where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where m.id = ?`, [id]);
    return rows[0] ? toMessage(rows[0]) : null;
  },
  async findByClientId(em: EntityManager, threadId: string, authorId: string, clientId: string): Promise<MessageRecord | null> {
    const rows = await sql(em, `${select} where m.thread_id = ? and m.author_id = ? and m.client_id = ?`, [threadId, authorId, clientId]);
    return rows[0] ? toMessage(rows[0]) : null;
  },
  async insert(em: EntityManager, m: NewMessage): Promise<void> {
    await sql(
      em,
      `insert into chat_messages (id, thread_id, seq, changed_seq, kind, author_id, author_role, client_id, body, attachments, masked, canned_reply_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
      [m.id, m.threadId, m.seq, m.seq, m.kind, m.authorId, m.authorRole, m.clientId, m.body, JSON.stringify(m.attachments), m.masked, m.cannedReplyId, m.now],
    );
  },
  async edit(em: EntityManager, id: string, body: string, masked: boolean, changedSeq: number, now: Date): Promise<void> {
    await sql(em, `update chat_messages set body = ?, masked = ?, edited_at = ?, changed_seq = ? where id = ?`, [body, masked, now, changedSeq, id]);
  },
  /** The tombstone: text and files go, the row (who, when, its place) stays. */
  async tombstone(em: EntityManager, id: string, changedSeq: number, now: Date): Promise<void> {
    await sql(em, `update chat_messages set body = '', attachments = '[]'::jsonb, masked = false, deleted_at = ?, changed_seq = ? where id = ?`, [now, changedSeq, id]);
  },
  async hide(em: EntityManager, id: string, by: string, reason: string, changedSeq: number, now: Date): Promise<void> {
    await sql(em, `update chat_messages set hidden_at = ?, hidden_by = ?, hidden_reason = ?, changed_seq = ? where id = ?`, [now, by, reason, changedSeq, id]);
  },
  /** Newest `limit` messages before a seq (or the newest of all), oldest first. */
  async page(em: EntityManager, threadId: string, opts: { beforeSeq?: number | undefined; limit: number }): Promise<MessageRecord[]> {
    const rows = await sql(em, `${select} where m.thread_id = ?${opts.beforeSeq !== undefined ? ' and m.seq < ?' : ''} order by m.seq desc limit ?`, [threadId, ...(opts.beforeSeq !== undefined ? [opts.beforeSeq] : []), opts.limit]);
    return rows.map(toMessage).reverse();
  },
  /** Messages created or changed after a stream seq (the catch-up after a reconnect or a gap). */
  async changedAfter(em: EntityManager, threadId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    const rows = await sql(em, `${select} where m.thread_id = ? and m.changed_seq > ? order by m.seq asc limit ?`, [threadId, afterSeq, limit]);
    return rows.map(toMessage);
  },
  /**
   * Claims the sender's unattached chat uploads for a message. Returns what was attached; an id
   * that is not theirs, not a chat upload, or already used elsewhere is simply not returned.
   */
  async attachUploads(em: EntityManager, ids: string[], ownerId: string, messageId: string): Promise<ChatAttachmentRef[]> {
    if (ids.length === 0) return [];
    const rows = await sql(
      em,
      `update file_uploads set attached_to = ? where id in (${placeholders(ids)}) and owner_id = ? and purpose = 'chat_attachment' and attached_to is null returning id, content_type, bytes`,
      [messageId, ...ids, ownerId],
    );
    const byId = new Map(rows.map((r) => [r.id as string, { id: r.id as string, contentType: r.content_type as string, bytes: Number(r.bytes) }]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  },
  /** The stored file behind an attachment of a live message in this thread (null: none, deleted or not in it). */
  async attachmentFile(em: EntityManager, threadId: string, fileId: string): Promise<{ storageKey: string; messageId: string; hidden: boolean } | null> {
    const rows = await sql(
      em,
      `select f.storage_key, m.id as message_id, m.hidden_at is not null as hidden from file_uploads f join chat_messages m on m.id = f.attached_to
       where f.id = ? and f.purpose = 'chat_attachment' and m.thread_id = ? and m.deleted_at is null`,
      [fileId, threadId],
    );
    const r = rows[0];
    return r ? { storageKey: r.storage_key as string, messageId: r.message_id as string, hidden: Boolean(r.hidden) } : null;
  },
  /** false when this person already reported the message. */
  async report(em: EntityManager, r: { id: string; messageId: string; threadId: string; reporterId: string; reason: string; now: Date }): Promise<boolean> {
    const rows = await sql(em, `insert into chat_message_reports (id, message_id, thread_id, reporter_id, reason, created_at) values (?, ?, ?, ?, ?, ?) on conflict on constraint chat_message_reports_once do nothing returning id`, [r.id, r.messageId, r.threadId, r.reporterId, r.reason, r.now]);
    return rows.length === 1;
  },
  async reports(em: EntityManager, opts: { open: boolean; limit: number }): Promise<ReportRecord[]> {
    const rows = await sql(
      em,
      `select r.*, u.display_name as reporter_name, m.body as message_body, m.author_role as message_author_role, a.display_name as message_author_name,
         m.hidden_at is not null as message_hidden, t.kind as thread_kind
       from chat_message_reports r join chat_messages m on m.id = r.message_id join chat_threads t on t.id = r.thread_id
       join users u on u.id = r.reporter_id left join users a on a.id = m.author_id
       ${opts.open ? 'where r.resolved_at is null' : ''} order by r.created_at desc limit ?`,
      [opts.limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      messageId: r.message_id as string,
      threadId: r.thread_id as string,
      threadKind: r.thread_kind as string,
      reporterId: r.reporter_id as string,
      reporterName: r.reporter_name as string,
      reason: r.reason as string,
      messageBody: r.message_body as string,
      messageAuthorRole: r.message_author_role as string,
      messageAuthorName: (r.message_author_name as string | null) ?? null,
      messageHidden: Boolean(r.message_hidden),
      createdAt: new Date(r.created_at as string),
      resolvedAt: date(r.resolved_at),
    }));
  },
  async resolveReport(em: EntityManager, id: string, by: string, now: Date): Promise<boolean> {
    const rows = await sql(em, `update chat_message_reports set resolved_at = ?, resolved_by = ? where id = ? and resolved_at is null returning id`, [now, by, id]);
    return rows.length === 1;
  },
};
