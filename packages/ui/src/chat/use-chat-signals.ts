// A thread's ephemeral socket signals (never stored): who is typing, who is here (online, or away
// while their tab is hidden), and telling the others when we type. The signals' shapes are the
// shared socket protocol's (@marketdesk/domain socket-protocol.ts); what they change is the
// thread reducer's (chat-thread-state.ts).
import type { ChatPresenceState, ChatTypingSignal } from '@marketdesk/domain';
import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import { getSocket } from '../app/live';
import type { ThreadAction } from './chat-thread-state';

/** While typing, "typing" is sent at most this often; "stopped" goes this long after the last key. */
const TYPING_EVERY_MS = 2000;
const TYPING_STOPS_AFTER_MS = 4000;

const visibility = () => (typeof document !== 'undefined' && document.visibilityState === 'hidden' ? 'away' : 'online');

/** Follow the thread's typing and presence signals into the reducer; returns `notifyTyping`. */
export function useChatSignals(threadId: string, meId: string | undefined, dispatch: Dispatch<ThreadAction>) {
  useEffect(() => {
    const s = getSocket();
    const onTyping = (signal: ChatTypingSignal) => {
      if (signal.threadId !== threadId || (signal.user.id && signal.user.id === meId)) return;
      dispatch({ type: 'typing', signal, nowMs: Date.now() });
    };
    const onPresence = (state: ChatPresenceState) => {
      if (state.threadId === threadId) dispatch({ type: 'presence', users: state.users });
    };
    const announce = () => s.emit('chat:presence', { state: visibility() });
    s.on('chat:typing', onTyping);
    s.on('chat:presence', onPresence);
    s.on('connect', announce);
    document.addEventListener('visibilitychange', announce);
    if (s.connected) announce();
    const sweep = setInterval(() => dispatch({ type: 'typing-lapsed', nowMs: Date.now() }), 1000);
    return () => {
      s.off('chat:typing', onTyping);
      s.off('chat:presence', onPresence);
      s.off('connect', announce);
      document.removeEventListener('visibilitychange', announce);
      clearInterval(sweep);
      dispatch({ type: 'presence', users: [] });
    };
  }, [threadId, meId, dispatch]);

  // Tell the others we are typing: at most every 2 s while typing, and once when we stop.
  const lastSentMs = useRef(0);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (stopTimer.current) clearTimeout(stopTimer.current);
    },
    [],
  );
  const notifyTyping = useCallback(
    (active: boolean) => {
      const s = getSocket();
      if (!s.connected) return;
      if (stopTimer.current) clearTimeout(stopTimer.current);
      if (!active) {
        if (lastSentMs.current) s.emit('chat:typing', { threadId, typing: false });
        lastSentMs.current = 0;
        return;
      }
      if (Date.now() - lastSentMs.current > TYPING_EVERY_MS) {
        s.emit('chat:typing', { threadId, typing: true });
        lastSentMs.current = Date.now();
      }
      stopTimer.current = setTimeout(() => notifyTyping(false), TYPING_STOPS_AFTER_MS);
    },
    [threadId],
  );
  return notifyTyping;
}
