// A view's live streams, followed through the app's socket: the domain's follower
// (@marketdesk/domain live/live-follower.ts) kept per view, fed every event of the streams the view
// follows. An event is applied once and in order; duplicates and older ones are skipped; a gap asks
// for one refetch (several within `coalesceMs`, or while one is running, make one), after which the
// follower resumes from what the answer covers and asks again if events past it arrived meanwhile.
// A reconnect refetches too: events sent while we were away are not replayed. Used by the chat
// thread, the order timeline and the console's live queue.
import { coveredByRefetchNow, followEvent, isBehind, refetchOwed, resumeFollowing, startFollowing, type AnyLiveEvent, type LiveFollower, type StreamPositions } from '@marketdesk/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getSocket, useLiveEvents, useOnConnect } from './live';

export interface LiveFollowOptions {
  /** What the view follows (a thread, an order, a queue): a new key starts a new follower. */
  key: string;
  /** The stream of an event this view follows, or null for an event it does not. */
  streamOf: (event: AnyLiveEvent) => string | null;
  /** Streams that only an answer places (`resume`), e.g. a chat thread's, placed by its first page. */
  awaiting?: readonly string[];
  /** Apply one event: called once per event, in its stream's order. */
  apply: (event: AnyLiveEvent) => void;
  /**
   * Fetch the truth again, given how far each stream was applied (a catch-up asks for what changed
   * after it). Resolve with how far the answer goes per stream, or with nothing when it covers every
   * event seen before it was asked; throw when it failed (nothing resumes then: the next gap or
   * reconnect asks again).
   */
  refetch: (applied: StreamPositions) => Promise<StreamPositions | void>;
  /** Refetch requests within this long make one (several events of one transaction, say). */
  coalesceMs?: number;
  /** Before the refetch a reconnect asks for: drop what only live events said (some were missed). */
  onReconnect?: () => void;
}

export interface LiveFollowerControls {
  /** An answer arrived by itself (a first page, a query refetched on focus): resume from it. */
  resume: (covered: StreamPositions) => void;
  /** Ask for a refetch (coalesced with any other). */
  requestRefetch: () => void;
}

/** The follower of one view and its refetches, as plain code over the latest options. */
function createLiveFollow(opts: { readonly current: LiveFollowOptions }) {
  let state = { key: opts.current.key, follower: startFollowing(opts.current.awaiting) };
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** The follower for the current key (a new one when the view moved to another thread or order). */
  const current = () => {
    const { key, awaiting } = opts.current;
    if (state.key !== key) state = { key, follower: startFollowing(awaiting) };
    return state.follower;
  };
  const replace = (key: string, next: LiveFollower) => {
    if (state.key === key) state = { key, follower: next };
  };

  async function run() {
    running = true;
    again = false;
    const key = opts.current.key;
    const asked = coveredByRefetchNow(current());
    try {
      const answer = await opts.current.refetch(current().applied);
      if (opts.current.key === key) replace(key, resumeFollowing(current(), answer ?? asked).follower);
    } catch {
      // Not reachable or refused: the next gap or reconnect asks again (no loop against a failing API).
      return;
    } finally {
      running = false;
    }
    // Events past the answer arrived meanwhile (or a reconnect did): one more.
    if (again || (opts.current.key === key ? refetchOwed(current(), asked) : isBehind(current()))) request('gap');
  }

  function request(reason: 'gap' | 'reconnect') {
    if (running) {
      // The running refetch's answer resumes the follower and shows whether a gap is still open;
      // after a reconnect, though, it may predate what was missed, so one more is owed.
      if (reason === 'reconnect') again = true;
      return;
    }
    const delayMs = opts.current.coalesceMs ?? 0;
    if (delayMs <= 0) return void run();
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, delayMs);
  }

  return {
    request,
    onEvent(event: AnyLiveEvent) {
      const stream = opts.current.streamOf(event);
      if (stream === null) return;
      const key = opts.current.key;
      const judged = followEvent(current(), { stream, seq: event.seq });
      replace(key, judged.follower);
      if (judged.step === 'apply') opts.current.apply(event);
      else if (judged.step === 'refetch') request('gap');
    },
    resume(covered: StreamPositions) {
      const key = opts.current.key;
      const resumed = resumeFollowing(current(), covered);
      replace(key, resumed.follower);
      if (resumed.behind) request('gap');
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export function useLiveFollower(options: LiveFollowOptions): LiveFollowerControls {
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const [follow] = useState(() => createLiveFollow(opts));
  useEffect(() => () => follow.dispose(), [follow]);

  useLiveEvents(follow.onEvent);

  // Already connected when the view mounts: its query is fetching right now, so only later
  // (re)connects catch up. A page rendered on the server connects after hydration, and that first
  // connect does refetch: the server's answer may be older than our room membership.
  const skipMountCall = useRef(getSocket().connected);
  useOnConnect(() => {
    if (skipMountCall.current) {
      skipMountCall.current = false;
      return;
    }
    opts.current.onReconnect?.();
    follow.request('reconnect');
  });

  return useMemo(() => ({ resume: follow.resume, requestRefetch: () => follow.request('gap') }), [follow]);
}
