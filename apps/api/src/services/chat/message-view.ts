// What a viewer sees of a message. Customers see staff as "Support" (no id, no name), deleted
// messages as tombstones and hidden ones without their text; staff also see who hid what and why.
import { SUPPORT_LABEL, type ChatMessagePayload } from '@marketdesk/domain';
import type { MessageRecord } from '../../repositories/chat-message-repository.js';

export interface ChatMessageView extends ChatMessagePayload {
  seq: number;
  changedSeq: number;
  /** Staff only: the moderation record of a hidden message. */
  moderation: { hiddenBy: string | null; hiddenReason: string | null; hiddenAtMs: number } | null;
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

function author(m: MessageRecord, staffViewer: boolean): ChatMessagePayload['author'] {
  if (m.kind === 'system') return { id: null, role: 'system', name: 'Marketdesk' };
  if (m.authorRole === 'support') return staffViewer ? { id: m.authorId, role: 'support', name: `${SUPPORT_LABEL} · ${m.authorName ?? 'agent'}` } : { id: null, role: 'support', name: SUPPORT_LABEL };
  return { id: m.authorId, role: m.authorRole, name: m.authorName ?? 'Someone' };
}

/** The payload form (what the room receives): always as a customer would see it. */
export function messagePayload(m: MessageRecord): ChatMessagePayload {
  const { seq: _seq, changedSeq: _changed, moderation: _moderation, ...payload } = messageView(m, { staff: false });
  return payload;
}

export function messageView(m: MessageRecord, viewer: { staff: boolean }): ChatMessageView {
  const hidden = m.hiddenAt !== null;
  const withheld = m.deletedAt !== null || (hidden && !viewer.staff);
  return {
    id: m.id,
    threadId: m.threadId,
    seq: m.seq,
    changedSeq: m.changedSeq,
    clientId: m.clientId,
    kind: m.kind,
    author: author(m, viewer.staff),
    body: withheld ? '' : m.body,
    attachments: withheld ? [] : m.attachments,
    masked: withheld ? false : m.masked,
    createdAtMs: m.createdAt.getTime(),
    editedAtMs: ms(m.editedAt),
    deletedAtMs: ms(m.deletedAt),
    hidden,
    moderation: viewer.staff && m.hiddenAt ? { hiddenBy: m.hiddenByName, hiddenReason: m.hiddenReason, hiddenAtMs: m.hiddenAt.getTime() } : null,
  };
}
