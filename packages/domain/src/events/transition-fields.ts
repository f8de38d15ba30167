// Fields every machine event carries, so a timeline can render any event without knowing its kind.
import { z } from 'zod';

export const eventId = z.string().min(1);

export const transitionFields = {
  from: z.string(),
  to: z.string(),
  /** Null when the system (a timer or a provider webhook) acted. */
  actorId: eventId.nullable(),
};

export const amountFields = { currency: z.string().length(3) };
export const minor = z.number().int();
