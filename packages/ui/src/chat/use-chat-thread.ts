// One thread, live: the newest page from chat.history, then every event of the stream
// `thread:{id}` applied once by seq (judgeSequence); a gap, a reconnect or events that arrived while
// loading trigger a catch-up (chat.history afterSeq) instead of trusting what we have. Sending is
// optimistic only as "sending…": a message counts as sent when the server answers with it stored,
// and a retry reuses its client id, so it is never stored twice. Typing and presence are socket
// signals (never stored); read positions are events.
import { judgeSequence, type AnyLiveEvent } from '@marketdesk/domain';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { getSocket, useLiveEvents, useOnConnect, useRoom } from '../app/live';
import { trpc, type RouterOutputs } from '../app/trpc';
import { newClientId } from './chat-format';

type History = RouterOutputs['chat']['history'];
export type ChatMessage = History['messages'][number];
export type ChatThreadInfo = History['thread'];
export type ChatRead = History['reads'][number];

export interface ChatPerson {
  id: string | null;
  name: string;
  role: 'buyer' | 'seller' | 'support';
}
interface ChatSignals {
  'chat:typing': (signal: { threadId: string; user: ChatPerson; typing: boolean }) => void;
  'chat:presence': (state: { threadId: string; users: (ChatPerson & { state: 'online' | 'away' })[] }) => void;
}
interface ChatEmits {
  'chat:typing': (signal: { threadId: string; typing: boolean }, ack?: (res: { ok: boolean }) => void) => void;
  'chat:presence': (signal: { state: 'online' | 'away' }, ack?: (res: { ok: boolean }) => void) => void;
}
const chatSocket = () => getSocket() as unknown as Socket<ChatSignals, ChatEmits>;

export interface PendingMessage {
  clientId: string;
  body: string;
  attachmentIds: string[];
  cannedReplyId?: string;
  status: 'sending' | 'failed';
  error: string | null;
  createdAtMs: number;
}

interface State {
  threadId: string;
  messages: Map<string, ChatMessage>;
  lastSeq: number | undefined;
  reads: ChatRead[];
  hasOlder: boolean;
}

const TYPING_SHOWN_MS = 6000;
const empty = (threadId: string): State => ({ threadId, messages: new Map(), lastSeq: undefined, reads: [], hasOlder: false });
const personKey = (p: { id: string | null; role: string }) => p.id ?? p.role;

function readKey(r: { id: string | null; role: string }) {
  return r.id ?? `role:${r.role}`;
}

/** Applies one live event to the state (already judged 'apply'). */
function applyEvent(state: State, event: AnyLiveEvent, staff: boolean): State {
  const messages = new Map(state.messages);
  let reads = state.reads;
  const update = (id: string, change: (m: ChatMessage) => ChatMessage) => {
    const m = messages.get(id);
    if (m) messages.set(id, change(m));
  };
  switch (event.name) {
    case 'chat.message.created': {
      const m = event.payload.message;
      const known = messages.get(m.id);
      // A message we already hold (our own send's answer) keeps the richer view the server gave us.
      messages.set(m.id, known ? { ...known, seq: event.seq } : { ...m, seq: event.seq, changedSeq: event.seq, moderation: null });
      break;
    }
    case 'chat.message.edited':
      update(event.payload.messageId, (m) => ({ ...m, body: event.payload.body, masked: event.payload.masked, editedAtMs: event.payload.editedAtMs, changedSeq: event.seq }));
      break;
    case 'chat.message.deleted':
      update(event.payload.messageId, (m) => ({ ...m, body: '', attachments: [], deletedAtMs: event.payload.deletedAtMs, changedSeq: event.seq }));
      break;
    case 'chat.message.hidden':
      // Staff keep seeing the text (marked hidden); customers lose it.
      update(event.payload.messageId, (m) => ({ ...m, hidden: true, changedSeq: event.seq, ...(staff ? {} : { body: '', attachments: [] }) }));
      break;
    case 'chat.thread.read': {
      const { reader, lastReadSeq } = event.payload;
      const key = readKey(reader);
      const found = reads.some((r) => readKey(r) === key);
      reads = found ? reads.map((r) => (readKey(r) === key ? { ...r, lastReadSeq: Math.max(r.lastReadSeq, lastReadSeq) } : r)) : [...reads, { id: reader.id, role: reader.role, name: reader.role === 'support' ? 'Support' : '', lastReadSeq }];
      break;
    }
    default:
      break;
  }
  return { ...state, messages, reads, lastSeq: event.seq };
}

