import { z } from 'zod';
import { publicProcedure } from '../../trpc/procedures.js';

export const me = publicProcedure.input(z.void()).query(({ ctx }) => (ctx.actor ? ctx.services.auth.me(ctx.actor) : null));
