// Bulk actions on a selection (up to 500 rows): every item in its own transaction with its own
// version check, so each item is either fully done or untouched — never half-applied — and one
// refusal does not stop the rest. Progress goes live to the actor's `user:{id}` room; the answer
// lists what succeeded and, per item, why the others did not.
import { randomUUID } from 'node:crypto';
import type { MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import type { SubmissionSettings } from '../submissions/submission-aggregate.js';
import { reassignLocked } from './claims.js';
import { assertCanWork, assertLead, type QueueActor } from './queue-access.js';
import { decideRow, isDecidable, type DeciderDeps } from './queue-deciders.js';

export type BulkInput =
  | { queue: string; action: 'accept'; items: { id: string; version: number }[] }
  | { queue: string; action: 'reject'; items: { id: string; version: number }[]; reason: string; note: string }
  | { queue: string; action: 'assign'; items: { id: string; version: number }[]; toUserId: string };

export interface BulkFailure {
  itemId: string;
  code: string;
  message: string;
}

export async function bulkAct(em: EntityManager, actor: QueueActor & MachineActor, input: BulkInput, settings: SubmissionSettings, now: () => Date, deps: DeciderDeps = { paymentsConfigured: false }) {
  const queue = assertCanWork(actor, input.queue);
  if (input.action === 'assign') assertLead(actor, 'assign items in bulk');
  else if (!isDecidable(queue)) throw new AppError('BAD_REQUEST', `Items in the ${queue} queue are decided one by one from their own page.`, { field: 'action' });
  if (new Set(input.items.map((i) => i.id)).size !== input.items.length) throw new AppError('BAD_REQUEST', 'Each item may appear once in a selection.', { field: 'items' });
  const bulkId = randomUUID();
  const total = input.items.length;
  const step = Math.max(1, Math.floor(total / 20));
  const succeeded: string[] = [];
  const failures: BulkFailure[] = [];
  const progress = (done: number) =>
    em.transactional((tx) =>
      recordEvent(tx, { stream: `bulk:${bulkId}`, name: 'queue.bulk.progress', payload: { bulkId, queue, action: input.action, total, done, succeeded: succeeded.length, failed: failures.length }, rooms: [`user:${actor.id}`], actorId: actor.id, now: now() }),
    );
  for (const [n, target] of input.items.entries()) {
    try {
      await em.transactional(async (tx) => {
        const row = await queueItemRepository.find(tx, target.id, { forUpdate: true });
        if (!row || row.queue !== queue) throw new AppError('NOT_FOUND', `This item is not in the ${queue} queue.`);
        const at = now();
        if (input.action === 'assign') return reassignLocked(tx, actor, row, target.version, input.toUserId, settings, at);
        const decision = input.action === 'accept' ? ({ decision: 'accept' } as const) : ({ decision: 'reject', reason: input.reason, note: input.note } as const);
        return decideRow(tx, actor, row, target.version, decision, settings, at, deps);
      });
      succeeded.push(target.id);
    } catch (err) {
      // A refusal is reported per item; anything unexpected too (that item rolled back on its own).
      if (err instanceof AppError) failures.push({ itemId: target.id, code: err.code, message: err.message });
      else failures.push({ itemId: target.id, code: 'INTERNAL', message: 'Something went wrong with this item; nothing was changed. Try it again.' });
    }
    if ((n + 1) % step === 0 && n + 1 < total) await progress(n + 1);
  }
  await em.transactional((tx) =>
    recordEvent(tx, { stream: `bulk:${bulkId}`, name: 'queue.bulk.completed', payload: { bulkId, queue, action: input.action, total, succeeded: succeeded.length, failures }, rooms: [`user:${actor.id}`], actorId: actor.id, now: now() }),
  );
  return { bulkId, total, succeeded, failures };
}
