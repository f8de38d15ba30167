import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { sellerBalances, sellerStatement } from '../../services/ledger/seller-balances.js';

// Own balances only: the service reads the signed-in person's accounts.
const sellerProcedure = permissionProcedure('ledger.view');

const myBalances = sellerProcedure.input(z.void()).query(({ ctx }) => sellerBalances(ctx.em, ctx.actor.id));

const myStatement = sellerProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50), beforeId: z.string().regex(/^\d+$/).optional() }).default({ limit: 50 }))
  .query(({ ctx, input }) => sellerStatement(ctx.em, ctx.actor.id, input.limit, input.beforeId));

export const ledgerRouter = router({ myBalances, myStatement });
