// The audit log, read-only by design: there is no procedure that updates or deletes a row.
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { searchAudit } from '../../services/audit/search-audit.js';
import { searchPeople } from '../../services/rbac/role-admin.js';
import { peopleSearchInput } from '../roles/roles.types.js';
import { searchAuditInput } from './audit.types.js';

const search = permissionProcedure('audit.view')
  .input(searchAuditInput)
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return searchAudit(ctx.em, ctx.actor, filter, cursor, limit);
  });

/** The actor filter's picker: anyone, by name or email (the roles page's people search). */
const people = permissionProcedure('audit.view')
  .input(peopleSearchInput)
  .query(({ ctx, input }) => searchPeople(ctx.em, ctx.actor, input.q, { permission: 'audit.view' }));

export const auditRouter = router({ search, people });
