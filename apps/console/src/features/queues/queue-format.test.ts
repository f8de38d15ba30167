import { describe, expect, it } from 'vitest';
import { formatDurationSeconds, formatPercent } from './queue-format';

describe('formatDurationSeconds', () => {
  it('shows the two largest units', () => {
    expect(formatDurationSeconds(7_800)).toBe('2 h 10 min');
    expect(formatDurationSeconds(90_061)).toBe('1 d 1 h');
    expect(formatDurationSeconds(125)).toBe('2 min 5 s');
  });
  it('drops a zero second unit rather than skipping to a smaller one', () => {
    expect(formatDurationSeconds(7_205)).toBe('2 h');
    expect(formatDurationSeconds(86_400 + 59)).toBe('1 d');
  });
  it('handles small, rounded and missing values', () => {
    expect(formatDurationSeconds(42)).toBe('42 s');
    expect(formatDurationSeconds(0)).toBe('0 s');
    expect(formatDurationSeconds(59.6)).toBe('1 min');
    expect(formatDurationSeconds(null)).toBe('—');
    expect(formatDurationSeconds(undefined)).toBe('—');
    expect(formatDurationSeconds(-5)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(0.734)).toBe('73%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('keeps 100% and 0% for all and none', () => {
    expect(formatPercent(0.996)).toBe('99%');
    expect(formatPercent(0.004)).toBe('1%');
  });
  it('shows a dash when there is nothing to measure', () => {
    expect(formatPercent(null)).toBe('—');
  });
});
