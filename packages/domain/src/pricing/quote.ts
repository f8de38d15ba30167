// Quoting a seller's submission: every item priced, declined items shown at zero, a bulk bonus on
// big lots. The bonus is spread back over the items by largest remainder so the per-item offers
// always add up to the total (the per-item cost then drives each item's shelf price).
import { allocate } from '../money/allocate.js';
import type { CurrencyCode } from '../money/currency.js';
import { money } from '../money/money.js';
import { applyBasisPoints } from '../money/rounding.js';
import type { Grade } from './grades.js';
import { type ItemPrice, priceItem, sellPriceMinor } from './item-price.js';
import type { PricingPolicy } from './policy.js';

export interface QuoteItemInput {
  itemId: string;
  grade: Grade;
  /** Reference (Near Mint market) price, e.g. a recent median sale. */
  referencePriceMinor: number;
}

export interface QuotedItem extends ItemPrice {
  itemId: string;
}

export interface SubmissionQuote {
  currency: CurrencyCode;
  items: QuotedItem[];
  acceptedItemCount: number;
  bonusMinor: number;
  totalOfferMinor: number;
}

export function quoteSubmission(items: readonly QuoteItemInput[], policy: PricingPolicy): SubmissionQuote {
  const priced = items.map((i) => ({ itemId: i.itemId, ...priceItem(i.referencePriceMinor, i.grade, policy) }));
  const accepted = priced.filter((p) => !p.declined);
  const baseMinor = accepted.reduce((sum, p) => sum + p.offerMinor, 0);
  const bonusMinor = accepted.length >= policy.bulkBonus.minItems ? applyBasisPoints(baseMinor, policy.bulkBonus.bonusBp, 'down') : 0;
  const totalOfferMinor = baseMinor + bonusMinor;
  if (bonusMinor === 0) return { currency: policy.currency, items: priced, acceptedItemCount: accepted.length, bonusMinor, totalOfferMinor };

  const shares = allocate(money(totalOfferMinor, policy.currency), priced.map((p) => p.offerMinor));
  const withBonus = priced.map((p, i) => {
    const offer = shares[i]?.amountMinor ?? 0;
    return { ...p, offerMinor: offer, sellPriceMinor: sellPriceMinor(p.gradedValueMinor, offer, policy) };
  });
  return { currency: policy.currency, items: withBonus, acceptedItemCount: accepted.length, bonusMinor, totalOfferMinor };
}
