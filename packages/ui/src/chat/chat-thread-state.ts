// One chat thread on screen, as pure data and one reducer: the messages we hold (pages from
// chat.history and live events of `thread:{id}`), everyone's read position, the messages still
// "sending…", who is typing and who is here. Which events to apply, and when to catch up, is the
// live follower's call (use-live-follower.ts); this only says what an applied event or a page
// changes. The hook (use-chat-thread.ts) dispatches; the tests drive it directly.
import type { AnyLiveEvent, ChatPerson, ChatPresenceState, ChatTypingSignal } from '@marketdesk/domain';
import type { RouterOutputs } from '../app/trpc';

type History = RouterOutputs['chat']['history'];
export type ChatHistoryPage = History;
export type ChatMessage = History['messages'][number];
export type ChatRead = History['reads'][number];

export interface PendingMessage {
  clientId: string;
  body: string;
  attachmentIds: string[];
  cannedReplyId?: string;
  status: 'sending' | 'failed';
  error: string | null;
  createdAtMs: number;
}

export interface ThreadState {
  threadId: string;
  messages: ReadonlyMap<string, ChatMessage>;
  reads: readonly ChatRead[];
  /** Older messages exist (the first page said so, or the last page back did). */
  hasOlder: boolean;
  /** The reader's own read position (moves forward only). */
  myLastReadSeq: number;
  pending: readonly PendingMessage[];
  /** Client ids of the messages sent from this tab: they are "mine" even before the author is known. */
  myClientIds: ReadonlySet<string>;
  /** Support joins a thread by writing in it; from then on it leaves read receipts too. */
  joinedNow: boolean;
  /** Who is typing, by person, until when (a signal lapses if its "stopped" never comes). */
  typing: ReadonlyMap<string, { person: ChatPerson; untilMs: number }>;
  presence: ChatPresenceState['users'];
}

export type ThreadAction =
  | { type: 'reset'; threadId: string }
  /** `first`: the newest page; `catch-up`: what changed after our position; `older`: a page back. */
  | { type: 'page'; page: History; part: 'first' | 'catch-up' | 'older' }
  /** A live event of the thread's stream, already judged 'apply' by the follower. */
  | { type: 'event'; event: AnyLiveEvent; staff: boolean }
  | { type: 'send'; pending: PendingMessage }
  | { type: 'retry'; clientId: string }
  | { type: 'sent'; clientId: string; message: ChatMessage }
  | { type: 'send-failed'; clientId: string; error: string }
  | { type: 'discard'; clientId: string }
  /** The server's answer to an edit, delete or hide. */
  | { type: 'replaced'; message: ChatMessage }
  | { type: 'read'; lastReadSeq: number }
  | { type: 'typing'; signal: ChatTypingSignal; nowMs: number }
  | { type: 'typing-lapsed'; nowMs: number }
  | { type: 'presence'; users: ChatPresenceState['users'] };

/** How long "typing…" shows after the last signal, if no "stopped" arrives. */
export const TYPING_SHOWN_MS = 6000;

export function emptyThread(threadId: string): ThreadState {
  return { threadId, messages: new Map(), reads: [], hasOlder: false, myLastReadSeq: 0, pending: [], myClientIds: new Set(), joinedNow: false, typing: new Map(), presence: [] };
}

const personKey = (p: { id: string | null; role: string }) => p.id ?? p.role;
const readKey = (r: { id: string | null; role: string }) => r.id ?? `role:${r.role}`;

function withMessage(messages: ReadonlyMap<string, ChatMessage>, id: string, change: (m: ChatMessage) => ChatMessage): ReadonlyMap<string, ChatMessage> {
  const m = messages.get(id);
  return m ? new Map(messages).set(id, change(m)) : messages;
}

function withoutTyper<T>(typing: ReadonlyMap<string, T>, key: string): ReadonlyMap<string, T> {
  if (!typing.has(key)) return typing;
  const next = new Map(typing);
  next.delete(key);
  return next;
}

function readsWith(reads: readonly ChatRead[], reader: { id: string | null; role: ChatRead['role'] }, lastReadSeq: number): readonly ChatRead[] {
  const key = readKey(reader);
  if (!reads.some((r) => readKey(r) === key)) return [...reads, { id: reader.id, role: reader.role, name: reader.role === 'support' ? 'Support' : '', lastReadSeq }];
  return reads.map((r) => (readKey(r) === key ? { ...r, lastReadSeq: Math.max(r.lastReadSeq, lastReadSeq) } : r));
}

