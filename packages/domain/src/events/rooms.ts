// Live room names (docs/architecture.md "Live rooms"). `team` carries the staff activity feed;
// `support:inbox` the support inbox's thread summaries (staff with chat.support);
// `listing:{id}` is public (live stock on a listing page, open to anonymous visitors).
export const queueNames = ['submissions', 'listings', 'kyc', 'disputes', 'payouts', 'fraud'] as const;
export type QueueName = (typeof queueNames)[number];

export type Room =
  | { kind: 'user'; id: string }
  | { kind: 'queue'; id: QueueName }
  | { kind: 'order'; id: string }
  | { kind: 'thread'; id: string }
  | { kind: 'seller'; id: string }
  | { kind: 'presence'; id: string }
  | { kind: 'team'; id: 'all' }
  | { kind: 'support'; id: 'inbox' }
  | { kind: 'listing'; id: string };

/** Every kind of room (the authorization matrix test checks each against its policy). */
export const roomKinds = ['user', 'queue', 'order', 'thread', 'seller', 'presence', 'team', 'support', 'listing'] as const;

/** Parse `kind:id`; returns null for anything malformed so callers refuse it. */
export function parseRoom(name: string): Room | null {
  const at = name.indexOf(':');
  if (at <= 0 || name.length > 200) return null;
  const kind = name.slice(0, at);
  const id = name.slice(at + 1);
  if (!(roomKinds as readonly string[]).includes(kind) || !/^[A-Za-z0-9_\-./]+$/.test(id)) return null;
  if (kind === 'queue' && !(queueNames as readonly string[]).includes(id)) return null;
  if (kind === 'team' && id !== 'all') return null;
  if (kind === 'support' && id !== 'inbox') return null;
  return { kind, id } as Room;
}

export function roomName(room: Room): string {
  return `${room.kind}:${room.id}`;
}

export const teamRoom = 'team:all';

/** Support staff's room: a summary of every change to an order conversation, joined or not. */
export const supportInboxRoom = 'support:inbox';

export function listingRoom(listingId: string): string {
  return roomName({ kind: 'listing', id: listingId });
}
