import type { AnyLiveEvent, ChatPerson } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { emptyThread, isMine, messagesInOrder, threadReducer, TYPING_SHOWN_MS, type ChatHistoryPage, type ChatMessage, type PendingMessage, type ThreadAction, type ThreadState } from './chat-thread-state';

const T = 't1';
const buyer = { id: 'buyer-1', role: 'buyer' as const, name: 'Bea' };
const seller = { id: 'seller-1', role: 'seller' as const, name: 'Sol' };

function message(seq: number, change: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `m${seq}`, threadId: T, seq, changedSeq: seq, clientId: null, kind: 'text', author: seller, body: `Message ${seq}`, attachments: [], masked: false, createdAtMs: 1_000 * seq, editedAtMs: null, deletedAtMs: null, hidden: false, moderation: null, ...change };
}

function page(messages: ChatMessage[], change: Partial<ChatHistoryPage> = {}): ChatHistoryPage {
  return { thread: {} as ChatHistoryPage['thread'], messages, hasMore: false, headSeq: messages.at(-1)?.seq ?? 0, reads: [], myLastReadSeq: 0, ...change };
}

function event(seq: number, name: string, payload: Record<string, unknown>): ThreadAction {
  return { type: 'event', staff: false, event: { id: String(seq), stream: `thread:${T}`, seq, name, payload: { threadId: T, ...payload }, actorId: null, occurredAt: '2030-01-01T00:00:00Z' } as AnyLiveEvent };
}

const created = (m: ChatMessage) => {
  const { seq: _s, changedSeq: _c, moderation: _m, ...payload } = m;
  return event(m.seq, 'chat.message.created', { message: payload });
};

const run = (actions: ThreadAction[], start: ThreadState = emptyThread(T)) => actions.reduce(threadReducer, start);
const pending = (clientId: string): PendingMessage => ({ clientId, body: 'Is it still available?', attachmentIds: [], status: 'sending', error: null, createdAtMs: 5 });

