// The app's one Socket.IO connection and the hooks that read it (console and storefront). The
// socket authenticates with the session cookie (same origin); the console connects only while
// someone is signed in, the storefront also anonymously (public listing rooms only).
// The protocol (event names, signals, acks) is the one the server uses: @marketdesk/domain's socket-protocol.ts.
import { isWholeLiveEvent, type AnyLiveEvent, type ClientToServer, type LiveWireEvent, type PagePresence, type ServerToClient } from '@marketdesk/domain';
import type { LiveStatus } from '../LiveStatusBadge/LiveStatusBadge';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { PresenceEntries } from './presence-entries';

export type LiveSocket = Socket<ServerToClient, ClientToServer>;

let socket: LiveSocket | null = null;
// The tab's one presence page, shared by every component that shows who is on it (presence-entries.ts).
const presence = new PresenceEntries({
  enter: (page) => {
    if (socket?.connected) socket.emit('presence:enter', page, () => {});
  },
  leave: (page) => {
    if (socket?.connected) socket.emit('presence:leave', page, () => {});
  },
});
let status: LiveStatus = 'offline';
const statusListeners = new Set<() => void>();

function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  statusListeners.forEach((l) => l());
}

export function getSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io({ path: '/socket.io', withCredentials: true, autoConnect: false });
  s.on('connect', () => {
    setStatus('connected');
    presence.reconnected();
  });
  s.on('disconnect', (reason) => {
    // A deliberate disconnect (ours, or the server's after logout) will not be retried.
    setStatus(reason === 'io client disconnect' || reason === 'io server disconnect' ? 'offline' : 'reconnecting');
  });
  s.on('connect_error', () => setStatus(s.active ? 'reconnecting' : 'offline'));
  s.io.on('reconnect_attempt', () => setStatus('reconnecting'));
  socket = s;
  return s;
}

/** Open the live channel while `enabled` (someone is signed in); close it otherwise. */
export function useLiveConnection(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const s = getSocket();
    s.connect();
    return () => {
      s.disconnect();
    };
  }, [enabled]);
}

/** Close the socket now (sign-out): the server also drops it, this just avoids a reconnect race. */
export function disconnectLive() {
  socket?.disconnect();
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}

/** Run `onConnect` on every (re)connect: the place to (re)subscribe and refetch what was missed. */
export function useOnConnect(onConnect: (s: LiveSocket) => void) {
  const ref = useRef(onConnect);
  useEffect(() => {
    ref.current = onConnect;
  });
  useEffect(() => {
    const s = getSocket();
    const handler = () => ref.current(s);
    s.on('connect', handler);
    if (s.connected) handler();
    return () => {
      s.off('connect', handler);
    };
  }, []);
}

/** Keep this socket in `room` while mounted (re-asking after every reconnect). */
export function useRoom(room: string | null) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!room) return;
    const s = getSocket();
    const join = () =>
      s.emit('subscribe', room, (res) => setError(res.ok ? null : (res.error ?? 'Could not subscribe')));
    s.on('connect', join);
    if (s.connected) join();
    return () => {
      s.off('connect', join);
      if (s.connected) s.emit('unsubscribe', room, () => {});
    };
  }, [room]);
  return { error };
}

/**
 * Keep this socket in every room of `rooms` while mounted (a list that changes joins the new rooms
 * and leaves the old), re-asking after every reconnect. For pages that follow a set of rooms that
 * depends on the person, e.g. the dashboard's queue rooms.
 */
export function useRooms(rooms: readonly string[]) {
  const key = [...new Set(rooms)].sort().join('\n');
  useEffect(() => {
    if (!key) return;
    const list = key.split('\n');
    const s = getSocket();
    const join = () => list.forEach((room) => s.emit('subscribe', room, () => {}));
    s.on('connect', join);
    if (s.connected) join();
    return () => {
      s.off('connect', join);
      if (s.connected) list.forEach((room) => s.emit('unsubscribe', room, () => {}));
    };
  }, [key]);
}

function useEventListener(handler: (event: LiveWireEvent) => void) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const s = getSocket();
    const listener = (event: LiveWireEvent) => ref.current(event);
    s.on('event', listener);
    return () => {
      s.off('event', listener);
    };
  }, []);
}

/** Call `handler` for every whole live event this socket receives (from the members' rooms it follows). */
export function useLiveEvents(handler: (event: AnyLiveEvent) => void) {
  useEventListener((event) => {
    if (isWholeLiveEvent(event)) handler(event);
  });
}

/**
 * Call `handler` for every live event this socket receives, whole or as a public room's view (no
 * actor, fewer payload fields): for pages that follow a public room, such as a listing's stock.
 */
export function useLiveWireEvents(handler: (event: LiveWireEvent) => void) {
  useEventListener(handler);
}

/**
 * Announce that we are on `page` and return everyone the server says is on it. A page is what the
 * person has in front of them — the console passes its pathname, so opening a drawer (`?item=…`)
 * or any other query string never moves them. The tab is on one page at a time (the server keeps
 * one per socket); components showing the same page share that entry (presence-entries.ts).
 */
export function usePresence(page: string) {
  const [users, setUsers] = useState<PagePresence['users']>([]);
  useEffect(() => {
    const s = getSocket();
    const onPresence = (update: PagePresence) => {
      if (update.page === page) setUsers(update.users);
    };
    s.on('presence', onPresence);
    presence.acquire(page);
    return () => {
      s.off('presence', onPresence);
      setUsers([]);
      presence.release(page);
    };
  }, [page]);
  return users;
}

/** Run `handler` when an admin changes this person's roles or grants (menus and pages follow at once). */
export function useGrantsChanged(handler: () => void) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const s = getSocket();
    const listener = () => ref.current();
    s.on('grants:changed', listener);
    return () => {
      s.off('grants:changed', listener);
    };
  }, []);
}

/** Run `handler` when the server closes our socket (sign-out here or elsewhere, or a revoked session). */
export function useServerDisconnect(handler: () => void) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const s = getSocket();
    const listener = (reason: string) => {
      if (reason === 'io server disconnect') ref.current();
    };
    s.on('disconnect', listener);
    return () => {
      s.off('disconnect', listener);
    };
  }, []);
}
