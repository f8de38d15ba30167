// Submissions in the command pipeline: the new state and amounts, its events to the seller's room
// and the queue, and the quote-expiry timer when an offer opens.
import { submissionMachine, type CurrencyCode, type Snapshot, type SubmissionContext, type SubmissionState } from '@marketdesk/domain';
import { submissionRepository, type SubmissionChanges, type SubmissionRecord } from '../../repositories/submission-repository.js';
import type { Aggregate } from '../machines/pipeline.js';
import { job } from '../../jobs/job-types.js';

export interface SubmissionSettings {
  claimIdleMs: number;
  /** How long a firm offer stays open. */
  quoteValidMs: number;
}

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

export interface SubmissionOptions {
  itemCount: number;
  reviewerId: string | null;
  settings: SubmissionSettings;
}

export const submissionAggregate: Aggregate<SubmissionRecord, SubmissionState, SubmissionContext, SubmissionChanges, SubmissionOptions> = {
  noun: 'submission',
  machine: () => submissionMachine,
  find: (em, id, opts) => submissionRepository.find(em, id, opts),
  snapshot: (s, o) => submissionSnapshot(s, o.itemCount, o.reviewerId, o.settings),
  write: (em, id, version, changes, now) => submissionRepository.update(em, id, version, changes, now),
  plan(s, result, _command, _options, now) {
    const c = result.snapshot.context;
    const opensQuote = result.timers.schedule.find((t) => t.timer === 'submission.quoteExpiry');
    const changes: SubmissionChanges = {
      state: result.state,
      quoteMinor: c.quoteMinor ?? null,
      counterMinor: c.counterMinor ?? null,
      agreedMinor: c.agreedMinor ?? null,
      counterRounds: c.counterRounds,
      ...(opensQuote ? { quoteExpiresAt: new Date(opensQuote.fireAtMs) } : {}),
    };
    const jobs = opensQuote ? [job('submissions.quoteExpiry', { submissionId: s.id, expiresAt: new Date(opensQuote.fireAtMs).toISOString() }, { delayMs: opensQuote.fireAtMs - now.getTime() })] : [];
    return { changes, jobs };
  },
  stream: (s) => submissionStream(s.id),
  rooms: submissionRooms,
};
