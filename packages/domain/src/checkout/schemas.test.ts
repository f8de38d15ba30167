import { describe, expect, it } from 'vitest';
import { cartLineSchema, shippingAddressSchema } from './schemas.js';

const address = { name: 'Jane Doe', line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('shippingAddressSchema', () => {
  it('trims and drops blank optional fields', () => {
    expect(shippingAddressSchema.parse({ ...address, name: '  Jane Doe ', country: ' DE ', line2: '  ', phone: '' })).toEqual(address);
    expect(shippingAddressSchema.parse({ ...address, line2: 'Hinterhaus', phone: '+49 30 1234567' })).toEqual({ ...address, line2: 'Hinterhaus', phone: '+49 30 1234567' });
    expect(shippingAddressSchema.parse({ ...address, postalCode: 'SW1A 1AA', country: 'GB' }).postalCode).toBe('SW1A 1AA');
  });

  it('explains what is missing or wrong', () => {
    expect(messages(shippingAddressSchema.safeParse({ ...address, name: ' ', city: '', country: 'Germany', postalCode: '10115!', phone: 'call me' }))).toEqual({
      name: 'Enter the recipient’s name',
      city: 'Enter the city',
      country: '“Germany” is not an ISO 3166-1 country code: choose a country such as DE',
      postalCode: 'Use letters, digits, spaces and hyphens only',
      phone: 'Enter a phone number, e.g. +49 30 1234567',
    });
    expect(messages(shippingAddressSchema.safeParse({}))).toMatchObject({ name: 'Enter the recipient’s name', line1: 'Enter the street and house number', country: 'Choose a country' });
  });

  it('accepts only ISO 3166-1 codes of countries we ship to (the tax table), with the issue on country', () => {
    for (const country of ['DE', 'FR', 'NL', 'GB', 'US']) expect(shippingAddressSchema.safeParse({ ...address, country }).success).toBe(true);
    for (const country of ['XX', 'de', 'D1', 'UK']) {
      const result = shippingAddressSchema.safeParse({ ...address, country });
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['country'], message: `“${country}” is not an ISO 3166-1 country code: choose a country such as DE` })]);
    }
    expect(messages(shippingAddressSchema.safeParse({ ...address, country: 'JP' }))).toEqual({ country: 'We do not ship to Japan yet (we ship to France, Germany, Netherlands, United Kingdom and United States)' });
    expect(messages(shippingAddressSchema.safeParse({ ...address, country: ' ' }))).toEqual({ country: 'Choose a country' });
    expect(messages(shippingAddressSchema.safeParse({ ...address, country: 49 }))).toEqual({ country: 'Choose a country' });
  });

  it('enforces the column lengths', () => {
    expect(messages(shippingAddressSchema.safeParse({ ...address, name: 'x'.repeat(121), line2: 'y'.repeat(201), postalCode: '1'.repeat(21), phone: '1'.repeat(41) }))).toEqual({
      name: 'Use at most 120 characters',
      line2: 'Use at most 200 characters',
      postalCode: 'Use at most 20 characters',
      phone: 'Use at most 40 characters',
    });
    expect(shippingAddressSchema.safeParse({ ...address, name: 'x'.repeat(120), line1: 'y'.repeat(200) }).success).toBe(true);
  });
});

describe('cartLineSchema', () => {
  const listingId = '7b0e4a52-1c1f-4b7a-9a51-0d1c2e3f4a5b';
  it('accepts a uuid and a quantity of 1…99', () => {
    expect(cartLineSchema.parse({ listingId, quantity: 1 })).toEqual({ listingId, quantity: 1 });
    expect(cartLineSchema.parse({ listingId, quantity: 99 })).toEqual({ listingId, quantity: 99 });
  });

  it('refuses anything else with a readable message', () => {
    expect(messages(cartLineSchema.safeParse({ listingId: 'l1', quantity: 0 }))).toEqual({ listingId: 'Unknown listing', quantity: 'Choose at least 1' });
    expect(messages(cartLineSchema.safeParse({ listingId, quantity: 100 }))).toEqual({ quantity: 'Choose at most 99' });
    expect(messages(cartLineSchema.safeParse({ listingId, quantity: 1.5 }))).toEqual({ quantity: 'Quantities are whole numbers' });
    expect(messages(cartLineSchema.safeParse({ listingId }))).toEqual({ quantity: 'Enter a quantity' });
  });
});
