// Filters for the audit log (the console's search form and the CSV export share them).
import { z } from 'zod';

export const auditFilterSchema = z.object({
  actorId: z.string().uuid().optional(),
  action: z.string().trim().min(1).max(120).regex(/^[\w.*:-]+$/, 'letters, digits, . _ - : and a trailing *').optional(),
  objectType: z.string().trim().min(1).max(40).optional(),
  objectId: z.string().trim().min(1).max(120).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const searchAuditInput = auditFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
