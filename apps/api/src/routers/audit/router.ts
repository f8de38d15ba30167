// The audit log, read-only by design: there is no procedure that updates or deletes a row.
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { searchAudit } from '../../services/audit/search-audit.js';
import { searchAuditInput } from './audit.types.js';

const search = permissionProcedure('audit.view')
  .input(searchAuditInput)
  .query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return searchAudit(ctx.em, ctx.actor, filter, cursor, limit);
  });

export const auditRouter = router({ search });
