// The live channel's protocol, declared once for both ends of the socket: what the API's Socket.IO
// server sends (ServerToClient) and what a client may ask of it (ClientToServer). The server types
// its `Server<ClientToServer, ServerToClient>` with these (apps/api/src/realtime/live-socket.ts), the
// apps their `Socket<ServerToClient, ClientToServer>` (@marketdesk/ui/app live.ts), so renaming an
// event or changing a signal breaks the build on both sides at once. Types and pure helpers only.
import type { AnyLiveEvent } from '../events/catalogue.js';
import type { PublicLiveEvent } from '../policy/rooms.js';
import type { ChatRole } from '../chat/rules.js';

/** What every live event carries: members' rooms get the whole event, public rooms its public view. */
export type LiveWireEvent = AnyLiveEvent | PublicLiveEvent;

/**
 * Whether an event arrived whole (from a members' room) rather than as a public room's view: every
 * whole event carries `actorId` (null when the system acted), no public view does (policy/rooms.ts).
 */
export function isWholeLiveEvent(event: LiveWireEvent): event is AnyLiveEvent {
  return Object.hasOwn(event, 'actorId');
}

/** Who is on one console page right now (the `presence:{page}` room). */
export interface PagePresence {
  page: string;
  users: { id: string; displayName: string }[];
}

/** Someone in a chat thread, as the others see them: support staff appear as Support, without id. */
export interface ChatPerson {
  id: string | null;
  name: string;
  role: ChatRole;
}

/** "typing…" in a thread: ephemeral, never stored. */
export interface ChatTypingSignal {
  threadId: string;
  user: ChatPerson;
  typing: boolean;
}

export type ChatPresenceStateName = 'online' | 'away';

/** Who is in a thread right now (online, or away while their tab is hidden). */
export interface ChatPresenceState {
  threadId: string;
  users: (ChatPerson & { state: ChatPresenceStateName })[];
}

/** What the server answers a client's request with: a refusal names its reason in `error` (a code) and may add a `message` for people. */
export interface LiveAck {
  ok: boolean;
  error?: string;
  message?: string;
}
export type LiveAckFn = (res: LiveAck) => void;

export interface ServerToClient {
  /** Members' rooms get the whole event; public rooms its public view (policy/rooms.ts). */
  event: (event: LiveWireEvent) => void;
  presence: (state: PagePresence) => void;
  'chat:typing': (signal: ChatTypingSignal) => void;
  'chat:presence': (state: ChatPresenceState) => void;
  /** An admin changed this person's roles or a role they hold: their apps re-read roles and grants. */
  'grants:changed': () => void;
}

export interface ClientToServer {
  subscribe: (room: string, ack?: LiveAckFn) => void;
  unsubscribe: (room: string, ack?: LiveAckFn) => void;
  'presence:enter': (page: string, ack?: LiveAckFn) => void;
  'presence:leave': (page: string, ack?: LiveAckFn) => void;
  'chat:typing': (signal: { threadId: string; typing: boolean }, ack?: LiveAckFn) => void;
  'chat:presence': (signal: { state: ChatPresenceStateName }, ack?: LiveAckFn) => void;
}