describe('the chat thread reducer', () => {
  it('takes the first page: messages, read positions, whether older ones exist, my read position', () => {
    const state = run([{ type: 'page', part: 'first', page: page([message(2), message(1)], { hasMore: true, myLastReadSeq: 1, reads: [{ id: 'seller-1', role: 'seller', name: 'Sol', lastReadSeq: 2 }] }) }]);
    expect(messagesInOrder(state).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(state.hasOlder).toBe(true);
    expect(state.myLastReadSeq).toBe(1);
    expect(state.reads).toHaveLength(1);
  });

  it('lets only paging back say whether older messages exist, never a catch-up', () => {
    const first = run([{ type: 'page', part: 'first', page: page([message(5)], { hasMore: true }) }]);
    expect(run([{ type: 'page', part: 'catch-up', page: page([message(6)], { hasMore: false }) }], first).hasOlder).toBe(true);
    expect(run([{ type: 'page', part: 'older', page: page([message(4)], { hasMore: false }) }], first).hasOlder).toBe(false);
  });

  it('adds a new message, drops my "sending…" copy of it, and stops showing its author typing', () => {
    const typing: ThreadAction = { type: 'typing', signal: { threadId: T, user: seller as ChatPerson, typing: true }, nowMs: 0 };
    const state = run([{ type: 'send', pending: pending('c1') }, typing, created(message(3, { clientId: 'c1' }))]);
    expect(state.pending).toEqual([]);
    expect(state.typing.size).toBe(0);
    expect(messagesInOrder(state).map((m) => [m.id, m.seq])).toEqual([['m3', 3]]);
  });

  it('keeps the richer stored answer of my own send when its event arrives after it', () => {
    const stored = message(7, { clientId: 'c1', author: buyer, moderation: { hiddenBy: null, hiddenReason: null, hiddenAtMs: 0 } });
    const state = run([{ type: 'send', pending: pending('c1') }, { type: 'sent', clientId: 'c1', message: stored }, created(message(7, { clientId: 'c1', author: buyer }))]);
    expect(state.messages.get('m7')?.moderation).not.toBeNull();
    expect(state.pending).toEqual([]);
    expect(state.joinedNow).toBe(true);
    expect(isMine(state, state.messages.get('m7')!, undefined)).toBe(true);
  });

  it('marks a failed send, and a retry sends it again as the same message', () => {
    const failed = run([{ type: 'send', pending: pending('c1') }, { type: 'send-failed', clientId: 'c1', error: 'Not sent' }]);
    expect(failed.pending[0]).toMatchObject({ status: 'failed', error: 'Not sent' });
    expect(run([{ type: 'retry', clientId: 'c1' }], failed).pending[0]).toMatchObject({ clientId: 'c1', status: 'sending', error: null });
    expect(run([{ type: 'discard', clientId: 'c1' }], failed).pending).toEqual([]);
  });

  it('applies edits and deletions, and hides a message’s text from customers but not from staff', () => {
    const first = run([{ type: 'page', part: 'first', page: page([message(1), message(2)]) }]);
    const edited = run([event(3, 'chat.message.edited', { messageId: 'm1', body: 'Fixed', masked: false, editedAtMs: 9 })], first);
    expect(edited.messages.get('m1')).toMatchObject({ body: 'Fixed', editedAtMs: 9, changedSeq: 3, seq: 1 });
    const deleted = run([event(4, 'chat.message.deleted', { messageId: 'm2', deletedAtMs: 10 })], edited);
    expect(deleted.messages.get('m2')).toMatchObject({ body: '', deletedAtMs: 10 });
    const hide = event(5, 'chat.message.hidden', { messageId: 'm1', hiddenAtMs: 11 });
    expect(run([hide], deleted).messages.get('m1')).toMatchObject({ hidden: true, body: '' });
    expect(run([{ ...hide, staff: true } as ThreadAction], deleted).messages.get('m1')).toMatchObject({ hidden: true, body: 'Fixed' });
  });

  it('moves read positions forward only, adding a reader it had not seen', () => {
    const read = (id: string | null, role: string, lastReadSeq: number, seq: number) => event(seq, 'chat.thread.read', { reader: { id, role }, lastReadSeq });
    const state = run([read('seller-1', 'seller', 4, 1), read('seller-1', 'seller', 2, 2), read(null, 'support', 3, 3)]);
    expect(state.reads.map((r) => [r.id, r.role, r.lastReadSeq, r.name])).toEqual([['seller-1', 'seller', 4, ''], [null, 'support', 3, 'Support']]);
    expect(run([{ type: 'read', lastReadSeq: 2 }], { ...state, myLastReadSeq: 5 }).myLastReadSeq).toBe(5);
  });

  it('shows "typing…" until the person stops or the signal lapses', () => {
    const typing = run([{ type: 'typing', signal: { threadId: T, user: seller as ChatPerson, typing: true }, nowMs: 0 }]);
    expect(run([{ type: 'typing-lapsed', nowMs: TYPING_SHOWN_MS - 1 }], typing).typing.size).toBe(1);
    expect(run([{ type: 'typing-lapsed', nowMs: TYPING_SHOWN_MS + 1 }], typing).typing.size).toBe(0);
    expect(run([{ type: 'typing', signal: { threadId: T, user: seller as ChatPerson, typing: false }, nowMs: 1 }], typing).typing.size).toBe(0);
  });

  it('keeps a message’s place when an edit’s answer replaces it, and starts over for another thread', () => {
    const first = run([{ type: 'page', part: 'first', page: page([message(4)]) }]);
    expect(run([{ type: 'replaced', message: message(9, { id: 'm4', body: 'New words' }) }], first).messages.get('m4')).toMatchObject({ seq: 4, body: 'New words' });
    expect(run([{ type: 'reset', threadId: 't2' }], first)).toEqual(emptyThread('t2'));
  });
});
