// Filters for the audit log (the console's search form and the CSV export share them).
import { z } from 'zod';

// Bounded so a year like +165803 is refused here instead of overflowing PostgreSQL's timestamp (the fuzz test found it).
const day = z.coerce.date().min(new Date('2000-01-01T00:00:00Z'), 'Pick a date after 2000').max(new Date('2100-01-01T00:00:00Z'), 'Pick a date before 2100');

export const auditFilterSchema = z.object({
  actorId: z.string().uuid().optional(),
  action: z.string().trim().min(1).max(120).regex(/^[\w.*:-]+$/, 'letters, digits, . _ - : and a trailing *').optional(),
  objectType: z.string().trim().min(1).max(40).optional(),
  objectId: z.string().trim().min(1).max(120).optional(),
  from: day.optional(),
  to: day.optional(),
});

export const searchAuditInput = auditFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
