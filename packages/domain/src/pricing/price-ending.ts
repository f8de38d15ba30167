// Shelf prices end in .99 ("charm" prices, as record shops price) or in whole units. The unit is
// one major unit (100 cents); for zero-decimal currencies (yen) it is 100 minor units, so yen
// prices end in 99 (¥1,299) as they do in Japanese shops.
import { type CurrencyCode, minorUnitsPerMajor } from '../money/currency.js';

export type PriceEnding = 'charm' | 'whole';

export function priceUnitMinor(currency: CurrencyCode): number {
  return Math.max(100, minorUnitsPerMajor(currency));
}

/** The largest price with this ending at or below `amountMinor` (null if there is none ≥ 0). */
export function priceAtOrBelow(amountMinor: number, ending: PriceEnding, currency: CurrencyCode): number | null {
  const unit = priceUnitMinor(currency);
  const candidate = ending === 'charm' ? Math.floor((amountMinor + 1) / unit) * unit - 1 : Math.floor(amountMinor / unit) * unit;
  return candidate >= 0 ? candidate : null;
}

/** The smallest price with this ending at or above `amountMinor`. */
export function priceAtOrAbove(amountMinor: number, ending: PriceEnding, currency: CurrencyCode): number {
  const below = priceAtOrBelow(amountMinor, ending, currency);
  if (below === amountMinor) return amountMinor;
  return (below ?? (ending === 'charm' ? -1 : 0)) + priceUnitMinor(currency);
}

/** The nearest price with this ending (ties go up), but never below `minimumMinor`. */
export function priceNearest(amountMinor: number, ending: PriceEnding, currency: CurrencyCode, minimumMinor = 0): number {
  const up = priceAtOrAbove(amountMinor, ending, currency);
  const down = priceAtOrBelow(amountMinor, ending, currency);
  const nearest = down !== null && amountMinor - down < up - amountMinor ? down : up;
  return nearest >= minimumMinor ? nearest : priceAtOrAbove(minimumMinor, ending, currency);
}
