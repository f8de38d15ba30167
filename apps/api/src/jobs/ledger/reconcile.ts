// The nightly reconciliation of the ledger with the payment provider (a BullMQ job scheduler; the
// console's button runs the same service directly).
import { reconcileWithProvider } from '../../services/reconciliation/reconcile-with-provider.js';
import { defineJob } from '../job-definition.js';

export const RECONCILE_LOOKBACK_DAYS = 35;

export const reconcileJob = defineJob('ledger.reconcile', {
  async handle(ctx) {
    if (!ctx.gateway) return ctx.log.info('reconciliation skipped: payments are not configured');
    const now = ctx.now();
    const result = await reconcileWithProvider(ctx.db.orm.em.fork(), ctx.gateway, { since: new Date(now.getTime() - RECONCILE_LOOKBACK_DAYS * 86_400_000), triggeredBy: null, now });
    ctx.log[result.mismatches.length ? 'warn' : 'info']({ runId: result.id, mismatches: result.mismatches.length, checked: result.checked }, 'nightly reconciliation');
  },
});

/** Repeating jobs, registered (idempotently, in JOBS_TIME_ZONE) when workers start: ../schedules.ts. */
