import { describe, expect, it } from 'vitest';
import { activeFilterCount, readQueueParams, writeQueueParams } from './queue-params';

const uuid = '0b7f2c1e-3a4d-4e5f-8a6b-7c8d9e0f1a2b';

describe('queue view ↔ URL', () => {
  it('round-trips every filter, the sort and the open item', () => {
    const view = {
      filter: { states: ['submitted', 'countered'], conditions: ['NM' as const, 'VG+' as const], minAgeMinutes: 60, maxAgeMinutes: 2880, sellerName: 'groove', minValueMinor: 2000, maxValueMinor: 12550, assignee: 'me', slaDueWithinMinutes: 240, waitingOn: 'staff' as const },
      sort: { field: 'value' as const, direction: 'desc' as const },
      item: uuid,
    };
    const params = writeQueueParams(new URLSearchParams(), view);
    expect(params.toString()).toBe(`status=submitted%2Ccountered&cond=NM%2CVG%2B&minAge=60&maxAge=2880&seller=groove&minValue=20&maxValue=125.50&assignee=me&sla=240&waiting=staff&sort=value.desc&item=${uuid}`);
    expect(readQueueParams(params)).toEqual(view);
  });

  it('leaves defaults out and keeps params that are not its own', () => {
    const params = writeQueueParams(new URLSearchParams('tab=x&status=submitted&sort=value.desc'), { filter: {}, sort: { field: 'created_at', direction: 'asc' }, item: null });
    expect(params.toString()).toBe('tab=x');
    expect(readQueueParams(params)).toEqual({ filter: {}, sort: { field: 'created_at', direction: 'asc' }, item: null });
  });

  it('drops what is malformed instead of failing', () => {
    const read = readQueueParams(new URLSearchParams('status=DROP TABLE&cond=Z,NM&minAge=-3&minValue=abc&assignee=root&sort=password.desc&item=42&waiting=bots'));
    expect(read).toEqual({ filter: { conditions: ['NM'] }, sort: { field: 'created_at', direction: 'asc' }, item: null });
  });

  it('drops a contradictory range but keeps the rest', () => {
    expect(readQueueParams(new URLSearchParams('minValue=50&maxValue=10&seller=x')).filter).toEqual({ sellerName: 'x' });
  });

  it('counts active filters', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ states: [], sellerName: 'a', minValueMinor: 0 })).toBe(2);
  });
});
