// Domain events a person caused become audit rows: the event name is the action, the stream names
// the object (`order:42` → order 42), and a machine transition's from/to become before/after.
import type { EntityManager } from '@marketdesk/db';
import { writeAudit } from './write-audit.js';

export async function auditEvent(em: EntityManager, e: { stream: string; name: string; payload: Record<string, unknown>; actorId: string; now: Date }): Promise<void> {
  const colon = e.stream.indexOf(':');
  const objectType = colon > 0 ? e.stream.slice(0, colon) : e.stream;
  const objectId = colon > 0 ? e.stream.slice(colon + 1) : null;
  const from = e.payload.from ?? e.payload.fromState;
  const to = e.payload.to ?? e.payload.toState ?? e.payload.state;
  await writeAudit(
    em,
    {
      action: e.name,
      objectType,
      objectId,
      actorId: e.actorId,
      before: from !== undefined ? { state: from } : null,
      after: to !== undefined ? { state: to, event: e.payload } : { event: e.payload },
    },
    e.now,
  );
}
