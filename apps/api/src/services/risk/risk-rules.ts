// The fraud rules in force (newest version wins; the defaults until an admin edits them) and the
// staff flags on people that raise their checkouts' risk.
import { defaultRiskRules, riskRulesSchema, teamRoom, type RiskRules } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { riskRepository } from '../../repositories/risk-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { assertLead, type QueueActor } from '../queues/queue-access.js';
import { recordEvent } from '../outbox/record-event.js';

export async function currentRiskRules(em: EntityManager): Promise<RiskRules & { version: number }> {
  const latest = await riskRepository.latestRules(em);
  if (!latest) return { ...defaultRiskRules, version: 0 };
  // Rules saved before a signal existed take that signal's default.
  const parsed = riskRulesSchema.safeParse({ ...defaultRiskRules, ...latest.rules });
  return { ...(parsed.success ? parsed.data : defaultRiskRules), version: latest.version };
}

/** A new version of the rules by a lead, on the version the editor saw (a concurrent edit is a CONFLICT). */
export async function saveRiskRules(em: EntityManager, actor: QueueActor, input: { version: number; rules: RiskRules }, now: Date) {
  assertLead(actor, 'change the risk rules');
  return em.transactional(async (tx) => {
    await riskRepository.lockRules(tx);
    const current = await currentRiskRules(tx);
    if (current.version !== input.version) throw new AppError('CONFLICT', 'Someone changed the rules since you opened them; reload to see their version.', { reason: 'STALE_VERSION', current });
    const version = await riskRepository.insertRules(tx, input.rules, actor.id, now);
    await recordEvent(tx, { stream: 'risk-rules', name: 'risk.rules_changed', payload: { version, actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return currentRiskRules(tx);
  });
}

export const activeFlags = (em: EntityManager, userId: string) => riskRepository.activeFlags(em, userId);

export async function flagUser(em: EntityManager, actor: { id: string }, input: { userId: string; note: string }, now: Date) {
  return em.transactional(async (tx) => {
    if (!(await userRepository.findById(tx, input.userId))) throw new AppError('NOT_FOUND', 'This person does not exist.');
    await riskRepository.insertFlag(tx, { userId: input.userId, note: input.note, actorId: actor.id, now });
    await recordEvent(tx, { stream: `user-flags:${input.userId}`, name: 'risk.user_flagged', payload: { userId: input.userId, actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return riskRepository.activeFlags(tx, input.userId);
  });
}

export async function clearFlag(em: EntityManager, actor: { id: string }, input: { flagId: string }, now: Date) {
  return em.transactional(async (tx) => {
    const userId = await riskRepository.clearFlag(tx, input.flagId, actor.id, now);
    if (!userId) throw new AppError('NOT_FOUND', 'This flag does not exist or was already cleared.');
    await recordEvent(tx, { stream: `user-flags:${userId}`, name: 'risk.user_unflagged', payload: { userId, actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return riskRepository.activeFlags(tx, userId);
  });
}
