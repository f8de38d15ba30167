// Runs the submission machine on a locked submission and persists what it decided: the new state
// and amounts (conditional on the version), its events to the seller's room and the queue, and the
// quote-expiry timer when an offer opens.
import { submissionMachine, type CurrencyCode, type MachineActor, type Snapshot, type SubmissionContext, type SubmissionState } from '@marketdesk/domain';
import type { EntityManager, OutboxJob } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { submissionRepository, type SubmissionChanges, type SubmissionRecord } from '../../repositories/submission-repository.js';
import { runCommand } from '../machines/run-command.js';
import { recordEvent } from '../outbox/record-event.js';

export interface SubmissionSettings {
  claimIdleMs: number;
  /** How long a firm offer stays open. */
  quoteValidMs: number;
}

export const quoteExpiryJobName = 'submissions.quoteExpiry';
export const submissionRooms = (s: { sellerId: string }) => [`seller:${s.sellerId}`, 'queue:submissions'];
export const submissionStream = (id: string) => `submission:${id}`;

export function submissionSnapshot(s: SubmissionRecord, itemCount: number, reviewerId: string | null, settings: SubmissionSettings): Snapshot<SubmissionState, SubmissionContext> {
  const context: SubmissionContext = { submissionId: s.id, sellerId: s.sellerId, itemCount, currency: s.currency as CurrencyCode, counterRounds: s.counterRounds, quoteValidForMs: settings.quoteValidMs };
  if (reviewerId) context.reviewerId = reviewerId;
  if (s.quoteMinor !== null) context.quoteMinor = s.quoteMinor;
  if (s.counterMinor !== null) context.counterMinor = s.counterMinor;
  if (s.agreedMinor !== null) context.agreedMinor = s.agreedMinor;
  return { state: s.state as SubmissionState, context, enteredAtMs: s.updatedAt.getTime() };
}

/** One machine command; `changes` adds fields the machine does not own (reject reason, info request). */
export async function applySubmissionCommand(
  tx: EntityManager,
  actor: MachineActor,
  s: SubmissionRecord,
  command: { type: string; payload?: unknown },
  opts: { itemCount: number; reviewerId: string | null; settings: SubmissionSettings; changes?: SubmissionChanges },
  now: Date,
): Promise<SubmissionRecord> {
  const result = runCommand(submissionMachine, submissionSnapshot(s, opts.itemCount, opts.reviewerId, opts.settings), command, actor, now);
  const c = result.snapshot.context;
  const opensQuote = result.timers.schedule.find((t) => t.timer === 'submission.quoteExpiry');
  const changes: SubmissionChanges = {
    ...opts.changes,
    state: result.state,
    quoteMinor: c.quoteMinor ?? null,
    counterMinor: c.counterMinor ?? null,
    agreedMinor: c.agreedMinor ?? null,
    counterRounds: c.counterRounds,
    ...(opensQuote ? { quoteExpiresAt: new Date(opensQuote.fireAtMs) } : {}),
  };
  if (!(await submissionRepository.update(tx, s.id, s.version, changes, now))) {
    throw new AppError('CONFLICT', 'This submission changed at the same moment; reload to see it.', { reason: 'STALE_VERSION' });
  }
  const jobs: OutboxJob[] = opensQuote ? [{ name: quoteExpiryJobName, data: { submissionId: s.id, expiresAt: new Date(opensQuote.fireAtMs).toISOString() }, delayMs: Math.max(0, opensQuote.fireAtMs - now.getTime()) }] : [];
  const actorId = actor.roles.includes('system') ? null : actor.id;
  for (const [i, e] of result.events.entries()) {
    await recordEvent(tx, { stream: submissionStream(s.id), name: e.name, payload: e.payload as never, rooms: submissionRooms(s), jobs: i === 0 ? jobs : [], actorId, now });
  }
  return (await submissionRepository.find(tx, s.id))!;
}
