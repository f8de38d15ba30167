// Euro amounts as sellers type them ↔ the integer minor units the API stores. Parsed as decimal
// text, never multiplied as floats (12.34 * 100 is 1233.9999…), and rounded half-up past the cents.
import { minorToDecimalString } from '@marketdesk/ui';

const decimalPattern = /^(\d+)(?:\.(\d*))?$/;

/**
 * "12.5" or 12.5 → 1250 (exponent 2). Empty input is null; negative or malformed input is NaN so
 * callers can tell "left blank" from "not a number".
 */
export function decimalToMinor(value: number | string | null | undefined, exponent = 2): number | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'number' ? String(value) : value).trim().replace(',', '.');
  if (text === '') return null;
  const match = decimalPattern.exec(text);
  if (!match) return Number.NaN;
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  const kept = (fraction + '0'.repeat(exponent)).slice(0, exponent);
  const roundUp = fraction.length > exponent && fraction.charCodeAt(exponent) >= '5'.charCodeAt(0);
  const minor = Number(whole + kept) + (roundUp ? 1 : 0);
  return Number.isSafeInteger(minor) ? minor : Number.NaN;
}

/** 1250 → 12.5, for a NumberInput that shows two fixed decimals. */
export function minorToDecimal(amountMinor: number, exponent = 2): number {
  return Number(minorToDecimalString(amountMinor, exponent));
}
