import { describe, expect, it, vi } from 'vitest';
import { CART_STORAGE_KEY, addQuantity, countItems, createGuestCartMerger, createGuestCartStore, parseStoredCart, withQuantity } from './cart-store';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

describe('parseStoredCart', () => {
  it('reads valid lines and drops garbage', () => {
    expect(parseStoredCart(null)).toEqual([]);
    expect(parseStoredCart('not json')).toEqual([]);
    expect(parseStoredCart('{"a":1}')).toEqual([]);
    expect(parseStoredCart(JSON.stringify([{ listingId: A, quantity: 2 }, { listingId: 'nope', quantity: 1 }, { listingId: B, quantity: 0 }, { listingId: B, quantity: 1.5 }]))).toEqual([{ listingId: A, quantity: 2 }]);
  });

  it('folds a listing stored twice (larger quantity wins)', () => {
    expect(parseStoredCart(JSON.stringify([{ listingId: A, quantity: 1 }, { listingId: A, quantity: 3 }]))).toEqual([{ listingId: A, quantity: 3 }]);
  });
});

describe('line updates', () => {
  it('adds, caps at the stock left and removes at zero', () => {
    let lines = addQuantity([], A, 2, 5);
    expect(lines).toEqual([{ listingId: A, quantity: 2 }]);
    lines = addQuantity(lines, A, 10, 5);
    expect(lines).toEqual([{ listingId: A, quantity: 5 }]);
    lines = addQuantity(lines, B, 1);
    expect(countItems(lines)).toBe(6);
    expect(withQuantity(lines, A, 0)).toEqual([{ listingId: B, quantity: 1 }]);
    expect(withQuantity(lines, B, 500)).toEqual([{ listingId: A, quantity: 5 }, { listingId: B, quantity: 99 }]);
  });
});

describe('guest cart store', () => {
  it('persists to local storage and notifies subscribers', () => {
    const storage = new MemoryStorage();
    const store = createGuestCartStore(storage);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    expect(store.getLines()).toEqual([]);
    store.set([{ listingId: A, quantity: 2 }]);
    expect(JSON.parse(storage.getItem(CART_STORAGE_KEY)!)).toEqual([{ listingId: A, quantity: 2 }]);
    expect(listener).toHaveBeenCalledTimes(1);
    // A second store over the same storage (a reload, another tab) reads the same cart.
    expect(createGuestCartStore(storage).getLines()).toEqual([{ listingId: A, quantity: 2 }]);
    store.clear();
    expect(storage.getItem(CART_STORAGE_KEY)).toBeNull();
    expect(store.getLines()).toEqual([]);
    unsubscribe();
  });

  it('keeps snapshots stable between changes and empty on the server', () => {
    const store = createGuestCartStore(new MemoryStorage());
    store.set([{ listingId: A, quantity: 1 }]);
    expect(store.getLines()).toBe(store.getLines());
    expect(store.getServerSnapshot()).toEqual([]);
  });

  it('picks up changes made in another tab', () => {
    const storage = new MemoryStorage();
    const target = new EventTarget();
    const store = createGuestCartStore(storage, target as unknown as Window);
    const listener = vi.fn();
    store.subscribe(listener);
    storage.setItem(CART_STORAGE_KEY, JSON.stringify([{ listingId: B, quantity: 4 }]));
    target.dispatchEvent(Object.assign(new Event('storage'), { key: CART_STORAGE_KEY }));
    expect(listener).toHaveBeenCalled();
    expect(store.getLines()).toEqual([{ listingId: B, quantity: 4 }]);
  });
});

describe('merging the guest cart on sign-in', () => {
  it('sends the lines once, then clears them locally', async () => {
    const store = createGuestCartStore(new MemoryStorage());
    store.set([{ listingId: A, quantity: 1 }, { listingId: B, quantity: 2 }]);
    const merge = vi.fn(() => Promise.resolve({ ok: true }));
    const mergeGuestCart = createGuestCartMerger(store, merge);
    const [first, second] = await Promise.all([mergeGuestCart(), mergeGuestCart()]);
    expect(first && second).toBe(true);
    expect(merge).toHaveBeenCalledOnce();
    expect(merge).toHaveBeenCalledWith([{ listingId: A, quantity: 1 }, { listingId: B, quantity: 2 }]);
    expect(store.getLines()).toEqual([]);
    expect(await mergeGuestCart()).toBe(false);
    expect(merge).toHaveBeenCalledOnce();
  });

  it('keeps the lines when the server refuses, for the next try', async () => {
    const store = createGuestCartStore(new MemoryStorage());
    store.set([{ listingId: A, quantity: 1 }]);
    const mergeGuestCart = createGuestCartMerger(store, () => Promise.reject(new Error('offline')));
    await expect(mergeGuestCart()).rejects.toThrow('offline');
    expect(store.getLines()).toEqual([{ listingId: A, quantity: 1 }]);
  });
});
