// The listing editor's values and their mapping to `listings.create` / `listings.update`.
// Money is typed in euros and sent as minor units; record attributes travel only when filled in;
// an edit sends only the fields that changed, because any content field the API receives on a
// live listing sends it back to review (a stock change alone does not).
import { editNeedsReview, type Grade } from '@marketdesk/domain';
import { decimalToMinor, minorToDecimal } from './money-input';

export const recordFormats = ['LP', '7"', '12"', 'CD', 'Cassette', 'Turntable', 'Other'] as const;

export interface ListingFormValues {
  categoryId: string | null;
  title: string;
  artist: string;
  format: string | null;
  year: string;
  label: string;
  condition: Grade | null;
  description: string;
  /** Euros as the NumberInput holds them (number, or text while typing). */
  price: number | string;
  quantity: number | string;
  shipping: number | string;
  deliverySlaDays: number | string;
  /** `datetime-local` text ("2025-06-01T18:00", local time) or empty for no deal end. */
  dealEndsAt: string;
  imageIds: string[];
}

/** What the editor needs from a listing the API returned (a ListingView). */
export interface EditableListing {
  id: string;
  version: number;
  state: string;
  title: string;
  description: string;
  attributes: Record<string, string>;
  condition: string | null;
  priceMinor: number;
  available: number;
  shippingMinor: number;
  deliverySlaDays: number;
  dealEndsAt: Date | string | null;
  category: { id: string };
  images: { id: string }[];
}

export interface ListingFields {
  categoryId: string;
  title: string;
  description: string;
  attributes: Record<string, string>;
  condition: Grade | null;
  priceMinor: number;
  quantity: number;
  shippingMinor: number;
  deliverySlaDays: number;
  dealEndsAt: Date | null;
  imageIds: string[];
}

export const emptyListingForm: ListingFormValues = {
  categoryId: null,
  title: '',
  artist: '',
  format: null,
  year: '',
  label: '',
  condition: null,
  description: '',
  price: '',
  quantity: 1,
  shipping: 0,
  deliverySlaDays: 3,
  dealEndsAt: '',
  imageIds: [],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as `datetime-local` text in the browser's time zone. */
export function toDateTimeLocal(value: Date | string | null): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function listingToForm(listing: EditableListing): ListingFormValues {
  const a = listing.attributes;
  return {
    categoryId: listing.category.id,
    title: listing.title,
    artist: a.artist ?? '',
    format: a.format ?? null,
    year: a.year ?? '',
    label: a.label ?? '',
    condition: (listing.condition as Grade | null) ?? null,
    description: listing.description,
    price: minorToDecimal(listing.priceMinor),
    quantity: listing.available,
    shipping: minorToDecimal(listing.shippingMinor),
    deliverySlaDays: listing.deliverySlaDays,
    dealEndsAt: toDateTimeLocal(listing.dealEndsAt),
    imageIds: listing.images.map((i) => i.id),
  };
}

/** Only the record attributes that were filled in. */
export function attributesOf(values: Pick<ListingFormValues, 'artist' | 'format' | 'year' | 'label'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['artist', 'format', 'year', 'label'] as const) {
    const v = (values[key] ?? '').trim();
    if (v) out[key] = v;
  }
  return out;
}

function wholeNumber(value: number | string): number {
  if (value === '' || value === null) return Number.NaN;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) ? n : Number.NaN;
}

export type ListingFormErrors = Partial<Record<keyof ListingFormValues | 'attributes', string>>;

/**
 * The form as API fields, or the errors that stop it being sent. The checks here are the ones a
 * person can fix before a round trip; the API's zod schema stays the authority for the rest.
 */
