// The chat hook on the live follower: events of the thread's stream are applied once, a gap or
// events that arrived while the first page loaded make one catch-up from our position.
import type { AnyLiveEvent } from '@marketdesk/domain';
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSocket } from '../app/live';
import type { ChatHistoryPage, ChatMessage } from './chat-thread-state';

const T = 't1';
const message = (seq: number): ChatMessage => ({ id: `m${seq}`, threadId: T, seq, changedSeq: seq, clientId: null, kind: 'text', author: { id: 'seller-1', role: 'seller', name: 'Sol' }, body: `Message ${seq}`, attachments: [], masked: false, createdAtMs: 1_000 * seq, editedAtMs: null, deletedAtMs: null, hidden: false, moderation: null });
const page = (messages: ChatMessage[], headSeq = messages.at(-1)?.seq ?? 0): ChatHistoryPage =>
  ({ thread: { staff: false, joined: false }, messages, hasMore: false, headSeq, reads: [], myLastReadSeq: 0 }) as unknown as ChatHistoryPage;
const created = (seq: number) => {
  const { seq: _s, changedSeq: _c, moderation: _m, ...payload } = message(seq);
  return { id: String(seq), stream: `thread:${T}`, seq, name: 'chat.message.created', payload: { threadId: T, message: payload }, actorId: 'seller-1', occurredAt: '2030-01-01T00:00:00Z' } as AnyLiveEvent;
};

const history = { data: undefined as ChatHistoryPage | undefined, isPending: true, error: null, refetch: vi.fn() };
const fetchPage = vi.fn<(input: { afterSeq?: number }) => Promise<ChatHistoryPage>>();
vi.mock('../app/trpc', () => ({
  trpc: {
    useUtils: () => ({ chat: { history: { fetch: fetchPage } } }),
    chat: {
      history: { useQuery: () => history },
      send: { useMutation: () => ({ mutateAsync: vi.fn() }) },
      markRead: { useMutation: () => ({ mutate: vi.fn(), isPending: false }) },
    },
  },
}));
const { useChatThread } = await import('./use-chat-thread');

function deliver(e: AnyLiveEvent) {
  act(() => getSocket().listeners('event').forEach((listener) => (listener as (e: AnyLiveEvent) => void)(e)));
}

function loaded(first: ChatHistoryPage) {
  history.data = first;
  history.isPending = false;
}

describe('useChatThread', () => {
  beforeEach(() => {
    history.data = undefined;
    history.isPending = true;
    fetchPage.mockReset();
  });

  it('applies each event of the thread once, in order', () => {
    loaded(page([message(1), message(2)]));
    const hook = renderHook(() => useChatThread(T, { id: 'buyer-1' }));
    deliver(created(3));
    deliver(created(3));
    deliver(created(2));
    expect(hook.result.current.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('catches up from the last applied seq on a gap, then takes what follows', async () => {
    loaded(page([message(1), message(2)]));
    fetchPage.mockResolvedValue(page([message(3), message(4)], 4));
    const hook = renderHook(() => useChatThread(T, { id: 'buyer-1' }));
    deliver(created(4)); // 3 never came
    await waitFor(() => expect(hook.result.current.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']));
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage.mock.calls[0]![0]).toMatchObject({ afterSeq: 2 });
    deliver(created(4));
    deliver(created(5));
    expect(hook.result.current.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('fetches what arrived while the first page loaded, once it has placed us', async () => {
    fetchPage.mockResolvedValue(page([message(3), message(4)], 4));
    const hook = renderHook(() => useChatThread(T, { id: 'buyer-1' }));
    deliver(created(3));
    deliver(created(4));
    expect(fetchPage).not.toHaveBeenCalled();
    loaded(page([message(1), message(2)]));
    hook.rerender();
    await waitFor(() => expect(hook.result.current.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']));
    expect(fetchPage.mock.calls.map((c) => c[0].afterSeq)).toEqual([2]);
  });

  it('asks a cut catch-up for the rest after the last change it read, not after the stream’s head', async () => {
    loaded(page([message(1), message(2)]));
    fetchPage.mockResolvedValueOnce({ ...page([message(3), message(4)], 9), hasMore: true }).mockResolvedValueOnce(page([message(5), message(6)], 9));
    const hook = renderHook(() => useChatThread(T, { id: 'buyer-1' }));
    deliver(created(9));
    await waitFor(() => expect(hook.result.current.messages).toHaveLength(6));
    expect(fetchPage.mock.calls.map((c) => c[0].afterSeq)).toEqual([2, 4]);
  });
});
