// The procedure builders every router uses: public, signed-in, and role-gated.
import { TRPCError } from '@trpc/server';
import { hasGrant, hasRole, type Permission, type Role } from '@marketdesk/domain';
import { toTrpcError } from '../errors/to-trpc.js';
import { t } from './init.js';

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor, ...roles)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs one of these roles: ${roles.join(', ')}.`,
      });
    }
    return next();
  });
}

/** Gate by the domain's permission policy (ARCHITECTURE.md rule 5); object checks stay in services. */
export function permissionProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasGrant(ctx.actor, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `You do not have the ${permission} permission.` });
    }
    return next();
  });
}
