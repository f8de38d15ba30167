// The submission form: items a seller offers, validated the same way in the console and the API.
import { z } from 'zod';
import { grades } from '../pricing/grades.js';
import { amountMinorSchema } from './money.js';

export const gradeSchema = z.enum(grades, { message: 'Choose a condition grade' });
export const submissionItemSchema = z.object({
  itemId: z.string().min(1),
  grade: gradeSchema,
  referencePriceMinor: amountMinorSchema,
});
export const submissionItemsSchema = z.array(submissionItemSchema).min(1, 'Add at least one item').max(500, 'At most 500 items per submission');