function applyEvent(state: ThreadState, event: AnyLiveEvent, staff: boolean): ThreadState {
  const at = (id: string, change: (m: ChatMessage) => ChatMessage) => ({ ...state, messages: withMessage(state.messages, id, change) });
  switch (event.name) {
    case 'chat.message.created': {
      const m = event.payload.message;
      const known = state.messages.get(m.id);
      // A message we already hold (our own send's answer) keeps the richer view the server gave us.
      const message: ChatMessage = known ? { ...known, seq: event.seq } : { ...m, seq: event.seq, changedSeq: event.seq, moderation: null };
      return {
        ...state,
        messages: new Map(state.messages).set(m.id, message),
        pending: m.clientId ? state.pending.filter((p) => p.clientId !== m.clientId) : state.pending,
        // Whoever wrote has stopped typing.
        typing: withoutTyper(state.typing, m.author.id ?? m.author.role),
      };
    }
    case 'chat.message.edited':
      return at(event.payload.messageId, (m) => ({ ...m, body: event.payload.body, masked: event.payload.masked, editedAtMs: event.payload.editedAtMs, changedSeq: event.seq }));
    case 'chat.message.deleted':
      return at(event.payload.messageId, (m) => ({ ...m, body: '', attachments: [], deletedAtMs: event.payload.deletedAtMs, changedSeq: event.seq }));
    case 'chat.message.hidden':
      // Staff keep seeing the text (marked hidden); customers lose it.
      return at(event.payload.messageId, (m) => ({ ...m, hidden: true, changedSeq: event.seq, ...(staff ? {} : { body: '', attachments: [] }) }));
    case 'chat.thread.read':
      return { ...state, reads: readsWith(state.reads, event.payload.reader, event.payload.lastReadSeq) };
    default:
      return state;
  }
}

function mergePage(state: ThreadState, page: History, part: 'first' | 'catch-up' | 'older'): ThreadState {
  const messages = new Map(state.messages);
  for (const m of page.messages) messages.set(m.id, m);
  return {
    ...state,
    messages,
    reads: page.reads,
    // Paging back and the first page say whether there is more before; a catch-up's `hasMore` is about after.
    hasOlder: part === 'catch-up' ? state.hasOlder : page.hasMore,
    myLastReadSeq: part === 'first' ? Math.max(state.myLastReadSeq, page.myLastReadSeq) : state.myLastReadSeq,
  };
}

const setPending = (state: ThreadState, clientId: string, change: Partial<PendingMessage>): ThreadState => ({
  ...state,
  pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
});

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'reset':
      return emptyThread(action.threadId);
    case 'page':
      return mergePage(state, action.page, action.part);
    case 'event':
      return applyEvent(state, action.event, action.staff);
    case 'send':
      return { ...state, pending: [...state.pending, action.pending], myClientIds: new Set(state.myClientIds).add(action.pending.clientId) };
    case 'retry':
      return setPending(state, action.clientId, { status: 'sending', error: null });
    case 'send-failed':
      return setPending(state, action.clientId, { status: 'failed', error: action.error });
    case 'discard':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
    case 'sent': {
      // Stored: the server's answer replaces the "sending…" copy (the live event may already have brought it).
      const known = state.messages.get(action.message.id);
      return { ...state, messages: new Map(state.messages).set(action.message.id, { ...known, ...action.message }), pending: state.pending.filter((p) => p.clientId !== action.clientId), joinedNow: true };
    }
    case 'replaced': {
      const m = action.message;
      // The message keeps its place in the thread whatever the answer says.
      return { ...state, messages: new Map(state.messages).set(m.id, { ...m, seq: state.messages.get(m.id)?.seq ?? m.seq }) };
    }
    case 'read':
      return action.lastReadSeq > state.myLastReadSeq ? { ...state, myLastReadSeq: action.lastReadSeq } : state;
    case 'typing': {
      const key = personKey(action.signal.user);
      if (!action.signal.typing) return { ...state, typing: withoutTyper(state.typing, key) };
      return { ...state, typing: new Map(state.typing).set(key, { person: action.signal.user, untilMs: action.nowMs + TYPING_SHOWN_MS }) };
    }
    case 'typing-lapsed': {
      if (![...state.typing.values()].some((t) => t.untilMs < action.nowMs)) return state;
      return { ...state, typing: new Map([...state.typing].filter(([, t]) => t.untilMs >= action.nowMs)) };
    }
    case 'presence':
      return { ...state, presence: action.users };
  }
}

/** The messages in thread order. */
export function messagesInOrder(state: ThreadState): ChatMessage[] {
  return [...state.messages.values()].sort((a, b) => a.seq - b.seq);
}

/** A message is mine when I wrote it, or it was sent from this tab (before the author is known). */
export function isMine(state: Pick<ThreadState, 'myClientIds'>, message: ChatMessage, meId: string | undefined): boolean {
  return (!!meId && message.author.id === meId) || (message.clientId !== null && state.myClientIds.has(message.clientId));
}
