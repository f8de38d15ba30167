import { describe, expect, it } from 'vitest';
import { describeAttributes, describeCondition } from './listing-subject';

describe('listing text in the review drawer', () => {
  it('lists filled record attributes in a fixed order and names the grade', () => {
    expect(describeAttributes({ year: '1959', artist: 'Miles Davis', label: ' ', format: 'LP' })).toBe('Miles Davis · LP · 1959');
    expect(describeAttributes({})).toBe('');
    expect(describeCondition('VG+')).toBe('VG+ — Very Good Plus');
    expect(describeCondition(null)).toBe('Not graded');
  });
});
