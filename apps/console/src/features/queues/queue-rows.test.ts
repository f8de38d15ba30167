import { describe, expect, it } from 'vitest';
import { classifyChange, compareRows, holderOf, isNewer, itemPhase, reconcileRows, rememberRow, rowMatches, type QueueRow } from './queue-rows';

const now = Date.UTC(2030, 0, 2, 12);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number, over: Partial<QueueRow> = {}): QueueRow => ({
  id: id(n),
  queue: 'submissions',
  subjectId: id(100 + n),
  state: 'submitted',
  version: 1,
  priority: 0,
  title: `Record ${n}`,
  sellerId: id(200),
  sellerName: 'Groove Records',
  valueMinor: 1000 * n,
  currency: 'EUR',
  conditions: ['VG+'],
  waitingOn: 'staff',
  claimedBy: null,
  claimedByName: null,
  claimedAtMs: null,
  claimExpiresAtMs: null,
  lastActivityAtMs: now - n * 60_000,
  decidedBy: null,
  decidedAtMs: null,
  slaDueAtMs: now + 3_600_000,
  lastAction: null,
  createdAtMs: now - n * 60_000,
  updatedAtMs: now - n * 60_000,
  ...over,
});
const ctx = { queue: 'submissions' as const, meId: id(900), nowMs: now };
const oldestFirst = { field: 'created_at' as const, direction: 'asc' as const };

describe('applying rows by version', () => {
  it('takes a newer version and ignores an older one, whichever arrives last', () => {
    const v1 = row(1);
    const v2 = row(1, { version: 2, state: 'in_review' });
    expect(isNewer(v2, v1)).toBe(true);
    expect(isNewer(v1, v2)).toBe(false);
    const seen = rememberRow(new Map(), v2);
    expect(rememberRow(seen, v1)).toBe(seen);
  });

  it('takes a renewed claim lease on the same version, not an older one', () => {
    const claimed = row(1, { version: 3, claimedBy: id(900), claimExpiresAtMs: now + 60_000 });
    const extended = { ...claimed, claimExpiresAtMs: now + 600_000 };
    expect(isNewer(extended, claimed)).toBe(true);
    expect(isNewer(claimed, extended)).toBe(false);
  });
});

describe('reconcileRows', () => {
  const base = { filter: {}, sort: oldestFirst, ctx, hasMore: false };

  it('brings server rows up to date and drops those that left the filter', () => {
    const server = [row(3), row(2), row(1)];
    const seen = new Map([[id(2), row(2, { version: 2, state: 'accepted' })], [id(1), row(1, { version: 2, claimedBy: id(5), claimedByName: 'Dana Admin', claimExpiresAtMs: now + 1 })]]);
    const out = reconcileRows({ ...base, server, seen });
    expect(out.map((r) => r.id)).toEqual([id(3), id(1)]);
    expect(out[1]!.claimedByName).toBe('Dana Admin');
  });

  it('does not roll a row back when a refetch raced a newer event', () => {
    const seen = new Map([[id(1), row(1, { version: 4, title: 'newer' })]]);
    expect(reconcileRows({ ...base, server: [row(1, { version: 3 })], seen })[0]!.title).toBe('newer');
  });

  it('slots a new row into sort order, unless it belongs to a page not loaded yet', () => {
    const server = [row(5), row(3)];
    const newRow = row(4);
    const later = row(1);
    const seen = new Map([[newRow.id, newRow], [later.id, later]]);
    expect(reconcileRows({ ...base, server, seen }).map((r) => r.id)).toEqual([id(5), id(4), id(3), id(1)]);
    expect(reconcileRows({ ...base, server, seen, hasMore: true }).map((r) => r.id)).toEqual([id(5), id(4), id(3)]);
  });

  it('keeps a leaving row on screen while it fades', () => {
    const seen = new Map([[id(1), row(1, { version: 2, state: 'rejected' })]]);
    expect(reconcileRows({ ...base, server: [row(1)], seen, leaving: new Set([id(1)]) })).toHaveLength(1);
  });
});

describe('rowMatches', () => {
  it('applies the API’s filters', () => {
    const r = row(2, { claimedBy: id(900), claimExpiresAtMs: now + 1000 });
    expect(rowMatches(r, { assignee: 'me' }, ctx)).toBe(true);
    expect(rowMatches(r, { assignee: 'unassigned' }, ctx)).toBe(false);
    expect(rowMatches({ ...r, claimExpiresAtMs: now - 1 }, { assignee: 'unassigned' }, ctx)).toBe(true);
    expect(rowMatches(r, { sellerName: 'groove' }, ctx)).toBe(true);
    expect(rowMatches(r, { conditions: ['M', 'VG+'] }, ctx)).toBe(true);
    expect(rowMatches(r, { minValueMinor: 2001 }, ctx)).toBe(false);
    expect(rowMatches(r, { minAgeMinutes: 3 }, ctx)).toBe(false);
    expect(rowMatches(r, { slaDueWithinMinutes: 30 }, ctx)).toBe(false);
    expect(rowMatches(row(1, { state: 'quoted', waitingOn: 'seller' }), {}, ctx)).toBe(false);
    expect(rowMatches(row(1, { state: 'quoted', waitingOn: 'seller' }), { waitingOn: 'seller' }, ctx)).toBe(true);
  });
});

describe('compareRows and changes', () => {
  it('orders by the key, then the id, in the chosen direction; undated SLAs last', () => {
    const a = row(1, { slaDueAtMs: null });
    const b = row(2);
    expect(compareRows(a, b, { field: 'sla_due', direction: 'asc' })).toBe(1);
    expect(compareRows(a, b, { field: 'value', direction: 'desc' })).toBe(1);
    expect(compareRows(row(1, { valueMinor: 5 }), row(2, { valueMinor: 5 }), { field: 'value', direction: 'asc' })).toBe(-1);
  });

  it('classifies what an event did to the screen', () => {
    expect(classifyChange(undefined, row(1), true, false)).toBe('added');
    expect(classifyChange(row(1), row(1, { version: 2 }), false, true)).toBe('removed');
    expect(classifyChange(row(1), row(1, { version: 2 }), true, true)).toBe('changed');
    expect(classifyChange(row(1), row(1), true, true)).toBe('none');
  });

  it('names the holder only while the lease runs', () => {
    expect(holderOf({ claimedBy: id(5), claimedByName: 'Dana Admin', claimExpiresAtMs: now + 1 }, now)).toEqual({ id: id(5), name: 'Dana Admin' });
    expect(holderOf({ claimedBy: id(5), claimedByName: 'Dana Admin', claimExpiresAtMs: now }, now)).toBeNull();
  });
});

describe('item phase', () => {
  it('reads the domain’s open and waiting states; everything else is closed', () => {
    expect(itemPhase('listings', 'pending_review')).toBe('open');
    expect(itemPhase('listings', 'active')).toBe('closed');
    expect(itemPhase('kyc', 'needs_info')).toBe('waiting');
    expect(itemPhase('disputes', 'under_review')).toBe('open');
    expect(itemPhase('disputes', 'awaiting_buyer')).toBe('waiting');
    expect(itemPhase('disputes', 'split')).toBe('closed');
    expect(itemPhase('disputes', 'resolved_buyer')).toBe('closed');
  });
});
