import { z } from 'zod';
import { publicProcedure } from '../../trpc/procedures.js';

export const me = publicProcedure.input(z.void()).query(({ ctx }) => {
  if (!ctx.actor) return null;
  const { id, email, displayName, roles } = ctx.actor;
  return { id, email, displayName, roles: [...roles] };
});
