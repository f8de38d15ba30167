// The guest cart: lines kept in local storage (key `marketdesk-cart`) until the visitor signs in,
// when they are merged once into the server cart (cart.merge) and cleared here. An external store
// for useSyncExternalStore: every tab sees changes (the `storage` event), and the server snapshot
// is the empty cart, so server rendering and hydration agree before the browser reads storage.
import { cartLineSchema, mergeCarts } from '@marketdesk/domain';

export const CART_STORAGE_KEY = 'marketdesk-cart';
/** The most of one listing a cart may hold (the API's cart line limit). */
export const MAX_LINE_QUANTITY = 99;
/** The most lines a cart may hold (the API's cart limit). */
export const MAX_LINES = 50;

export interface CartLine {
  listingId: string;
  quantity: number;
}

const EMPTY: readonly CartLine[] = Object.freeze([]);

/** Stored JSON → valid lines; anything unreadable or invalid is dropped, duplicates folded. */
export function parseStoredCart(raw: string | null): CartLine[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const lines = parsed.flatMap((item) => {
    const line = cartLineSchema.safeParse(item);
    return line.success ? [{ listingId: line.data.listingId, quantity: line.data.quantity }] : [];
  });
  return mergeCarts([], lines).slice(0, MAX_LINES);
}

/** Set a line's quantity (0 removes it); a new line goes last. */
export function withQuantity(lines: readonly CartLine[], listingId: string, quantity: number): CartLine[] {
  const q = Math.max(0, Math.min(MAX_LINE_QUANTITY, Math.floor(quantity)));
  const exists = lines.some((l) => l.listingId === listingId);
  if (q === 0) return lines.filter((l) => l.listingId !== listingId);
  if (!exists) return lines.length >= MAX_LINES ? [...lines] : [...lines, { listingId, quantity: q }];
  return lines.map((l) => (l.listingId === listingId ? { listingId, quantity: q } : l));
}

/** Add `quantity` to a line, capped at `max` (the stock left) when known. */
export function addQuantity(lines: readonly CartLine[], listingId: string, quantity: number, max = MAX_LINE_QUANTITY): CartLine[] {
  const current = lines.find((l) => l.listingId === listingId)?.quantity ?? 0;
  return withQuantity(lines, listingId, Math.min(current + quantity, max, MAX_LINE_QUANTITY));
}

export function countItems(lines: readonly { quantity: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}

export interface GuestCartStore {
  getLines: () => readonly CartLine[];
  getServerSnapshot: () => readonly CartLine[];
  subscribe: (listener: () => void) => () => void;
  set: (lines: readonly CartLine[]) => void;
  clear: () => void;
}

export function createGuestCartStore(storage: Storage | null, target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = null): GuestCartStore {
  const listeners = new Set<() => void>();
  let raw: string | null = null;
  let lines: readonly CartLine[] = EMPTY;
  let loaded = false;

  const read = () => {
    const next = safeGet(storage);
    if (loaded && next === raw) return;
    loaded = true;
    raw = next;
    const parsed = parseStoredCart(next);
    lines = parsed.length ? parsed : EMPTY;
  };
  const emit = () => listeners.forEach((l) => l());
  const onStorage = (e: StorageEvent) => {
    if (e.key !== null && e.key !== CART_STORAGE_KEY) return;
    read();
    emit();
  };

  return {
    getLines: () => {
      read();
      return lines;
    },
    getServerSnapshot: () => EMPTY,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) target?.addEventListener('storage', onStorage as EventListener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) target?.removeEventListener('storage', onStorage as EventListener);
      };
    },
    set(next) {
      const value = next.length ? JSON.stringify(next.map(({ listingId, quantity }) => ({ listingId, quantity }))) : null;
      safeSet(storage, value);
      read();
      emit();
    },
    clear() {
      safeSet(storage, null);
      read();
      emit();
    },
  };
}

function safeGet(storage: Storage | null): string | null {
  try {
    return storage?.getItem(CART_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (private mode, blocked cookies): the cart lives for this page only
  }
}

function safeSet(storage: Storage | null, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(CART_STORAGE_KEY);
    else storage?.setItem(CART_STORAGE_KEY, value);
  } catch {
    // quota or disabled storage: nothing more we can do
  }
}

const inBrowser = typeof window !== 'undefined';
export const guestCart = createGuestCartStore(inBrowser ? safeStorage() : null, inBrowser ? window : null);

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Move the guest cart into the signed-in cart, once: concurrent calls share one request, lines are
 * cleared locally only after the server took them (a failure keeps them for the next try).
 */
export function createGuestCartMerger(store: GuestCartStore, merge: (lines: CartLine[]) => Promise<unknown>) {
  let inFlight: Promise<boolean> | null = null;
  return function mergeGuestCart(): Promise<boolean> {
    if (inFlight) return inFlight;
    const lines = [...store.getLines()];
    if (lines.length === 0) return Promise.resolve(false);
    inFlight = merge(lines)
      .then(() => {
        store.clear();
        return true;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
