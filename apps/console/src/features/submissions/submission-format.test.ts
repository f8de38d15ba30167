import { describe, expect, it } from 'vitest';
import { countdownText, parsePriceMinor } from './submission-format';

describe('countdownText', () => {
  it('counts down in the largest useful units and stops at expiry', () => {
    expect(countdownText(65_000, 0)).toBe('1 min 05 s left');
    expect(countdownText(2 * 3_600_000 + 600_000, 0)).toBe('2 h 10 min left');
    expect(countdownText(50 * 3_600_000, 0)).toBe('2 d 2 h left');
    expect(countdownText(1_000, 1_000)).toBeNull();
  });
});

describe('parsePriceMinor', () => {
  it('reads prices with a dot or comma into cents', () => {
    expect(parsePriceMinor('12.5')).toBe(1250);
    expect(parsePriceMinor('12,50')).toBe(1250);
    expect(parsePriceMinor(30)).toBe(3000);
    expect(parsePriceMinor('1.234')).toBeNull();
    expect(parsePriceMinor('')).toBeNull();
  });
});
