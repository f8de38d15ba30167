// Who may see a thread and as whom: its buyer and seller as themselves, support staff (chat.support)
// as Support. Anyone else is told the thread does not exist, so ids cannot be probed.
import { hasGrant, type ChatRole, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { chatThreadRepository, type ParticipantRecord, type ThreadRecord } from '../../repositories/chat-thread-repository.js';

export interface ChatActor {
  id: string;
  roles: readonly Role[];
}

export interface ThreadAccess {
  thread: ThreadRecord;
  role: ChatRole;
  /** Staff see agents' names and moderation details; customers see "Support". */
  staff: boolean;
  participants: ParticipantRecord[];
  /** Whether the actor is a participant (support staff join when they first write or press Join). */
  joined: boolean;
}

export const notFound = () => new AppError('NOT_FOUND', 'This conversation does not exist.');

/** The actor's role in a thread, or null when they may not see it. */
export function roleIn(thread: Pick<ThreadRecord, 'buyerId' | 'sellerId'>, actor: ChatActor): ChatRole | null {
  if (actor.id === thread.buyerId) return 'buyer';
  if (actor.id === thread.sellerId) return 'seller';
  return hasGrant(actor, 'chat.support') ? 'support' : null;
}

export async function accessThread(em: EntityManager, threadId: string, actor: ChatActor, opts: { forUpdate?: boolean } = {}): Promise<ThreadAccess> {
  const thread = await chatThreadRepository.find(em, threadId, opts);
  const role = thread ? roleIn(thread, actor) : null;
  if (!thread || !role) throw notFound();
  const participants = await chatThreadRepository.participants(em, thread.id);
  return { thread, role, staff: hasGrant(actor, 'chat.support'), participants, joined: participants.some((p) => p.userId === actor.id) };
}

/** Live rooms an event of this thread goes to: the thread's room and every participant's own room (unread badges). */
export function threadRooms(thread: { id: string }, participants: readonly { userId: string }[]): string[] {
  return [`thread:${thread.id}`, ...participants.map((p) => `user:${p.userId}`)];
}

/** For the Socket.IO join policy: the people party to a thread (buyer, seller, joined staff). */
export async function threadParticipantIds(em: EntityManager, threadId: string): Promise<string[]> {
  if (!/^[0-9a-f-]{36}$/i.test(threadId)) return [];
  return (await chatThreadRepository.participants(em, threadId)).map((p) => p.userId);
}

/** Buyers and sellers write in their threads; support in order threads (the dispute rule is checked on send). */
export function canWrite(access: { role: ChatRole; thread: { kind: string } }): boolean {
  return access.role !== 'support' || access.thread.kind === 'order';
}
