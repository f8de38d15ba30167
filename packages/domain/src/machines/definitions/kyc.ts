// Seller identity verification (KYC). A seller cannot be paid out before approval (checked by the
// payout service); missing information has a deadline after which the check is rejected.
import { z } from 'zod';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, reasonPayload } from './shared.js';

export type KycState = 'not_started' | 'submitted' | 'in_review' | 'approved' | 'rejected' | 'needs_info';

export interface KycContext {
  kycId: string;
  sellerId: string;
  reviewerId?: string;
  /** How long the seller has to provide requested information. */
  infoWindowMs: number;
}

export const defaultKycInfoWindowMs = 14 * DAY_MS;

const kycCommands = {
  submit: { label: 'Submit', payload: emptyPayload },
  claim: { label: 'Claim', payload: emptyPayload },
  release: { label: 'Release', payload: emptyPayload },
  approve: { label: 'Approve', payload: emptyPayload },
  reject: { label: 'Reject', payload: reasonPayload },
  request_info: { label: 'Request information', payload: z.object({ message: z.string().trim().min(1).max(2000) }) },
  resubmit: { label: 'Resubmit', payload: emptyPayload },
  lapse: { label: 'Lapse', payload: emptyPayload },
} satisfies CommandCatalogue;

// The seller submits their own check (`kyc.submit`, theirs alone); reviewers claim checks and decide
// what they claimed (`kyc.review`: agents `assigned`, admins any).
const seller = { permission: 'kyc.submit', party: 'seller', partyOnly: true } as const;
const reviewers = { permission: 'kyc.review' } as const;

export const kycMachine = defineMachine<KycState, typeof kycCommands, KycContext>({
  id: 'kyc',
  label: 'KYC check',
  initial: 'not_started',
  commands: kycCommands,
  policyObject: (c) => ({ kind: 'kyc', sellerId: c.sellerId, ...(c.reviewerId ? { reviewerId: c.reviewerId } : {}) }),
  states: {
    not_started: { label: 'Not started', on: { submit: { to: 'submitted', ...seller, emits: ['kyc.submitted'] } } },
    submitted: {
      label: 'Submitted',
      on: { claim: { to: 'in_review', ...reviewers, claims: true, assign: (c, _p, actor) => ({ ...c, reviewerId: actor.id }), emits: ['kyc.claimed'] } },
    },
    in_review: {
      label: 'In review',
      on: {
        approve: { to: 'approved', ...reviewers, emits: ['kyc.approved'] },
        reject: { to: 'rejected', ...reviewers, emits: ['kyc.rejected'] },
        request_info: { to: 'needs_info', ...reviewers, emits: ['kyc.info_requested'] },
        release: { to: 'submitted', ...reviewers, assign: ({ reviewerId: _r, ...c }) => c, emits: ['kyc.released'] },
      },
    },
    needs_info: {
      label: 'Needs information',
      onEnter: [{ timer: 'kyc.infoDeadline', command: 'lapse', afterMs: (c) => c.infoWindowMs }],
      on: {
        resubmit: { to: 'submitted', ...seller, emits: ['kyc.submitted'] },
        lapse: { to: 'rejected', system: true, emits: ['kyc.rejected'] },
      },
    },
    approved: { label: 'Approved', terminal: true },
    rejected: { label: 'Rejected', terminal: true },
  },
  eventPayload(name, info) {
    const c = info.context;
    const base = { kycId: c.kycId, sellerId: c.sellerId, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    switch (name) {
      case 'kyc.claimed':
        return { ...base, reviewerId: c.reviewerId };
      case 'kyc.rejected':
        return { ...base, reason: payloadField<string>(info.payload, 'reason') ?? 'information_not_provided' };
      case 'kyc.info_requested':
        return { ...base, message: payloadField<string>(info.payload, 'message') };
      default:
        return base;
    }
  },
});

/**
 * How a verification reads to its seller: deliberately the seller's wording (reviewers read the
 * machine's labels). `not_started` is also a seller with no check at all. `reminder` is the line
 * shown where selling waits for verification (absent once verified). Keyed by the machine's states,
 * so a new state does not compile until its wording is written.
 */
export const kycSellerWording: { readonly [S in KycState]: { readonly label: string; readonly text: string; readonly reminder: string | null } } = {
  not_started: {
    label: 'Not verified',
    text: 'Verify your identity to publish listings and withdraw your earnings. It takes a few minutes; our team usually decides within two working days.',
    reminder: 'Verify your identity to publish listings and withdraw money.',
  },
  submitted: {
    label: 'In review',
    text: 'Thanks — our team is checking your details. You will be notified here as soon as they decide.',
    reminder: 'Your identity check is in review: you can prepare drafts, and publish once it is approved.',
  },
  in_review: {
    label: 'In review',
    text: 'Thanks — our team is checking your details. You will be notified here as soon as they decide.',
    reminder: 'Your identity check is in review: you can prepare drafts, and publish once it is approved.',
  },
  needs_info: { label: 'Information needed', text: 'Our team needs something more from you before they can decide.', reminder: 'Our team needs more information to verify you.' },
  approved: { label: 'Verified', text: 'Your identity is verified. You can publish listings and withdraw your earnings.', reminder: null },
  rejected: {
    label: 'Not approved',
    text: 'Your last verification was not approved. You can correct your details and submit again.',
    reminder: 'Your identity check was not approved; correct it to publish and withdraw.',
  },
};
