// Assertions for programming errors (TigerBeetle style): a broken invariant is a bug, so it throws.
// Business refusals, by contrast, are returned as typed values and never thrown.

export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

export function assertSafeInteger(value: number, what: string): void {
  assert(Number.isSafeInteger(value), `${what} must be a safe integer, got ${String(value)}`);
}

export function assertNonNegativeSafeInteger(value: number, what: string): void {
  assertSafeInteger(value, what);
  assert(value >= 0, `${what} must not be negative, got ${value}`);
}
