// Checkout inputs both the storefront and the API validate: the shipping address and a cart line.
// Limits match the `addresses` and `cart_lines` columns, so anything the form accepts can be stored.
import { z } from 'zod';
import { MAX_CART_QUANTITY, MIN_CART_QUANTITY } from './limits.js';
import { defaultTaxTable, destinationProblem } from './tax-table.js';

const required = (what: string, max: number) =>
  z.string({ message: `Enter ${what}` }).trim().min(1, `Enter ${what}`).max(max, `Use at most ${max} characters`);

/** An optional text field: blank (as forms send it) means absent; `pattern` applies when filled in. */
const optional = (max: number, pattern?: { regex: RegExp; message: string }) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((v) => v === '' || !pattern || pattern.regex.test(v), pattern?.message)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/**
 * A destination country: an ISO 3166-1 alpha-2 code (as the standard writes it, `DE`) that the tax
 * table lists, i.e. a country we ship to. The issue says which of the two it failed.
 */
export const countryCodeSchema = z
  .string({ message: 'Choose a country' })
  .trim()
  .superRefine((code, ctx) => {
    const problem = code === '' ? 'Choose a country' : destinationProblem(defaultTaxTable, code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: code });
  });

export const shippingAddressSchema = z.object({
  name: required('the recipient’s name', 120),
  line1: required('the street and house number', 200),
  line2: optional(200),
  city: required('the city', 120),
  postalCode: required('the postal code', 20).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Use letters, digits, spaces and hyphens only'),
  country: countryCodeSchema,
  phone: optional(40, { regex: /^\+?[0-9][0-9 ()./-]{4,}$/, message: 'Enter a phone number, e.g. +49 30 1234567' }),
});

export const cartLineSchema = z.object({
  listingId: z.uuid({ message: 'Unknown listing' }),
  quantity: z
    .number({ message: 'Enter a quantity' })
    .int('Quantities are whole numbers')
    .min(MIN_CART_QUANTITY, `Choose at least ${MIN_CART_QUANTITY}`)
    .max(MAX_CART_QUANTITY, `Choose at most ${MAX_CART_QUANTITY}`),
});

export type ShippingAddress = z.output<typeof shippingAddressSchema>;
export type ShippingAddressInput = z.input<typeof shippingAddressSchema>;
export type CartLineInput = z.output<typeof cartLineSchema>;
