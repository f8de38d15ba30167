// Pure helpers for the chat panel: day separators, who a message is from, "Seen".
import { formatDate } from '../format/date';
export interface DatedMessage {
  id: string;
  createdAtMs: number;
}

export type ChatRow<M> = { kind: 'day'; key: string; label: string } | { kind: 'message'; key: string; message: M };

function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** "Today", "Yesterday", or the date ("12 Mar 2026"), in the viewer's time zone. */
export function dayLabel(ms: number, nowMs: number, locale?: string): string {
  const today = dayKey(nowMs);
  const yesterday = new Date(nowMs);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(ms) === today) return 'Today';
  if (dayKey(ms) === dayKey(yesterday.getTime())) return 'Yesterday';
  return formatDate(ms, locale ? { locale } : {});
}

/** Messages (in order) with a separator before the first message of each day. */
export function withDaySeparators<M extends DatedMessage>(messages: readonly M[], nowMs: number, locale?: string): ChatRow<M>[] {
  const rows: ChatRow<M>[] = [];
  let current: string | null = null;
  for (const message of messages) {
    const key = dayKey(message.createdAtMs);
    if (key !== current) {
      rows.push({ kind: 'day', key: `day-${key}`, label: dayLabel(message.createdAtMs, nowMs, locale) });
      current = key;
    }
    rows.push({ kind: 'message', key: message.id, message });
  }
  return rows;
}

export interface ReadPosition {
  id: string | null;
  role: string;
  lastReadSeq: number;
}

/**
 * The id of my newest message, and whether someone else in the thread has read up to it. Only the
 * newest one carries the receipt, like most messengers.
 */
export function receiptFor(messages: readonly { id: string; seq: number; mine: boolean; kind: string }[], reads: readonly ReadPosition[], me: { id: string; role: string | null }): { messageId: string; seen: boolean } | null {
  const last = [...messages].reverse().find((m) => m.mine && m.kind === 'text');
  if (!last) return null;
  const others = reads.filter((r) => (r.id !== null ? r.id !== me.id : r.role !== me.role));
  return { messageId: last.id, seen: others.some((r) => r.lastReadSeq >= last.seq) };
}

/** A v4 UUID for the client id of a message (the idempotency key of its sends). */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function attachmentUrl(threadId: string, fileId: string): string {
  return `/files/chat/${threadId}/attachments/${fileId}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const chatFileAccept = 'application/pdf,image/jpeg,image/png,image/webp';

/** Sends one file for a thread; resolves with its upload id or rejects with a message for the person. */
export async function uploadChatFile(threadId: string, file: File): Promise<{ id: string; contentType: string; bytes: number }> {
  const body = new FormData();
  body.append('file', file);
  let res: Response;
  try {
    res = await fetch(`/uploads/chat-attachments?threadId=${encodeURIComponent(threadId)}`, { method: 'POST', body, credentials: 'include' });
  } catch {
    throw new Error('Could not reach Marketdesk to upload the file. Check your connection and try again.');
  }
  if (!res.ok) {
    const message = await res
      .json()
      .then((b: { error?: { message?: string } }) => b.error?.message)
      .catch(() => undefined);
    throw new Error(message ?? (res.status === 413 ? 'The file is too large.' : res.status === 415 ? 'Attach a PDF or a JPEG, PNG or WebP image.' : `Upload failed (${res.status}).`));
  }
  return (await res.json()) as { id: string; contentType: string; bytes: number };
}
