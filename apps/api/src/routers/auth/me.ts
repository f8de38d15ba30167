import { z } from 'zod';
import { publicProcedure } from '../../trpc/procedures.js';
import { toMe } from '../../services/auth/auth-service.js';

export const me = publicProcedure.input(z.void()).query(({ ctx }) => (ctx.actor ? toMe(ctx.actor) : null));
