import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimal } from './money-input';

describe('decimalToMinor', () => {
  it('turns euros into cents without float error', () => {
    expect(decimalToMinor(12.34)).toBe(1234);
    expect(decimalToMinor(0.29)).toBe(29); // 0.29 * 100 is 28.999… as a float
    expect(decimalToMinor(1.1)).toBe(110);
    expect(decimalToMinor('19.9')).toBe(1990);
    expect(decimalToMinor('7')).toBe(700);
    expect(decimalToMinor('7.')).toBe(700);
    expect(decimalToMinor('3,50')).toBe(350);
  });

  it('rounds half-up beyond the cents', () => {
    expect(decimalToMinor('1.005')).toBe(101);
    expect(decimalToMinor('1.004')).toBe(100);
    expect(decimalToMinor('0.995')).toBe(100);
  });

  it('tells blank from invalid', () => {
    expect(decimalToMinor('')).toBeNull();
    expect(decimalToMinor(null)).toBeNull();
    expect(decimalToMinor('-2')).toBeNaN();
    expect(decimalToMinor('abc')).toBeNaN();
  });

  it('round-trips with minorToDecimal', () => {
    for (const minor of [0, 5, 50, 1234, 99_999_99]) expect(decimalToMinor(minorToDecimal(minor))).toBe(minor);
    expect(minorToDecimal(1250)).toBe(12.5);
  });
});
