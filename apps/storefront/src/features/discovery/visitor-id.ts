// A random id for this browser, kept in local storage, so the API can count an anonymous
// visitor's repeat views of a listing once (it never leaves the view counter).
const storageKey = 'md.visitor';

export function visitorId(): string | undefined {
  try {
    let id = window.localStorage.getItem(storageKey);
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = crypto.randomUUID().replace(/-/g, '');
      window.localStorage.setItem(storageKey, id);
    }
    return id;
  } catch {
    return undefined; // storage blocked: the API falls back to the address
  }
}
