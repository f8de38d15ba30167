// Fraud-desk events for the team room: rule edits and flags on people (order holds and review
// decisions are order events).
import { z } from 'zod';
import { eventId } from './transition-fields.js';

export const riskEventPayloads = {
  'risk.rules_changed': z.object({ version: z.number().int(), actorId: eventId }),
  'risk.user_flagged': z.object({ userId: eventId, actorId: eventId }),
  'risk.user_unflagged': z.object({ userId: eventId, actorId: eventId }),
} as const;
