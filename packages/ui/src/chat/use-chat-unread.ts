// Unread chat messages for a nav badge and per-thread lists: refetched whenever a chat event reaches
// this person's own room (a new message in any of their threads, or their read position moving in
// another tab), and after every reconnect. The support inbox also follows the staff room
// `support:inbox`, where every order conversation's changes are summarised (chat.inbox.updated).
import { supportInboxRoom } from '@marketdesk/domain';
import { useEffect, useRef } from 'react';
import { useLiveEvents, useOnConnect, useRoom } from '../app/live';
import { trpc } from '../app/trpc';

const coalesceMs = 200;

function useChatRefetch(refetch: () => unknown, enabled: boolean) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ref = useRef(refetch);
  useEffect(() => {
    ref.current = refetch;
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const schedule = () => {
    if (!enabled) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void ref.current(), coalesceMs);
  };
  useLiveEvents((event) => {
    if (event.name.startsWith('chat.')) schedule();
  });
  useOnConnect(schedule);
}

/** `{ total, threads }` for a badge; live. Pass enabled=false when nobody is signed in. */
export function useChatUnread(enabled = true) {
  const unread = trpc.chat.unread.useQuery(undefined, { enabled, staleTime: 30_000 });
  useChatRefetch(unread.refetch, enabled);
  return unread.data ?? { total: 0, threads: 0 };
}

/** The signed-in person's threads (optionally one kind), live. */
export function useMyThreads(kind?: 'order' | 'presale') {
  const threads = trpc.chat.myThreads.useQuery(kind ? { kind } : {}, { staleTime: 10_000 });
  useChatRefetch(threads.refetch, true);
  return threads;
}

/**
 * The support inbox (order threads with messages), live: joined threads through the agent's own
 * room, every other order conversation through `support:inbox` (no polling; a reconnect refetches
 * whatever was missed).
 */
export function useSupportInbox(joinedOnly: boolean) {
  const inbox = trpc.chat.supportInbox.useQuery({ joinedOnly }, { staleTime: 10_000 });
  useRoom(supportInboxRoom);
  useChatRefetch(inbox.refetch, true);
  return inbox;
}
