// Whether a staff member may write in a thread right now. Chat does not know about disputes; the
// disputes module plugs its rule in at start-up:
//
//   setStaffReplyCheck(async (tx, { threadId, orderId, actor }) =>
//     claimedBySomeoneElse ? { ok: false, message: 'Sam Support is handling this dispute. Take it over to reply.', details: { assigneeId } } : { ok: true });
//
// The check runs inside the send transaction (with the thread row locked), so a take-over that
// commits first is seen. Without a plugged check every staff member with chat.support may reply.
import type { EntityManager } from '@marketdesk/db';
import type { Role } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';
import { chatThreadRepository } from '../../repositories/chat-thread-repository.js';

export interface StaffReplyCheckInput {
  threadId: string;
  /** The thread's order (support only writes in order threads). */
  orderId: string | null;
  actor: { id: string; roles: readonly Role[] };
}

export type StaffReplyVerdict = { ok: true } | { ok: false; message: string; details?: Record<string, unknown> };
export type StaffReplyCheck = (tx: EntityManager, input: StaffReplyCheckInput) => Promise<StaffReplyVerdict>;

const allowEveryone: StaffReplyCheck = async () => ({ ok: true });
let current: StaffReplyCheck = allowEveryone;

/** Plug in the rule (null restores the default: allow). Returns a function that restores the previous one. */
export function setStaffReplyCheck(check: StaffReplyCheck | null): () => void {
  const previous = current;
  current = check ?? allowEveryone;
  return () => {
    current = previous;
  };
}

/** Throws FORBIDDEN (reason NOT_ASSIGNEE plus the check's details) when the plugged rule refuses. */
export async function assertMayReplyAsStaff(tx: EntityManager, threadId: string, actor: StaffReplyCheckInput['actor']): Promise<void> {
  const thread = await chatThreadRepository.find(tx, threadId);
  if (!thread) throw new AppError('NOT_FOUND', 'This conversation does not exist.');
  const verdict = await current(tx, { threadId, orderId: thread.orderId, actor });
  if (!verdict.ok) throw new AppError('FORBIDDEN', verdict.message, { reason: 'NOT_ASSIGNEE', ...(verdict.details ?? {}) });
}