export function formToFields(values: ListingFormValues): { fields: ListingFields; errors: null } | { fields: null; errors: ListingFormErrors } {
  const errors: ListingFormErrors = {};
  const priceMinor = decimalToMinor(values.price);
  const shippingMinor = decimalToMinor(values.shipping) ?? 0;
  const quantity = wholeNumber(values.quantity);
  const deliverySlaDays = wholeNumber(values.deliverySlaDays);
  const dealEndsAt = values.dealEndsAt ? new Date(values.dealEndsAt) : null;
  if (!values.categoryId) errors.categoryId = 'Choose a category';
  if (values.title.trim().length < 3) errors.title = 'At least 3 characters';
  if (priceMinor === null) errors.price = 'Enter a price';
  else if (Number.isNaN(priceMinor)) errors.price = 'Enter a price in euros, like 24.50';
  else if (priceMinor < 50) errors.price = 'At least €0.50';
  if (Number.isNaN(shippingMinor)) errors.shipping = 'Enter shipping in euros, like 4.90';
  if (Number.isNaN(quantity) || quantity < 0) errors.quantity = 'Enter a whole number of items';
  if (Number.isNaN(deliverySlaDays) || deliverySlaDays < 1 || deliverySlaDays > 60) errors.deliverySlaDays = 'Between 1 and 60 days';
  if (dealEndsAt && Number.isNaN(dealEndsAt.getTime())) errors.dealEndsAt = 'Enter a valid date and time';
  if (values.year.trim() && !/^\d{4}$/.test(values.year.trim())) errors.year = 'A four-digit year, like 1972';
  if (Object.keys(errors).length > 0) return { fields: null, errors };
  return {
    fields: {
      categoryId: values.categoryId!,
      title: values.title.trim(),
      description: values.description.trim(),
      attributes: attributesOf(values),
      condition: values.condition,
      priceMinor: priceMinor!,
      quantity,
      shippingMinor,
      deliverySlaDays,
      dealEndsAt,
      imageIds: values.imageIds,
    },
    errors: null,
  };
}

export function toCreateInput(fields: ListingFields, draft: boolean) {
  return { ...fields, draft };
}

const sameAttributes = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};
const sameTime = (a: Date | null, b: Date | string | null) => (a?.getTime() ?? null) === (b ? new Date(b).getTime() : null);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `listings.update` input: the id, the version the seller edited, and only what changed. */
export function toUpdateInput(fields: ListingFields, original: EditableListing) {
  const patch: Partial<ListingFields> & { id: string; version: number } = { id: original.id, version: original.version };
  if (fields.categoryId !== original.category.id) patch.categoryId = fields.categoryId;
  if (fields.title !== original.title) patch.title = fields.title;
  if (fields.description !== original.description.trim()) patch.description = fields.description;
  if (!sameAttributes(fields.attributes, original.attributes)) patch.attributes = fields.attributes;
  if (fields.condition !== original.condition) patch.condition = fields.condition;
  if (fields.priceMinor !== original.priceMinor) patch.priceMinor = fields.priceMinor;
  if (fields.quantity !== original.available) patch.quantity = fields.quantity;
  if (fields.shippingMinor !== original.shippingMinor) patch.shippingMinor = fields.shippingMinor;
  if (fields.deliverySlaDays !== original.deliverySlaDays) patch.deliverySlaDays = fields.deliverySlaDays;
  if (!sameTime(fields.dealEndsAt, original.dealEndsAt)) patch.dealEndsAt = fields.dealEndsAt;
  if (!sameList(fields.imageIds, original.images.map((i) => i.id))) patch.imageIds = fields.imageIds;
  return patch;
}

/** Whether this patch sends a live listing back to review: the domain decides which fields do. */
export function changesNeedReview(patch: object): boolean {
  return editNeedsReview(Object.keys(patch));
}

/** Where the API's field names show up in this form. */
const apiFieldToFormField: Record<string, keyof ListingFormErrors> = {
  priceMinor: 'price',
  shippingMinor: 'shipping',
  imageIds: 'imageIds',
  attributes: 'attributes',
};

export function toFormErrors(apiErrors: Record<string, string>): ListingFormErrors {
  const out: ListingFormErrors = {};
  for (const [field, message] of Object.entries(apiErrors)) {
    const key = (apiFieldToFormField[field] ?? field) as keyof ListingFormErrors;
    out[key] ??= message;
  }
  return out;
}
