// Idempotency keys for checkout requests. One key per attempt, kept in session storage: a double
// click, a retry after a network error or a reload sends the same key (the server answers with
// the first result), while a different request (another address, a changed cart) gets a new key.
export const START_KEY = 'marketdesk-checkout-attempt';
export const PAY_KEY = 'marketdesk-payment-attempt';

interface Attempt {
  key: string;
  body: string;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The key for this request body: the stored one when the body is the same, else a fresh one. */
export function attemptKey(slot: string, body: unknown, store: Storage | null = storage()): string {
  const text = JSON.stringify(body);
  try {
    const saved = JSON.parse(store?.getItem(slot) ?? 'null') as Attempt | null;
    if (saved && saved.body === text && typeof saved.key === 'string') return saved.key;
  } catch {
    // unreadable: start over
  }
  const attempt: Attempt = { key: newKey(), body: text };
  try {
    store?.setItem(slot, JSON.stringify(attempt));
  } catch {
    // no storage: the key still protects this page's double clicks
  }
  return attempt.key;
}

/** Forget the attempt (it finished, or the buyer must start again): the next request gets a new key. */
export function endAttempt(slot: string, store: Storage | null = storage()): void {
  try {
    store?.removeItem(slot);
  } catch {
    // nothing stored
  }
}
