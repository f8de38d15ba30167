// What a seller may send for a listing. Attributes are free-form per category but bounded; records
// use artist / format / year / label.
import { z } from 'zod';
import { gradeSchema } from '@marketdesk/domain';

const attributes = z
  .record(z.string().regex(/^[a-z][a-z_]{0,29}$/, 'attribute names are lower-case words'), z.string().trim().max(200))
  .refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes');

export const listingFieldsSchema = z.object({
  categoryId: z.string().uuid(),
  title: z.string().trim().min(3, 'at least 3 characters').max(200),
  description: z.string().trim().max(5000).default(''),
  attributes: attributes.default({}),
  condition: gradeSchema.nullable().default(null),
  priceMinor: z.number().int().min(50, 'at least €0.50').max(10_000_000),
  quantity: z.number().int().min(0).max(100_000),
  shippingMinor: z.number().int().min(0).max(100_000).default(0),
  deliverySlaDays: z.number().int().min(1).max(60).default(3),
  // Bounded: a date PostgreSQL cannot store was a 500 (the fuzz test found it).
  dealEndsAt: z.coerce.date().min(new Date('2000-01-01T00:00:00Z')).max(new Date('2100-01-01T00:00:00Z')).nullable().default(null),
  imageIds: z.array(z.string().uuid()).max(12).default([]),
});

export type ListingFields = z.infer<typeof listingFieldsSchema>;

export const listingPatchSchema = listingFieldsSchema.partial().extend({
  id: z.string().uuid(),
  /** The version the seller edited; a newer one on the server is a conflict. */
  version: z.number().int().positive(),
});

export type ListingPatch = z.infer<typeof listingPatchSchema>;
