import { describe, expect, it } from 'vitest';
import { flattenCategories } from './categories';

describe('flattenCategories', () => {
  it('lists every category in tree order with its path as the label', () => {
    const tree = [
      { id: 'v', name: 'Vinyl records', children: [{ id: 'j', name: 'Jazz', children: [] }, { id: 'r', name: 'Rock', children: [{ id: 'p', name: 'Prog', children: [] }] }] },
      { id: 'c', name: 'CDs', children: [] },
    ];
    expect(flattenCategories(tree)).toEqual([
      { value: 'v', label: 'Vinyl records' },
      { value: 'j', label: 'Vinyl records › Jazz' },
      { value: 'r', label: 'Vinyl records › Rock' },
      { value: 'p', label: 'Vinyl records › Rock › Prog' },
      { value: 'c', label: 'CDs' },
    ]);
  });

  it('is empty for an empty tree', () => {
    expect(flattenCategories([])).toEqual([]);
  });
});
