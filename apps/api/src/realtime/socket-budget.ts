// What one live socket may ask of the API. Every event a client sends (subscribe, presence,
// typing…) costs a token from a per-socket bucket; an event without a token is refused, and so is a
// join past the room cap. Each refusal is a strike; a socket that collects enough strikes within
// one window is disconnected, so a flood ends instead of being answered forever.
// The state and its transitions are pure (the caller passes the clock); guardSocket wires them to a socket.
import type { LiveSocket } from './live-socket.js';

export const budgetWindowMs = 10_000;

export interface SocketLimits {
  maxRooms: number;
  eventsPerWindow: number;
  strikesBeforeDisconnect: number;
}

export interface SocketBudget {
  /** Events the socket may still send now (fractions accrue between events). */
  tokens: number;
  refilledAtMs: number;
  /** Refusals since strikesSinceMs; reset when a window has passed. */
  strikes: number;
  strikesSinceMs: number;
}

export type Verdict = 'admit' | 'refuse' | 'disconnect';

export function newBudget(limits: SocketLimits, nowMs: number): SocketBudget {
  return { tokens: limits.eventsPerWindow, refilledAtMs: nowMs, strikes: 0, strikesSinceMs: nowMs };
}

/** One refusal: 'disconnect' when it is the socket's last allowed strike within the window. */
export function strike(budget: SocketBudget, limits: SocketLimits, nowMs: number): { budget: SocketBudget; verdict: 'refuse' | 'disconnect' } {
  const fresh = nowMs - budget.strikesSinceMs >= budgetWindowMs;
  const strikes = (fresh ? 0 : budget.strikes) + 1;
  const next = { ...budget, strikes, strikesSinceMs: fresh ? nowMs : budget.strikesSinceMs };
  return { budget: next, verdict: strikes >= limits.strikesBeforeDisconnect ? 'disconnect' : 'refuse' };
}

/** One incoming event: it spends a token, or is refused (a strike) when the bucket is empty. */
export function spend(budget: SocketBudget, limits: SocketLimits, nowMs: number): { budget: SocketBudget; verdict: Verdict } {
  const refillPerMs = limits.eventsPerWindow / budgetWindowMs;
  const tokens = Math.min(limits.eventsPerWindow, budget.tokens + Math.max(0, nowMs - budget.refilledAtMs) * refillPerMs);
  const refilled = { ...budget, tokens, refilledAtMs: nowMs };
  if (tokens >= 1) return { budget: { ...refilled, tokens: tokens - 1 }, verdict: 'admit' };
  return strike(refilled, limits, nowMs);
}

/** Rooms a socket chose to follow: its socket id, own user/session rooms and presence page do not count. */
export function followedRoomCount(rooms: ReadonlySet<string>, socketId: string): number {
  let n = 0;
  for (const room of rooms) if (room !== socketId && !/^(user|session|presence):/.test(room)) n += 1;
  return n;
}

export type Refusal = { ok: false; error: 'RATE_LIMITED' | 'TOO_MANY_ROOMS'; message: string };
type Ack = (res: Refusal) => void;

export interface SocketGuard {
  limits: SocketLimits;
  /** Answer a refused request and count the strike (disconnecting at the last one). */
  refuse(ack: Ack | undefined, refusal: Refusal): void;
}

export const rateLimited: Refusal = { ok: false, error: 'RATE_LIMITED', message: 'This connection is sending too much at once. Wait a few seconds and try again.' };

/** Installs the event budget on a socket (before any handler runs) and returns the guard handlers refuse through. */
export function guardSocket(socket: LiveSocket, limits: SocketLimits, clock: () => number = Date.now): SocketGuard {
  let budget = newBudget(limits, clock());
  const act = (verdict: 'refuse' | 'disconnect', ack: Ack | undefined, refusal: Refusal) => {
    ack?.(refusal);
    // After the answer is queued, so the client learns why it was dropped.
    if (verdict === 'disconnect') socket.disconnect(true);
  };
  socket.use((packet, next) => {
    const result = spend(budget, limits, clock());
    budget = result.budget;
    if (result.verdict === 'admit') return next();
    const last: unknown = packet[packet.length - 1];
    act(result.verdict, typeof last === 'function' ? (last as Ack) : undefined, rateLimited);
  });
  return {
    limits,
    refuse(ack, refusal) {
      const result = strike(budget, limits, clock());
      budget = result.budget;
      act(result.verdict, ack, refusal);
    },
  };
}
