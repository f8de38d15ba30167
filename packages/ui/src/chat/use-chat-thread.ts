// One thread, live: the newest page from chat.history, then every event of the stream
// `thread:{id}` through the live follower (applied once, in order; a gap or a reconnect catches up
// with chat.history afterSeq; events that arrived while the first page loaded are fetched right
// after it). What each page or event changes is the pure reducer's (chat-thread-state.ts); typing
// and presence are socket signals (use-chat-signals.ts). Sending is optimistic only as "sending…":
// a message counts as sent when the server answers with it stored, and a retry reuses its client
// id, so it is never stored twice. Read positions are events.
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useRoom } from '../app/live';
import { trpc } from '../app/trpc';
import { useLiveFollower } from '../app/use-live-follower';
import { newClientId } from './chat-format';
import { emptyThread, isMine, messagesInOrder, threadReducer, type ChatMessage, type PendingMessage } from './chat-thread-state';
import { useChatSignals } from './use-chat-signals';

export type { ChatMessage, PendingMessage } from './chat-thread-state';

/** A catch-up reads at most this many changes a page, and this many pages in a row. */
const CATCH_UP_PAGE = 500;
const CATCH_UP_PAGES = 20;

const unreadable = (e: unknown) => e instanceof TRPCClientError && ['NOT_FOUND', 'FORBIDDEN'].includes(e.data?.code as string);

function errorText(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'Not sent: Marketdesk could not be reached.';
}

export function useChatThread(threadId: string, me: { id: string } | null | undefined) {
  const utils = trpc.useUtils();
  const stream = `thread:${threadId}`;
  const room = useRoom(stream);
  const first = trpc.chat.history.useQuery({ threadId, limit: 50 }, { staleTime: Infinity, refetchOnMount: 'always', retry: (n, e) => !unreadable(e) && n < 2 });
  const [stored, dispatch] = useReducer(threadReducer, threadId, emptyThread);
  // Another thread: start over (the pattern React documents for state derived from a prop).
  if (stored.threadId !== threadId) dispatch({ type: 'reset', threadId });
  const state = stored.threadId === threadId ? stored : emptyThread(threadId);
  const staff = first.data?.thread.staff ?? false;

  const live = useLiveFollower({
    key: threadId,
    awaiting: [stream],
    streamOf: (event) => (event.stream === stream ? stream : null),
    apply: (event) => dispatch({ type: 'event', event, staff }),
    // Everything created or changed after our position, page by page; the last page says how far the thread goes.
    refetch: async (applied) => {
      let afterSeq = applied.get(stream);
      if (afterSeq === undefined) return new Map(); // the first page has not placed us yet
      for (let i = 0; i < CATCH_UP_PAGES; i += 1) {
        const page = await utils.chat.history.fetch({ threadId, afterSeq, limit: CATCH_UP_PAGE }, { staleTime: 0 });
        dispatch({ type: 'page', page, part: 'catch-up' });
        if (!page.hasMore) return new Map([[stream, page.headSeq]]);
        afterSeq = Math.max(afterSeq, ...page.messages.map((m) => m.changedSeq));
      }
      return new Map([[stream, afterSeq]]);
    },
  });

  // The first page places us in the stream; events dropped while it loaded are fetched right after.
  const placed = useRef<string | null>(null);
  const { resume } = live;
  useEffect(() => {
    if (!first.data || placed.current === threadId) return;
    placed.current = threadId;
    dispatch({ type: 'page', page: first.data, part: 'first' });
    resume(new Map([[stream, first.data.headSeq]]));
  }, [first.data, threadId, stream, resume]);

  const notifyTyping = useChatSignals(threadId, me?.id, dispatch);

  const sendMutation = trpc.chat.send.useMutation();
  const deliver = useCallback(
    async (p: PendingMessage) => {
      dispatch({ type: 'retry', clientId: p.clientId });
      try {
        const result = await sendMutation.mutateAsync({ threadId, clientId: p.clientId, body: p.body, attachmentIds: p.attachmentIds, ...(p.cannedReplyId ? { cannedReplyId: p.cannedReplyId } : {}) });
        dispatch({ type: 'sent', clientId: p.clientId, message: result.message });
      } catch (error) {
        dispatch({ type: 'send-failed', clientId: p.clientId, error: errorText(error) });
      }
    },
    [threadId, sendMutation],
  );
  const send = useCallback(
    (input: { body: string; attachmentIds?: string[]; cannedReplyId?: string }) => {
      const p: PendingMessage = { clientId: newClientId(), body: input.body, attachmentIds: input.attachmentIds ?? [], status: 'sending', error: null, createdAtMs: Date.now(), ...(input.cannedReplyId ? { cannedReplyId: input.cannedReplyId } : {}) };
      dispatch({ type: 'send', pending: p });
      notifyTyping(false);
      void deliver(p);
    },
    [deliver, notifyTyping],
  );
  const pending = state.pending;
  const retry = useCallback((clientId: string) => {
    const p = pending.find((x) => x.clientId === clientId);
    if (p) void deliver(p);
  }, [pending, deliver]);
  const discard = useCallback((clientId: string) => dispatch({ type: 'discard', clientId }), []);

  const messages = useMemo(() => messagesInOrder(state), [state]);
  const loadOlder = useCallback(async () => {
    const firstSeq = Math.min(...messages.map((m) => m.seq));
    if (!Number.isFinite(firstSeq)) return;
    const page = await utils.chat.history.fetch({ threadId, beforeSeq: firstSeq, limit: 50 }, { staleTime: 0 });
    dispatch({ type: 'page', page, part: 'older' });
  }, [messages, threadId, utils]);

  /** Replace one message with the server's answer (after edit / delete / hide). */
  const replace = useCallback((m: ChatMessage) => dispatch({ type: 'replaced', message: m }), []);
  const myClientIds = state.myClientIds;
  const mine = useCallback((m: ChatMessage) => isMine({ myClientIds }, m, me?.id), [myClientIds, me?.id]);

  useReadReceipts(threadId, (first.data?.thread.joined ?? false) || state.joinedNow, messages.at(-1)?.seq ?? 0, state.myLastReadSeq, dispatch);

  return {
    loading: first.isPending,
    error: first.error ?? null,
    roomError: room.error,
    thread: first.data?.thread ?? null,
    messages,
    pending,
    reads: state.reads,
    hasOlder: state.hasOlder,
    typing: useMemo(() => [...state.typing.values()].map((t) => t.person), [state.typing]),
    presence: state.presence,
    isMine: mine,
    send,
    retry,
    discard,
    loadOlder,
    replace,
    notifyTyping,
    refetch: () => void first.refetch(),
  };
}

/** When the tab is visible, mark everything up to the newest message as read (once joined). */
function useReadReceipts(threadId: string, joined: boolean, newestSeq: number, myLastReadSeq: number, dispatch: (action: { type: 'read'; lastReadSeq: number }) => void) {
  const markRead = trpc.chat.markRead.useMutation();
  useEffect(() => {
    if (!joined || newestSeq <= myLastReadSeq || markRead.isPending) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      markRead.mutate({ threadId, seq: newestSeq }, { onSuccess: (r) => dispatch({ type: 'read', lastReadSeq: Math.max(r.lastReadSeq, newestSeq) }) });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [joined, newestSeq, myLastReadSeq, threadId, markRead, dispatch]);
}

export type ChatThreadState = ReturnType<typeof useChatThread>;
