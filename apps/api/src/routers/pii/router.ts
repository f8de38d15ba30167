// Reveal one masked value (audited). Needs users.view_pii; the object-level check is in the service.
import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { revealPii } from '../../services/pii/reveal-pii.js';

const reveal = permissionProcedure('users.view_pii')
  .input(z.discriminatedUnion('kind', [z.object({ kind: z.literal('order_address'), id: z.string().uuid() }), z.object({ kind: z.literal('user_email'), id: z.string().uuid() }), z.object({ kind: z.literal('kyc'), id: z.string().uuid() })]))
  .mutation(({ ctx, input }) => revealPii(ctx.em, ctx.actor, input, new Date()));

export const piiRouter = router({ reveal });
