// Seller identity verification events, for `queue:kyc` and the seller.
import { z } from 'zod';
import { eventId, transitionFields } from './transition-fields.js';

const kyc = { kycId: eventId, sellerId: eventId, ...transitionFields };

export const kycEventPayloads = {
  'kyc.submitted': z.object(kyc),
  'kyc.claimed': z.object({ ...kyc, reviewerId: eventId }),
  'kyc.released': z.object(kyc),
  'kyc.approved': z.object(kyc),
  'kyc.rejected': z.object({ ...kyc, reason: z.string() }),
  'kyc.info_requested': z.object({ ...kyc, message: z.string() }),
} as const;
