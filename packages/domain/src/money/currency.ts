// ISO 4217 codes we accept and their minor-unit exponents (cents = 2, yen = 0, dinar = 3).
// The exponent matters for pricing (what ".99" means) and for formatting in packages/ui.

export const currencyExponents = {
  AUD: 2, BRL: 2, CAD: 2, CHF: 2, CNY: 2, CZK: 2, DKK: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2,
  INR: 2, MXN: 2, NOK: 2, NZD: 2, PLN: 2, SEK: 2, SGD: 2, USD: 2, ZAR: 2,
  CLP: 0, ISK: 0, JPY: 0, KRW: 0,
  BHD: 3, JOD: 3, KWD: 3, OMR: 3, TND: 3,
} as const;

export type CurrencyCode = keyof typeof currencyExponents;

export const currencyCodes = Object.keys(currencyExponents) as CurrencyCode[];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(currencyExponents, code);
}

export function minorUnitExponent(currency: CurrencyCode): number {
  return currencyExponents[currency];
}

/** Minor units in one major unit: 100 for EUR, 1 for JPY, 1000 for KWD. */
export function minorUnitsPerMajor(currency: CurrencyCode): number {
  return 10 ** currencyExponents[currency];
}
