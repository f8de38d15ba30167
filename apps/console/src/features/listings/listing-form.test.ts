import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  changesNeedReview,
  emptyListingForm,
  formToFields,
  listingToForm,
  toCreateInput,
  toDateTimeLocal,
  toFormErrors,
  toUpdateInput,
  type EditableListing,
  type ListingFormValues,
} from './listing-form';

const filled: ListingFormValues = {
  ...emptyListingForm,
  categoryId: '11111111-1111-4111-8111-111111111111',
  title: '  Kind of Blue  ',
  artist: 'Miles Davis',
  format: 'LP',
  year: '1959',
  label: ' ',
  condition: 'VG+',
  description: 'Original pressing. ',
  price: 24.9,
  quantity: 2,
  shipping: '4.5',
  deliverySlaDays: 3,
  dealEndsAt: '',
  imageIds: ['a', 'b'],
};

const listing: EditableListing = {
  id: '22222222-2222-4222-8222-222222222222',
  version: 4,
  state: 'active',
  title: 'Kind of Blue',
  description: 'Original pressing.',
  attributes: { artist: 'Miles Davis', format: 'LP', year: '1959' },
  condition: 'VG+',
  priceMinor: 2490,
  available: 2,
  shippingMinor: 450,
  deliverySlaDays: 3,
  dealEndsAt: null,
  category: { id: '11111111-1111-4111-8111-111111111111' },
  images: [{ id: 'a' }, { id: 'b' }],
};

describe('formToFields', () => {
  it('maps the form to API fields: minor units, trimmed text, only filled attributes', () => {
    const result = formToFields(filled);
    expect(result.errors).toBeNull();
    expect(result.fields).toEqual({
      categoryId: '11111111-1111-4111-8111-111111111111',
      title: 'Kind of Blue',
      description: 'Original pressing.',
      attributes: { artist: 'Miles Davis', format: 'LP', year: '1959' },
      condition: 'VG+',
      priceMinor: 2490,
      quantity: 2,
      shippingMinor: 450,
      deliverySlaDays: 3,
      dealEndsAt: null,
      imageIds: ['a', 'b'],
    });
    expect(toCreateInput(result.fields!, true)).toMatchObject({ draft: true, priceMinor: 2490 });
  });

  it('reads the deal end as local time', () => {
    const result = formToFields({ ...filled, dealEndsAt: '2030-06-01T18:30' });
    expect(result.fields?.dealEndsAt?.getTime()).toBe(new Date(2030, 5, 1, 18, 30).getTime());
  });

  it('stops with readable errors before a round trip', () => {
    const result = formToFields({ ...emptyListingForm, title: 'ab', price: '0.2', quantity: '', year: '59' });
    expect(result.fields).toBeNull();
    expect(result.errors).toEqual({
      categoryId: 'Choose a category',
      title: 'At least 3 characters',
      price: 'At least €0.50',
      quantity: 'Enter a whole number of items',
      year: 'A four-digit year, like 1972',
    });
    expect(formToFields({ ...filled, price: '' }).errors).toEqual({ price: 'Enter a price' });
  });
});

describe('attributesOf', () => {
  it('drops blank attributes', () => {
    expect(attributesOf({ artist: ' ', format: null as unknown as string, year: '', label: 'Blue Note' })).toEqual({ label: 'Blue Note' });
  });
});

describe('listingToForm', () => {
  it('fills the editor from a listing and round-trips unchanged', () => {
    const form = listingToForm(listing);
    expect(form).toMatchObject({ price: 24.9, shipping: 4.5, artist: 'Miles Davis', label: '', imageIds: ['a', 'b'] });
    const fields = formToFields(form).fields!;
    expect(toUpdateInput(fields, listing)).toEqual({ id: listing.id, version: 4 });
  });

  it('formats dates for datetime-local inputs', () => {
    expect(toDateTimeLocal(new Date(2030, 0, 2, 3, 4))).toBe('2030-01-02T03:04');
    expect(toDateTimeLocal(null)).toBe('');
  });
});

describe('toUpdateInput', () => {
  it('sends only what changed, with the version the seller edited', () => {
    const fields = formToFields({ ...listingToForm(listing), price: 19.99, imageIds: ['b', 'a'], year: '' }).fields!;
    expect(toUpdateInput(fields, listing)).toEqual({
      id: listing.id,
      version: 4,
      priceMinor: 1999,
      attributes: { artist: 'Miles Davis', format: 'LP' },
      imageIds: ['b', 'a'],
    });
  });

  it('knows that a stock change alone does not go back to review', () => {
    const stockOnly = toUpdateInput(formToFields({ ...listingToForm(listing), quantity: 5 }).fields!, listing);
    expect(stockOnly).toEqual({ id: listing.id, version: 4, quantity: 5 });
    expect(changesNeedReview(stockOnly)).toBe(false);
    expect(changesNeedReview({ ...stockOnly, title: 'New' })).toBe(true);
  });

  it('keeps a price or shipping change on sale; photos and descriptions go to review', () => {
    expect(changesNeedReview({ id: listing.id, version: 4, priceMinor: 1999, shippingMinor: 450 })).toBe(false);
    expect(changesNeedReview({ id: listing.id, version: 4, imageIds: ['b'] })).toBe(true);
    expect(changesNeedReview({ id: listing.id, version: 4, description: 'Now with a poster' })).toBe(true);
  });
});

describe('toFormErrors', () => {
  it('puts API field errors under the form fields that hold them', () => {
    expect(toFormErrors({ priceMinor: 'at least €0.50', title: 'at least 3 characters', imageIds: 'too many' })).toEqual({
      price: 'at least €0.50',
      title: 'at least 3 characters',
      imageIds: 'too many',
    });
  });
});
