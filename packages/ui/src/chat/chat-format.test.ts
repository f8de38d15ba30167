import { describe, expect, it } from 'vitest';
import { dayLabel, newClientId, receiptFor, withDaySeparators } from './chat-format';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('withDaySeparators', () => {
  it('puts one separator before the first message of each day', () => {
    const now = at(2026, 3, 12, 15);
    const rows = withDaySeparators([{ id: 'a', createdAtMs: at(2026, 3, 10) }, { id: 'b', createdAtMs: at(2026, 3, 11, 9) }, { id: 'c', createdAtMs: at(2026, 3, 11, 18) }, { id: 'd', createdAtMs: at(2026, 3, 12, 8) }], now, 'en-GB');
    expect(rows.map((r) => (r.kind === 'day' ? r.label : r.key))).toEqual(['10 Mar 2026', 'a', 'Yesterday', 'b', 'c', 'Today', 'd']);
    expect(withDaySeparators([], now)).toEqual([]);
  });
  it('labels today and yesterday', () => {
    expect(dayLabel(at(2026, 1, 1, 0), at(2026, 1, 1, 23))).toBe('Today');
    expect(dayLabel(at(2025, 12, 31, 23), at(2026, 1, 1, 1))).toBe('Yesterday');
  });
});

describe('receiptFor', () => {
  const messages = [
    { id: 'm1', seq: 1, mine: true, kind: 'text' },
    { id: 'm2', seq: 3, mine: false, kind: 'text' },
    { id: 'm3', seq: 5, mine: true, kind: 'text' },
  ];
  it('marks my newest message seen once someone else read up to it', () => {
    expect(receiptFor(messages, [{ id: 'me', role: 'buyer', lastReadSeq: 5 }, { id: 's', role: 'seller', lastReadSeq: 4 }], { id: 'me', role: 'buyer' })).toEqual({ messageId: 'm3', seen: false });
    expect(receiptFor(messages, [{ id: 's', role: 'seller', lastReadSeq: 5 }], { id: 'me', role: 'buyer' })).toEqual({ messageId: 'm3', seen: true });
    expect(receiptFor(messages, [{ id: null, role: 'support', lastReadSeq: 9 }], { id: 'me', role: 'buyer' })).toEqual({ messageId: 'm3', seen: true });
    expect(receiptFor([], [], { id: 'me', role: 'buyer' })).toBeNull();
  });
});

describe('newClientId', () => {
  it('makes v4 UUIDs', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
