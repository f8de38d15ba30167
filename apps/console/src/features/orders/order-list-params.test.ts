import { describe, expect, it } from 'vitest';
import { offsetOf, pageCount, readOrderListParams, writeOrderListParams } from './order-list-params';

describe('order list URL', () => {
  it('reads defaults and ignores nonsense pages', () => {
    expect(readOrderListParams(new URLSearchParams(''))).toEqual({ status: 'all', q: '', page: 1 });
    expect(readOrderListParams(new URLSearchParams('status=paid&q=miles&page=3'))).toEqual({ status: 'paid', q: 'miles', page: 3 });
    expect(readOrderListParams(new URLSearchParams('page=-2')).page).toBe(1);
    expect(readOrderListParams(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('starts a new search or tab on page 1 and leaves defaults out of the URL', () => {
    const at3 = new URLSearchParams('status=paid&q=miles&page=3');
    expect(writeOrderListParams(at3, { q: ' coltrane ' }).toString()).toBe('status=paid&q=coltrane');
    expect(writeOrderListParams(at3, { status: 'all' }).toString()).toBe('q=miles');
    expect(writeOrderListParams(at3, { q: '' }).toString()).toBe('status=paid');
    expect(writeOrderListParams(at3, { page: 1 }).toString()).toBe('status=paid&q=miles');
    expect(writeOrderListParams(new URLSearchParams(), { page: 2 }).toString()).toBe('page=2');
  });

  it('turns pages into offsets and totals into page counts', () => {
    expect(offsetOf(1)).toBe(0);
    expect(offsetOf(3, 25)).toBe(50);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(51, 25)).toBe(3);
  });
});
