// What a seller may send for a listing, and which edits a live listing goes back to review for.
// Attributes are free-form per category but bounded; records use artist / format / year / label.
// The create schema fills defaults; the patch schema never does: a patch changes exactly the keys
// it carries (a stock-only patch once emptied the description because `.partial()` kept defaults).
import { z } from 'zod';
import { gradeSchema } from './pricing.js';

const attributes = z
  .record(z.string().regex(/^[a-z][a-z_]{0,29}$/, 'attribute names are lower-case words'), z.string().trim().max(200))
  .refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes');

const listingFieldShapes = {
  categoryId: z.string().uuid(),
  title: z.string().trim().min(3, 'at least 3 characters').max(200),
  description: z.string().trim().max(5000),
  attributes,
  condition: gradeSchema.nullable(),
  priceMinor: z.number().int().min(50, 'at least €0.50').max(10_000_000),
  quantity: z.number().int().min(0).max(100_000),
  shippingMinor: z.number().int().min(0).max(100_000),
  deliverySlaDays: z.number().int().min(1).max(60),
  // Bounded: a date PostgreSQL cannot store was a 500 (the fuzz test found it).
  dealEndsAt: z.coerce.date().min(new Date('2000-01-01T00:00:00Z')).max(new Date('2100-01-01T00:00:00Z')).nullable(),
  imageIds: z.array(z.string().uuid()).max(12),
};

export const listingFieldsSchema = z.object({
  ...listingFieldShapes,
  description: listingFieldShapes.description.default(''),
  attributes: listingFieldShapes.attributes.default({}),
  condition: listingFieldShapes.condition.default(null),
  shippingMinor: listingFieldShapes.shippingMinor.default(0),
  deliverySlaDays: listingFieldShapes.deliverySlaDays.default(3),
  dealEndsAt: listingFieldShapes.dealEndsAt.default(null),
  imageIds: listingFieldShapes.imageIds.default([]),
});
export type ListingFields = z.infer<typeof listingFieldsSchema>;
export type ListingField = keyof ListingFields;
export const listingFieldNames = Object.keys(listingFieldShapes) as ListingField[];

export const listingPatchSchema = z.object(listingFieldShapes).partial().extend({
  id: z.string().uuid(),
  /** The version the seller edited; a newer one on the server is a conflict. */
  version: z.number().int().positive(),
});
export type ListingPatch = z.infer<typeof listingPatchSchema>;

/**
 * What buyers read about the item itself: a change to any of these on a live listing is looked at
 * by a reviewer before buyers see it again. Price, stock, shipping, delivery time and deal dates are
 * the seller's business and keep the listing on sale.
 */
export const listingReviewFields: readonly ListingField[] = ['categoryId', 'title', 'description', 'attributes', 'condition', 'imageIds'];

/** Does an edit of these fields send a live (active or paused) listing back to review? */
export function editNeedsReview(changed: readonly string[]): boolean {
  return changed.some((f) => (listingReviewFields as readonly string[]).includes(f));
}

/** The listing as it stands, in the patch's terms (image ids in display order). */
export type ListingValues = { [K in ListingField]: ListingFields[K] };

/** Keys whose values actually differ: a patch that repeats a current value changes nothing. */
export function changedListingFields(current: ListingValues, patch: Partial<ListingFields>): ListingField[] {
  return listingFieldNames.filter((f) => patch[f] !== undefined && canonical(patch[f]) !== canonical(current[f]));
}

function canonical(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value)) return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(value ?? null);
}
