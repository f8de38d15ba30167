// The checks a checkout input must pass before any total is computed. Each failure is a typed
// refusal with a message for the buyer; the first problem found is reported.
import { isCurrencyCode } from '../money/currency.js';
import { BASIS_POINTS_PER_WHOLE } from '../money/fee.js';
import { isIsoCountryCode } from './countries.js';
import { MAX_CART_QUANTITY, MAX_DELIVERY_SLA_DAYS, MIN_CART_QUANTITY } from './limits.js';
import { destinationProblem } from './tax-table.js';
import type { CheckoutInput, CheckoutLineInput, CheckoutRefusal, CheckoutRefusalCode } from './types.js';

const refuse = (refusal: CheckoutRefusalCode, message: string, listingId?: string): CheckoutRefusal => ({
  ok: false,
  refusal,
  message,
  ...(listingId !== undefined ? { listingId } : {}),
});

const isNonNegativeSafeInteger = (n: number) => Number.isSafeInteger(n) && n >= 0;

export function checkoutInputProblem(input: CheckoutInput): CheckoutRefusal | null {
  const currency = input.currency ?? 'EUR';
  if (!isCurrencyCode(currency)) return refuse('UNKNOWN_CURRENCY', `${String(currency)} is not a supported currency`);
  // Also guards addresses saved before the schema checked the country: no destination is taxed by default.
  const destination = destinationProblem(input.taxTable, input.country);
  if (destination) return refuse(isIsoCountryCode(input.country) ? 'UNSUPPORTED_COUNTRY' : 'INVALID_COUNTRY', destination);
  if (!Number.isSafeInteger(input.feeBasisPoints) || input.feeBasisPoints < 0 || input.feeBasisPoints > BASIS_POINTS_PER_WHOLE) {
    return refuse('INVALID_FEE', `The platform fee must be 0…${BASIS_POINTS_PER_WHOLE} basis points, got ${input.feeBasisPoints}`);
  }
  if (input.lines.length === 0) return refuse('EMPTY_CART', 'Your cart is empty');
  const seen = new Set<string>();
  for (const line of input.lines) {
    if (seen.has(line.listingId)) return refuse('DUPLICATE_LISTING', `“${line.title}” appears twice in the cart; change its quantity instead`, line.listingId);
    seen.add(line.listingId);
    const problem = lineProblem(line);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: CheckoutLineInput): CheckoutRefusal | null {
  const { quantity, listingId, title } = line;
  if (!Number.isInteger(quantity) || quantity < MIN_CART_QUANTITY || quantity > MAX_CART_QUANTITY) {
    return refuse('INVALID_QUANTITY', `Choose between ${MIN_CART_QUANTITY} and ${MAX_CART_QUANTITY} of “${title}”`, listingId);
  }
  if (!isNonNegativeSafeInteger(line.unitPriceMinor) || !isNonNegativeSafeInteger(line.shippingMinor)) {
    return refuse('INVALID_AMOUNT', `The price of “${title}” is not a valid amount`, listingId);
  }
  if (!Number.isInteger(line.deliverySlaDays) || line.deliverySlaDays < 0 || line.deliverySlaDays > MAX_DELIVERY_SLA_DAYS) {
    return refuse('INVALID_SLA', `The delivery time of “${title}” must be 0…${MAX_DELIVERY_SLA_DAYS} days`, listingId);
  }
  return null;
}

export function amountTooLarge(): CheckoutRefusal {
  return refuse('AMOUNT_TOO_LARGE', 'This cart is too large to check out in one go; split it into several orders');
}
