// The shapes of a checkout: what the cart hands in, what the buyer and each seller are shown.
// All amounts are integer minor units of `currency` (cents for EUR).
import type { CurrencyCode } from '../money/currency.js';
import type { TaxTable } from './tax-table.js';

export interface CheckoutLineInput {
  listingId: string;
  sellerId: string;
  title: string;
  unitPriceMinor: number;
  quantity: number;
  /** The listing's shipping price; a seller order charges the highest of its lines (combined shipping). */
  shippingMinor: number;
  deliverySlaDays: number;
}

export interface CheckoutInput {
  /** Defaults to EUR. Every line is priced in this currency. */
  currency?: CurrencyCode;
  /** Destination country, ISO 3166-1 alpha-2; picks the tax rate. */
  country: string;
  lines: readonly CheckoutLineInput[];
  /** Platform commission on the items subtotal, 0…10 000 basis points. */
  feeBasisPoints: number;
  taxTable: TaxTable;
}

export interface CheckoutLineTotals extends CheckoutLineInput {
  /** unitPriceMinor × quantity. */
  lineTotalMinor: number;
}

/** One seller's part of the cart: it becomes one order. */
export interface SellerOrderTotals {
  sellerId: string;
  lines: CheckoutLineTotals[];
  itemsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  /** What the buyer pays for this order: items + shipping + tax. */
  totalMinor: number;
  /** The platform's commission, deducted from the seller's side. */
  feeMinor: number;
  /** totalMinor − feeMinor. */
  sellerNetMinor: number;
  /** The slowest line's SLA. */
  deliverySlaDays: number;
}

export interface CheckoutTotals {
  currency: CurrencyCode;
  country: string;
  /** The tax rate applied to every order, for receipts ("VAT 19 %"). */
  taxBasisPoints: number;
  orders: SellerOrderTotals[];
  itemsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  feeMinor: number;
}

export type CheckoutRefusalCode =
  | 'EMPTY_CART'
  | 'INVALID_QUANTITY'
  | 'INVALID_AMOUNT'
  | 'INVALID_SLA'
  | 'DUPLICATE_LISTING'
  | 'INVALID_FEE'
  | 'INVALID_COUNTRY'
  | 'UNSUPPORTED_COUNTRY'
  | 'UNKNOWN_CURRENCY'
  | 'AMOUNT_TOO_LARGE';

/** A business refusal, returned (never thrown) so the API can map it to a readable 400. */
export interface CheckoutRefusal {
  ok: false;
  refusal: CheckoutRefusalCode;
  /** Written for the buyer. */
  message: string;
  /** The offending line, when one line is at fault. */
  listingId?: string;
}

export type CheckoutResult = { ok: true; checkout: CheckoutTotals } | CheckoutRefusal;
