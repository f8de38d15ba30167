// The gate KYC puts on selling: a seller publishes listings and withdraws money only once their
// identity is verified (an approved check).
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository } from '../../repositories/kyc-repository.js';

const what = { publish: 'publish listings', payout: 'withdraw money' } as const;

export async function assertVerifiedSeller(em: EntityManager, sellerId: string, action: keyof typeof what): Promise<void> {
  if (await kycRepository.isApproved(em, sellerId)) return;
  throw new AppError('FORBIDDEN', `Verify your identity before you ${what[action]}: Console → Verification.`, { reason: 'KYC_REQUIRED' });
}
