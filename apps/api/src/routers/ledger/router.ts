import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { sellerBalances, sellerStatement } from '../../services/ledger/seller-balances.js';
import { listAccounts, listTransfers, reconciliationRuns } from '../../services/ledger/ledger-explorer.js';
import { reconcileWithProvider } from '../../services/reconciliation/reconcile-with-provider.js';
import { RECONCILE_LOOKBACK_DAYS } from '../../jobs/ledger/reconcile.js';
import { AppError } from '../../errors/app-error.js';
import { searchPeople } from '../../services/rbac/role-admin.js';
import { peopleSearchInput } from '../roles/roles.types.js';

// Own balances only: the service reads the signed-in person's accounts.
const sellerProcedure = permissionProcedure('ledger.view');

const myBalances = sellerProcedure.input(z.void()).query(({ ctx }) => sellerBalances(ctx.em, ctx.actor.id));

const myStatement = sellerProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50), beforeId: z.string().regex(/^\d+$/).optional() }).default({ limit: 50 }))
  .query(({ ctx, input }) => sellerStatement(ctx.em, ctx.actor.id, input.limit, input.beforeId));

// The admin ledger explorer and reconciliation with the payment provider.
const explorer = permissionProcedure('ledger.reconcile');

const accounts = explorer
  .input(z.object({ q: z.string().trim().max(120).optional(), limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 }))
  .query(({ ctx, input }) => listAccounts(ctx.em, ctx.actor, input));

const transfers = explorer
  .input(
    z
      .object({
        orderId: z.string().uuid().optional(),
        sellerId: z.string().uuid().optional(),
        // Bounded: a date PostgreSQL cannot store was a 500 (the fuzz test found it).
        from: z.coerce.date().min(new Date('2000-01-01T00:00:00Z')).max(new Date('2100-01-01T00:00:00Z')).optional(),
        to: z.coerce.date().min(new Date('2000-01-01T00:00:00Z')).max(new Date('2100-01-01T00:00:00Z')).optional(),
        before: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .default({ limit: 50 }),
  )
  .query(({ ctx, input }) => listTransfers(ctx.em, ctx.actor, input));

/** The seller filter's picker: shops by name or email (the roles page's people search, sellers only). */
const sellers = explorer.input(peopleSearchInput).query(({ ctx, input }) => searchPeople(ctx.em, ctx.actor, input.q, { permission: 'ledger.reconcile', role: 'seller' }));

const reconcileNow = explorer.input(z.void()).mutation(async ({ ctx }) => {
  if (!ctx.services.gateway) throw new AppError('UNAVAILABLE', 'Payments are not configured, so there is nothing to reconcile against.');
  const now = new Date();
  return reconcileWithProvider(ctx.em, ctx.services.gateway, { since: new Date(now.getTime() - RECONCILE_LOOKBACK_DAYS * 86_400_000), triggeredBy: ctx.actor.id, now });
});

const runs = explorer.input(z.object({ limit: z.number().int().min(1).max(50).default(10) }).default({ limit: 10 })).query(({ ctx, input }) => reconciliationRuns(ctx.em, input.limit));

export const ledgerRouter = router({ myBalances, myStatement, accounts, transfers, sellers, reconcileNow, runs });
