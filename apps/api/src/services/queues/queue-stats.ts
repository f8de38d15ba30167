// A queue's dashboard figures: live counts per state, median time to decision, decisions per person
// and the acceptance rate, over a window (default 30 days).
import type { EntityManager } from '@marketdesk/db';
import { queueStatsRepository } from '../../repositories/queue-stats-repository.js';
import { assertCanView, type QueueActor } from './queue-access.js';

const acceptedStates = ['accepted', 'received', 'listed', 'approved', 'active', 'paid'];

export async function queueStats(em: EntityManager, actor: QueueActor, input: { queue: string; days: number }, now: Date) {
  const queue = assertCanView(actor, input.queue);
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const [countsByState, timing, throughput] = await Promise.all([
    queueStatsRepository.countsByState(em, queue),
    queueStatsRepository.decisionTiming(em, queue, since, acceptedStates),
    queueStatsRepository.deciders(em, queue, since, 20),
  ]);
  const { decided } = timing;
  return {
    queue,
    since,
    countsByState,
    decided,
    acceptanceRate: decided ? timing.accepted / decided : null,
    medianSecondsToDecision: timing.medianSeconds === null ? null : Math.round(timing.medianSeconds),
    throughput,
  };
}
