import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, minorToDecimalString } from './money';

describe('formatMoney', () => {
  it('uses each currency’s minor-unit exponent', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(formatMoney({ amountMinor: 1999, currency: 'USD' }, 'en-US')).toBe('$19.99');
    expect(formatMoney({ amountMinor: 1999, currency: 'JPY' }, 'en-US')).toBe('¥1,999');
    expect(formatMoney({ amountMinor: 1999, currency: 'KWD' }, 'en-US')).toBe('KWD\u00a01.999');
  });

  it('formats negatives, zero and the locale’s separators', () => {
    expect(formatMoney({ amountMinor: -5, currency: 'EUR' }, 'en-US')).toBe('-€0.05');
    expect(formatMoney({ amountMinor: 0, currency: 'EUR' }, 'en-US')).toBe('€0.00');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('is exact beyond float precision (bigint input)', () => {
    expect(minorToDecimalString(900719925474099123n, 2)).toBe('9007199254740991.23');
    expect(formatMoney({ amountMinor: 900719925474099123n, currency: 'USD' }, 'en-US')).toBe('$9,007,199,254,740,991.23');
  });

  it('refuses fractional minor units', () => {
    expect(() => formatMoney({ amountMinor: 1.5, currency: 'USD' })).toThrow(RangeError);
  });
});
