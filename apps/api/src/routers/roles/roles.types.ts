// Role names, grants and the edits admins make to them.
import { z } from 'zod';
import { permissions } from '@marketdesk/domain';

export const roleName = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, 2–40 characters, starting with a letter');
const scope = z.enum(['any', 'own', 'assigned']);
export const grantsSchema = z.partialRecord(z.enum(permissions), scope);

/** A people picker's search: part of a name or an email address. */
export const peopleSearchInput = z.object({ q: z.string().trim().min(1).max(100) });

export const createRoleInput = z.object({
  name: roleName,
  description: z.string().trim().max(300).default(''),
  staff: z.boolean().default(false),
  grants: grantsSchema.default({}),
});

export const updateRoleInput = z.object({
  name: roleName,
  version: z.number().int().positive(),
  newName: roleName.optional(),
  description: z.string().trim().max(300).optional(),
  staff: z.boolean().optional(),
  grants: grantsSchema.optional(),
});

export const assignRolesInput = z.object({ userId: z.string().uuid(), roles: z.array(roleName).max(20) });
