import { z } from 'zod';
import { publicProcedure, router } from '../../trpc/procedures.js';
import { listCategoryTree } from '../../services/catalog/list-categories.js';

const categories = publicProcedure.input(z.void()).query(({ ctx }) => listCategoryTree(ctx.em));

export const catalogRouter = router({ categories });
