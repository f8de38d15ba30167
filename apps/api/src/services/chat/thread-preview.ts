// The one line a conversation list shows for a thread: its last message as plain words, or what
// happened to it. Shared by the lists (chat.myThreads, chat.supportInbox) and the support inbox's
// live summary (support-inbox-events.ts).
import { linkify } from '@marketdesk/domain';
import type { ThreadListRow } from '../../repositories/chat-thread-repository.js';

type LastMessage = Pick<ThreadListRow, 'lastKind' | 'lastDeleted' | 'lastHidden' | 'lastAuthorRole' | 'lastBody' | 'lastAttachments'>;

export function threadPreview(r: LastMessage): string {
  if (r.lastKind === null) return 'No messages yet';
  if (r.lastDeleted) return 'Message deleted';
  if (r.lastHidden) return 'Message hidden by Marketdesk';
  const who = r.lastAuthorRole === 'support' ? 'Support: ' : '';
  const text = linkify(r.lastBody ?? '').map((s) => s.text).join('').replace(/\s+/g, ' ').trim();
  if (text) return `${who}${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
  return r.lastAttachments > 0 ? `${who}Sent ${r.lastAttachments === 1 ? 'a file' : `${r.lastAttachments} files`}` : `${who}…`;
}

