import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { formLevelError, serverFieldError } from './server-errors';

function refusal(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data: { code: 'BAD_REQUEST', zodIssues: null, details: null, ...data } } });
}

describe('serverFieldError', () => {
  it('puts a service refusal on the field its details name', () => {
    const error = refusal('That does not look like a DHL tracking number.', { details: { field: 'trackingNumber' } });
    expect(serverFieldError(error, 'trackingNumber')).toBe('That does not look like a DHL tracking number.');
    expect(serverFieldError(error, 'carrier')).toBeUndefined();
    expect(formLevelError(error, ['carrier', 'trackingNumber'])).toBeUndefined();
  });

  it('reads zod issues by their first path segment', () => {
    const error = refusal('reason: Say why', { zodIssues: [{ path: ['reason'], message: 'Say why' }] });
    expect(serverFieldError(error, 'reason')).toBe('Say why');
  });

  it('leaves anything else to the form as a whole', () => {
    const error = refusal('Payments are not configured.', {});
    expect(serverFieldError(error, 'trackingNumber')).toBeUndefined();
    expect(formLevelError(error, ['trackingNumber'])).toBe('Payments are not configured.');
    expect(formLevelError(null, ['trackingNumber'])).toBeUndefined();
    expect(serverFieldError(new Error('network'), 'x')).toBeUndefined();
  });
});
