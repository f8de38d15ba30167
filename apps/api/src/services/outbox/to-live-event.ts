// Turns an outbox row into the envelope clients receive.
import type { AnyLiveEvent } from '@marketdesk/domain';
import type { OutboxEvent } from '@marketdesk/db';
import { scrubPii } from '../pii/live-payload.js';

export function toLiveEvent(row: OutboxEvent): AnyLiveEvent {
  return {
    id: String(row.id),
    stream: row.stream,
    seq: row.seq,
    name: row.name,
    // Rooms are not one checked viewer: no personal data leaves in a live payload (services/pii).
    payload: scrubPii(row.payload) as Record<string, unknown>,
    actorId: row.actorId,
    occurredAt: row.occurredAt.toISOString(),
    // Lets a client's bug report or a log search name the request that caused the event.
    ...(row.trace ? { requestId: row.trace.requestId } : {}),
  } as AnyLiveEvent;
}
