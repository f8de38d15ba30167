// Runs the kyc machine on a locked check and persists what it decided: the new state (conditional on
// the version), its events to the seller's room and `queue:kyc`, and the information deadline
// timer when the reviewer asks for more.
import { defaultKycInfoWindowMs, kycMachine, type KycContext, type KycState, type MachineActor, type Snapshot } from '@marketdesk/domain';
import type { EntityManager, OutboxJob } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository, type KycChanges, type KycRecord } from '../../repositories/kyc-repository.js';
import { runCommand } from '../machines/run-command.js';
import { recordEvent } from '../outbox/record-event.js';

export const kycInfoDeadlineJobName = 'kyc.infoDeadline';
export const kycRooms = (k: { sellerId: string }) => [`seller:${k.sellerId}`, 'queue:kyc'];
export const kycStream = (id: string) => `kyc:${id}`;

export function kycSnapshot(k: Pick<KycRecord, 'id' | 'sellerId' | 'state' | 'updatedAt'>, reviewerId: string | null): Snapshot<KycState, KycContext> {
  const context: KycContext = { kycId: k.id, sellerId: k.sellerId, infoWindowMs: defaultKycInfoWindowMs };
  if (reviewerId) context.reviewerId = reviewerId;
  return { state: k.state as KycState, context, enteredAtMs: k.updatedAt.getTime() };
}

/** One machine command; `changes` adds fields the machine does not own (reason, request, decider). */
export async function applyKycCommand(tx: EntityManager, actor: MachineActor, k: KycRecord, command: { type: string; payload?: unknown }, reviewerId: string | null, changes: KycChanges, now: Date): Promise<KycRecord> {
  const result = runCommand(kycMachine, kycSnapshot(k, reviewerId), command, actor, now);
  const deadline = result.timers.schedule.find((t) => t.timer === kycInfoDeadlineJobName);
  const all: KycChanges = { ...changes, state: result.state, ...(deadline ? { infoDueAt: new Date(deadline.fireAtMs) } : {}) };
  if (!(await kycRepository.update(tx, k.id, k.version, all, now))) throw new AppError('CONFLICT', 'This verification changed at the same moment; reload to see it.', { reason: 'STALE_VERSION' });
  const jobs: OutboxJob[] = deadline ? [{ name: kycInfoDeadlineJobName, data: { kycId: k.id, dueAt: new Date(deadline.fireAtMs).toISOString() }, delayMs: Math.max(0, deadline.fireAtMs - now.getTime()) }] : [];
  const actorId = actor.roles.includes('system') ? null : actor.id;
  for (const [i, e] of result.events.entries()) {
    await recordEvent(tx, { stream: kycStream(k.id), name: e.name, payload: e.payload as never, rooms: kycRooms(k), jobs: i === 0 ? jobs : [], actorId, now });
  }
  return (await kycRepository.find(tx, k.id))!;
}
