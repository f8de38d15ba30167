// The dashboard's view of the work: for every queue the person may see (the domain's
// queuePermissions), how many items wait for staff, how many nobody holds, the oldest, and how many
// are at risk of their SLA or past it (the domain's queueSlaRisk, counted in SQL). One query for all
// queues; the console refreshes it when queue events arrive.
import { queueAtRiskFraction, queueOpenStates, type QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueOverviewRepository } from '../../repositories/queue-overview-repository.js';
import { viewableQueues, type QueueActor } from './queue-access.js';

export interface QueueOverviewRow {
  queue: QueueName;
  open: number;
  unclaimed: number;
  oldestAtMs: number | null;
  atRisk: number;
  overdue: number;
}

export async function queueOverview(em: EntityManager, actor: QueueActor, now: Date): Promise<QueueOverviewRow[]> {
  const queues = viewableQueues(actor);
  if (queues.length === 0) throw new AppError('FORBIDDEN', 'The work queues are for the Marketdesk team.');
  const found = await queueOverviewRepository.overview(em, { queues: queues.map((queue) => ({ queue, openStates: queueOpenStates[queue] })), atRiskFraction: queueAtRiskFraction, now });
  const byQueue = new Map(found.map((r) => [r.queue, r]));
  return queues.map((queue) => {
    const r = byQueue.get(queue);
    return { queue, open: r?.open ?? 0, unclaimed: r?.unclaimed ?? 0, oldestAtMs: r?.oldestAt?.getTime() ?? null, atRisk: r?.atRisk ?? 0, overdue: r?.overdue ?? 0 };
  });
}
