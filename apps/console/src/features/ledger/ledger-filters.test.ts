import { describe, expect, it } from 'vitest';
import { checkTransferFilter, noTransferFilter } from './ledger-filters';

describe('checkTransferFilter', () => {
  it('passes valid ids and turns inclusive dates into the API range', () => {
    const { query, errors } = checkTransferFilter({ orderId: ' 9FA2D433-EB2C-41D4-8B7A-997736C92EB2 ', sellerId: '', from: '2030-01-01', to: '2030-01-31' });
    expect(errors).toEqual({});
    expect(query).toEqual({ orderId: '9fa2d433-eb2c-41d4-8b7a-997736c92eb2', from: new Date('2030-01-01T00:00:00Z'), to: new Date('2030-02-01T00:00:00Z') });
  });

  it('leaves invalid fields out and says why', () => {
    const { query, errors } = checkTransferFilter({ ...noTransferFilter, orderId: 'MD-001001', sellerId: 'x', from: '2030-02-01', to: '2030-01-01' });
    expect(query).toEqual({});
    expect(Object.keys(errors).sort()).toEqual(['orderId', 'sellerId', 'to']);
  });

  it('asks nothing of an empty filter', () => {
    expect(checkTransferFilter(noTransferFilter)).toEqual({ query: {}, errors: {} });
  });
});

describe('shortAccountCode', () => {
  it('shortens owner ids and leaves platform accounts alone', async () => {
    const { shortAccountCode } = await import('./transfer-codes');
    expect(shortAccountCode('seller:29e8785d-c6f9-4578-94f6-1946f391e605:available')).toBe('seller:29e8785d…:available');
    expect(shortAccountCode('platform:escrow')).toBe('platform:escrow');
  });
});
