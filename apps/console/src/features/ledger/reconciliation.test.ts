import { describe, expect, it } from 'vitest';
import { describeChecked, readMismatches } from './reconciliation';

describe('reconciliation runs', () => {
  it('reads stored mismatches defensively', () => {
    expect(readMismatches([{ kind: 'payment', reference: 'pi_1', ledgerMinor: 5355, providerMinor: 5000, message: 'Amounts differ' }, null])).toEqual([
      { kind: 'payment', reference: 'pi_1', ledgerMinor: 5355, providerMinor: 5000, message: 'Amounts differ' },
      { kind: 'unknown', reference: '—', ledgerMinor: null, providerMinor: null, message: '' },
    ]);
  });

  it('says what was checked', () => {
    expect(describeChecked({ payments: 12, refunds: 1, payouts: 0 })).toBe('12 payments, 1 refund, 0 payouts checked');
    expect(describeChecked({})).toBe('Nothing to check');
  });
});