function merge(state: State, page: History, opts: { older?: boolean } = {}): State {
  const messages = new Map(state.messages);
  for (const m of page.messages) messages.set(m.id, m);
  return {
    threadId: state.threadId,
    messages,
    // Only a catch-up or the first page moves our stream position; paging back never does.
    lastSeq: opts.older ? state.lastSeq : Math.max(state.lastSeq ?? 0, page.headSeq),
    reads: page.reads,
    hasOlder: opts.older || state.lastSeq === undefined ? page.hasMore : state.hasOlder,
  };
}

function errorText(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'Not sent: Marketdesk could not be reached.';
}

export function useChatThread(threadId: string, me: { id: string } | null | undefined) {
  const utils = trpc.useUtils();
  const room = useRoom(`thread:${threadId}`);
  const first = trpc.chat.history.useQuery({ threadId, limit: 50 }, { staleTime: Infinity, refetchOnMount: 'always', retry: (n, e) => !(e instanceof TRPCClientError && ['NOT_FOUND', 'FORBIDDEN'].includes(e.data?.code as string)) && n < 2 });
  const [state, setState] = useState<State>(() => empty(threadId));
  const stateRef = useRef(state);
  const commit = useCallback((next: State) => {
    stateRef.current = next;
    setState(next);
  }, []);
  if (stateRef.current.threadId !== threadId) stateRef.current = empty(threadId);
  const staff = first.data?.thread.staff ?? false;
  const staffRef = useRef(staff);
  staffRef.current = staff;

  const [pending, setPending] = useState<PendingMessage[]>([]);
  const myClientIds = useRef(new Set<string>());
  const [typing, setTyping] = useState<Map<string, { person: ChatPerson; until: number }>>(new Map());
  const [presence, setPresence] = useState<(ChatPerson & { state: 'online' | 'away' })[]>([]);
  const [myLastRead, setMyLastRead] = useState(0);
  // Support joins a thread by writing in it; from then on it leaves read receipts too.
  const [joinedNow, setJoinedNow] = useState(false);
  const missedWhileLoading = useRef(false);

  // Catch-up: everything changed after our position, looped until complete. One at a time.
  const catchingUp = useRef<Promise<void> | null>(null);
  const catchUp = useCallback(() => {
    if (catchingUp.current) return catchingUp.current;
    const run = async () => {
      for (let i = 0; i < 20; i += 1) {
        const current = stateRef.current;
        if (current.lastSeq === undefined || current.threadId !== threadId) return;
        const page = await utils.chat.history.fetch({ threadId, afterSeq: current.lastSeq, limit: 500 }, { staleTime: 0 });
        if (stateRef.current.threadId !== threadId) return;
        commit(merge(stateRef.current, page));
        if (!page.hasMore) return;
      }
    };
    catchingUp.current = run()
      .catch(() => {})
      .finally(() => {
        catchingUp.current = null;
      });
    return catchingUp.current;
  }, [threadId, utils, commit]);

  // The first page sets our position; events dropped while it loaded are fetched right after.
  useEffect(() => {
    if (!first.data || stateRef.current.lastSeq !== undefined) return;
    commit(merge(stateRef.current, first.data));
    setMyLastRead(first.data.myLastReadSeq);
    if (missedWhileLoading.current) {
      missedWhileLoading.current = false;
      void catchUp();
    }
  }, [first.data, commit, catchUp]);

  useLiveEvents((event) => {
    if (event.stream !== `thread:${threadId}`) return;
    const current = stateRef.current;
    if (current.lastSeq === undefined) {
      missedWhileLoading.current = true;
      return;
    }
    const verdict = judgeSequence(current.lastSeq, event.seq);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap') {
      void catchUp();
      return;
    }
    commit(applyEvent(current, event, staffRef.current));
    if (event.name === 'chat.message.created') {
      const m = event.payload.message;
      if (m.clientId) setPending((list) => list.filter((p) => p.clientId !== m.clientId));
      // Whoever wrote has stopped typing.
      setTyping((t) => {
        const key = m.author.id ?? m.author.role;
        if (!t.has(key)) return t;
        const next = new Map(t);
        next.delete(key);
        return next;
      });
    }
  });

  // Reconnected: the socket rejoined the room; fetch what was said meanwhile.
  useOnConnect(() => {
    if (stateRef.current.lastSeq !== undefined) void catchUp();
  });

  // Typing and presence signals for this thread.
  useEffect(() => {
    const s = chatSocket();
    const onTyping = (signal: { threadId: string; user: ChatPerson; typing: boolean }) => {
      if (signal.threadId !== threadId || (signal.user.id && signal.user.id === me?.id)) return;
      setTyping((t) => {
        const next = new Map(t);
        if (signal.typing) next.set(personKey(signal.user), { person: signal.user, until: Date.now() + TYPING_SHOWN_MS });
        else next.delete(personKey(signal.user));
        return next;
      });
    };
    const onPresence = (state: { threadId: string; users: (ChatPerson & { state: 'online' | 'away' })[] }) => {
      if (state.threadId === threadId) setPresence(state.users);
    };
    const announce = () => s.emit('chat:presence', { state: typeof document !== 'undefined' && document.visibilityState === 'hidden' ? 'away' : 'online' });
    s.on('chat:typing', onTyping);
    s.on('chat:presence', onPresence);
    s.on('connect', announce);
    document.addEventListener('visibilitychange', announce);
    if (s.connected) announce();
    const sweep = setInterval(() => {
      setTyping((t) => {
        const now = Date.now();
        if (![...t.values()].some((v) => v.until < now)) return t;
        return new Map([...t].filter(([, v]) => v.until >= now));
      });
    }, 1000);
    return () => {
      s.off('chat:typing', onTyping);
      s.off('chat:presence', onPresence);
      s.off('connect', announce);
      document.removeEventListener('visibilitychange', announce);
      clearInterval(sweep);
      setPresence([]);
      setTyping(new Map());
    };
  }, [threadId, me?.id]);

  // Tell the others we are typing: at most every 2 s while typing, and once when we stop.
  const lastTypingSent = useRef(0);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notifyTyping = useCallback(
    (active: boolean) => {
      const s = chatSocket();
      if (!s.connected) return;
      if (stopTimer.current) clearTimeout(stopTimer.current);
      if (!active) {
        if (lastTypingSent.current) s.emit('chat:typing', { threadId, typing: false });
        lastTypingSent.current = 0;
        return;
      }
      if (Date.now() - lastTypingSent.current > 2000) {
        s.emit('chat:typing', { threadId, typing: true });
        lastTypingSent.current = Date.now();
      }
      stopTimer.current = setTimeout(() => notifyTyping(false), 4000);
    },
    [threadId],
  );
  useEffect(
    () => () => {
      if (stopTimer.current) clearTimeout(stopTimer.current);
    },
    [],
  );

  const sendMutation = trpc.chat.send.useMutation();
  const deliver = useCallback(
    async (p: PendingMessage) => {
      setPending((list) => list.map((x) => (x.clientId === p.clientId ? { ...x, status: 'sending', error: null } : x)));
      try {
        const result = await sendMutation.mutateAsync({ threadId, clientId: p.clientId, body: p.body, attachmentIds: p.attachmentIds, ...(p.cannedReplyId ? { cannedReplyId: p.cannedReplyId } : {}) });
        const current = stateRef.current;
        const messages = new Map(current.messages);
        messages.set(result.message.id, { ...(messages.get(result.message.id) ?? {}), ...result.message });
        commit({ ...current, messages });
        setPending((list) => list.filter((x) => x.clientId !== p.clientId));
        setJoinedNow(true);
      } catch (error) {
        setPending((list) => list.map((x) => (x.clientId === p.clientId ? { ...x, status: 'failed', error: errorText(error) } : x)));
      }
    },
    [threadId, sendMutation, commit],
  );

  const send = useCallback(
    (input: { body: string; attachmentIds?: string[]; cannedReplyId?: string }) => {
      const p: PendingMessage = { clientId: newClientId(), body: input.body, attachmentIds: input.attachmentIds ?? [], status: 'sending', error: null, createdAtMs: Date.now(), ...(input.cannedReplyId ? { cannedReplyId: input.cannedReplyId } : {}) };
      myClientIds.current.add(p.clientId);
      setPending((list) => [...list, p]);
      notifyTyping(false);
      void deliver(p);
    },
    [deliver, notifyTyping],
  );
  const retry = useCallback((clientId: string) => {
    const p = pending.find((x) => x.clientId === clientId);
    if (p) void deliver(p);
  }, [pending, deliver]);
  const discard = useCallback((clientId: string) => setPending((list) => list.filter((x) => x.clientId !== clientId)), []);

  const loadOlder = useCallback(async () => {
    const current = stateRef.current;
    const firstSeq = Math.min(...[...current.messages.values()].map((m) => m.seq));
    if (!Number.isFinite(firstSeq)) return;
    const page = await utils.chat.history.fetch({ threadId, beforeSeq: firstSeq, limit: 50 }, { staleTime: 0 });
    commit(merge(stateRef.current, page, { older: true }));
  }, [threadId, utils, commit]);

  /** Replace one message with the server's answer (after edit / delete / hide). */
  const replace = useCallback((m: ChatMessage) => {
    const current = stateRef.current;
    const messages = new Map(current.messages);
    messages.set(m.id, { ...m, seq: messages.get(m.id)?.seq ?? m.seq });
    commit({ ...current, messages });
  }, [commit]);

  const messages = useMemo(() => [...state.messages.values()].sort((a, b) => a.seq - b.seq), [state.messages]);
  const isMine = useCallback((m: ChatMessage) => (!!me && m.author.id === me.id) || (m.clientId !== null && myClientIds.current.has(m.clientId)), [me]);

  // Read receipts: when the tab is visible, mark everything up to the newest message as read.
  const markRead = trpc.chat.markRead.useMutation();
  const newestSeq = messages.length ? messages[messages.length - 1]!.seq : 0;
  const joined = (first.data?.thread.joined ?? false) || joinedNow;
  useEffect(() => {
    if (!joined || newestSeq <= myLastRead || markRead.isPending) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      markRead.mutate({ threadId, seq: newestSeq }, { onSuccess: (r) => setMyLastRead((x) => Math.max(x, r.lastReadSeq, newestSeq)) });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [joined, newestSeq, myLastRead, threadId, markRead]);

  return {
    loading: first.isPending,
    error: first.error ?? null,
    roomError: room.error,
    thread: first.data?.thread ?? null,
    messages,
    pending,
    reads: state.reads,
    hasOlder: state.hasOlder,
    typing: [...typing.values()].map((t) => t.person),
    presence,
    isMine,
    send,
    retry,
    discard,
    loadOlder,
    replace,
    notifyTyping,
    refetch: () => void first.refetch(),
  };
}

export type ChatThreadState = ReturnType<typeof useChatThread>;
