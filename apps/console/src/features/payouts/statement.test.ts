import { describe, expect, it } from 'vitest';
import { currentBeforeId, firstStatementPage, newerPage, olderPage, signedAmountMinor } from './statement';

describe('statement', () => {
  it('reads credits to the seller as money in and debits as money out', () => {
    expect(signedAmountMinor({ side: 'credit', amountMinor: 4820 })).toBe(4820);
    expect(signedAmountMinor({ side: 'debit', amountMinor: 2500 })).toBe(-2500);
  });

  it('pages back by the last id shown and forward by popping', () => {
    const rows = [{ id: '90', side: 'credit' as const, amountMinor: 1 }, { id: '71', side: 'debit' as const, amountMinor: 1 }];
    const p2 = olderPage(firstStatementPage, rows);
    expect(currentBeforeId(firstStatementPage)).toBeUndefined();
    expect(currentBeforeId(p2)).toBe('71');
    expect(olderPage(p2, [])).toBe(p2);
    expect(currentBeforeId(newerPage(p2))).toBeUndefined();
    expect(newerPage(firstStatementPage)).toBe(firstStatementPage);
  });
});
