import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { listSentMail } from '../../services/mail/list-sent-mail.js';

const listSent = permissionProcedure('mail.view')
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => listSentMail(ctx.em, input.limit));

export const mailRouter = router({ listSent });
