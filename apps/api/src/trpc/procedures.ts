// The procedure builders every router uses: public, signed-in, and role-gated. Each builder records
// what it demands as procedure meta (`access`), which the authorization matrix test reads.
import { TRPCError } from '@trpc/server';
import { hasGrant, hasRole, isStaff, type Permission, type Role } from '@marketdesk/domain';
import { toTrpcError } from '../errors/to-trpc.js';
import { runWithAuditContext } from '../services/audit/audit-context.js';
import { recordStaffCall } from '../services/audit/staff-calls.js';
import { t } from './init.js';

const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause);
    // Every refusal for rate reasons tells the client when to come back (HTTP Retry-After).
    const retryAfter = (result.error.cause as { details?: { retryAfterSeconds?: unknown } } | undefined)?.details?.retryAfterSeconds;
    if ((mapped ?? result.error).code === 'TOO_MANY_REQUESTS' && typeof retryAfter === 'number') void ctx.res.header('retry-after', String(retryAfter));
    if (mapped) throw mapped;
  }
  return result;
});

/**
 * Every mutation is rate limited in Redis, per procedure and per signed-in user (per IP when
 * anonymous); auth mutations add a stricter per-IP budget through authLimitedProcedure.
 */
const limitMutations = t.middleware(async ({ ctx, path, type, next }) => {
  if (type === 'mutation') {
    const who = ctx.actor ? `user:${ctx.actor.id}` : `ip:${ctx.ip}`;
    await ctx.services.limiter.consume(`rl:mut:${path}:${who}`, { limit: ctx.services.config.RATE_LIMIT_MUTATIONS_PER_MINUTE, windowSeconds: 60 });
  }
  return next();
});

/** Staff without a second factor (while required) reach only their own account procedures until they enrol. */
const requireStaffTwoFactor = t.middleware(({ ctx, path, next }) => {
  if (ctx.actor && !path.startsWith('auth.') && ctx.services.twoFactor.setupRequired(ctx.actor)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Set up two-factor sign-in first: staff accounts need it.' });
  }
  return next();
});

/** Who acts, from where: the audit log reads it wherever a service writes a row. */
const auditContext = t.middleware(({ ctx, next }) =>
  runWithAuditContext({ actor: ctx.actor ? { id: ctx.actor.id, roles: ctx.actor.roles } : null, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent }, () => next()),
);

/** Every staff mutation, allowed or refused, leaves an audit row naming the procedure and outcome. */
const auditStaffMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const result = await next();
  if (type === 'mutation' && ctx.actor && isStaff(ctx.actor)) {
    const outcome = result.ok ? 'ok' : (toTrpcError(result.error.cause)?.code ?? result.error.code);
    const input = await getRawInput().catch(() => null);
    await recordStaffCall(ctx.services.db, { path, input, outcome }, (err) => ctx.req.log.error({ err, path }, 'audit row for a staff call was not written'));
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.meta({ access: 'public' }).use(mapErrors).use(auditContext).use(limitMutations);

/** Sign-in, registration, reset and verification: a tighter per-IP budget against guessing and mail floods. */
export const authLimitedProcedure = publicProcedure.use(async ({ ctx, path, next }) => {
  const { RATE_LIMIT_AUTH_PER_IP: limit, RATE_LIMIT_AUTH_WINDOW_SECONDS: windowSeconds } = ctx.services.config;
  await ctx.services.limiter.consume(`rl:auth:${path}:${ctx.ip}`, { limit, windowSeconds });
  return next();
});

export const authedProcedure = publicProcedure
  .meta({ access: 'signed-in' })
  .use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' });
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  })
  .use(requireStaffTwoFactor)
  .use(auditStaffMutations);

export function roleProcedure(...roles: Role[]) {
  return authedProcedure.meta({ access: 'role', roles }).use(({ ctx, next }) => {
    if (!hasRole(ctx.actor, ...roles)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs one of these roles: ${roles.join(', ')}.`,
      });
    }
    return next();
  });
}

/** Gate by the domain's permission policy (docs/architecture.md rule 5); object checks stay in services. */
export function permissionProcedure(permission: Permission) {
  return authedProcedure.meta({ access: 'permission', permission }).use(({ ctx, next }) => {
    if (!hasGrant(ctx.actor, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `You do not have the ${permission} permission.` });
    }
    return next();
  });
}
