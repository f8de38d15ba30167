// Money formatting: amounts arrive as integer minor units; the exponent comes from ISO 4217
// (Intl knows it: 2 for EUR, 0 for JPY, 3 for KWD), and we never divide with floats.

export interface MoneyLike {
  amountMinor: number | bigint;
  currency: string;
}

/** ISO 4217 minor-unit exponent for a currency, as Intl reports it. */
export function currencyExponent(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return digits ?? 2;
}

/** Turn minor units into an exact decimal string ("-12.05") without floating-point division. */
export function minorToDecimalString(amountMinor: number | bigint, exponent: number): string {
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  }
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function formatMoney(money: MoneyLike, locale?: string): string {
  const exponent = currencyExponent(money.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl formats decimal strings exactly (no float rounding), which is why we pass a string.
  const exact = minorToDecimalString(money.amountMinor, exponent) as Intl.StringNumericLiteral;
  return formatter.format(exact);
}
