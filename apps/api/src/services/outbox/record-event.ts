// The only way state changes announce themselves: validate against the catalogue, then append to
// the outbox inside the caller's transaction. Nothing is sent until that transaction commits.
import { parseEventPayload, type EventName, type EventPayload } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { outboxRepository } from '../../repositories/outbox-repository.js';
import { handedOnContext } from '../../observability/request-context.js';
import { auditEvent } from '../audit/audit-events.js';
import type { CheckedJob } from '../../jobs/job-types.js';

export interface RecordEventInput<N extends EventName> {
  stream: string;
  name: N;
  payload: EventPayload<N>;
  rooms: string[];
  jobs?: CheckedJob[];
  actorId: string | null;
  now: Date;
}

export async function recordEvent<N extends EventName>(em: EntityManager, input: RecordEventInput<N>) {
  const payload = parseEventPayload(input.name, input.payload) as Record<string, unknown>;
  const seq = await outboxRepository.nextSeq(em, input.stream);
  const row = outboxRepository.add(
    em,
    {
      stream: input.stream,
      name: input.name,
      payload,
      rooms: input.rooms,
      jobs: input.jobs ?? [],
      actorId: input.actorId,
      occurredAt: input.now,
      // The request behind the change (when there is one) and its trace context, for its jobs' logs
      // and traces and for clients.
      trace: handedOnContext() ?? null,
    },
    seq,
  );
  // A person's change is also an audit row, in the same transaction (machine transitions carry from/to).
  if (input.actorId) await auditEvent(em, { stream: input.stream, name: input.name, payload, actorId: input.actorId, now: input.now });
  // Outside a transaction nothing else would flush it: write it now (a standalone progress event).
  if (!em.isInTransaction()) await em.flush();
  return row;
}
