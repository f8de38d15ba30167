// KYC checks in the command pipeline: the new state, its events to the seller's room and
// `queue:kyc`, and the information deadline timer when the reviewer asks for more.
import { defaultKycInfoWindowMs, kycMachine, type KycContext, type KycState, type Snapshot } from '@marketdesk/domain';
import { kycRepository, type KycChanges, type KycRecord } from '../../repositories/kyc-repository.js';
import type { Aggregate } from '../machines/pipeline.js';
import { job } from '../../jobs/job-types.js';

export const kycRooms = (k: { sellerId: string }) => [`seller:${k.sellerId}`, 'queue:kyc'];
export const kycStream = (id: string) => `kyc:${id}`;

export function kycSnapshot(k: Pick<KycRecord, 'id' | 'sellerId' | 'state' | 'updatedAt'>, reviewerId: string | null): Snapshot<KycState, KycContext> {
  const context: KycContext = { kycId: k.id, sellerId: k.sellerId, infoWindowMs: defaultKycInfoWindowMs };
  if (reviewerId) context.reviewerId = reviewerId;
  return { state: k.state as KycState, context, enteredAtMs: k.updatedAt.getTime() };
}

export interface KycOptions {
  /** The reviewer holding the check in the queue (null when nobody does, or the seller acts). */
  reviewerId: string | null;
}

export const kycAggregate: Aggregate<KycRecord, KycState, KycContext, KycChanges, KycOptions> = {
  noun: 'verification',
  machine: () => kycMachine,
  find: (em, id, opts) => kycRepository.find(em, id, opts),
  snapshot: (k, options) => kycSnapshot(k, options.reviewerId),
  write: (em, id, version, changes, now) => kycRepository.update(em, id, version, changes, now),
  plan(k, result, _command, _options, now) {
    const deadline = result.timers.schedule.find((t) => t.timer === 'kyc.infoDeadline');
    const jobs = deadline ? [job('kyc.infoDeadline', { kycId: k.id, dueAt: new Date(deadline.fireAtMs).toISOString() }, { delayMs: deadline.fireAtMs - now.getTime() })] : [];
    return { changes: { state: result.state, ...(deadline ? { infoDueAt: new Date(deadline.fireAtMs) } : {}) }, jobs };
  },
  stream: (k) => kycStream(k.id),
  rooms: kycRooms,
};
