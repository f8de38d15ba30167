import { describe, expect, it } from 'vitest';
import { carrierLabel, orderStateColor } from './order-labels';

describe('order labels', () => {
  it('names carriers', () => {
    expect(carrierLabel('dpd')).toBe('DPD');
    expect(carrierLabel('pigeon')).toBe('pigeon');
  });

  it('colours every state of the order machine, and anything else grey', () => {
    expect(orderStateColor('disputed')).toBe('red');
    expect(orderStateColor('under_review')).toBe('orange');
    expect(orderStateColor('on_hold')).toBe('gray');
    expect(orderStateColor('toString')).toBe('gray');
  });
});
