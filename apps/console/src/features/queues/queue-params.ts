// A queue view's URL: every filter, the sort and the open item, so a link (or a notification's
// `?item=`) opens exactly the same view. Values are read leniently: anything malformed is dropped,
// never an error page, and the result is checked with the domain's schema the API uses too.
// Money in the URL is in whole currency units (`minValue=20` is €20), which people can read.
import { grades, queueFilterSchema, queueSortFields, type QueueFilter, type QueueSort, type QueueSortField } from '@marketdesk/domain';

export const defaultQueueSort: QueueSort = { field: 'created_at', direction: 'asc' };

export interface QueueViewParams {
  filter: QueueFilter;
  sort: QueueSort;
  /** The item open in the drawer. */
  item: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function wholeNumber(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 525_600 ? n : undefined;
}

function moneyMinor(raw: string | null, exponent: number): number | undefined {
  if (raw === null || !/^\d{1,9}(\.\d{1,2})?$/.test(raw.trim())) return undefined;
  return Math.round(Number(raw) * 10 ** exponent);
}

function list(raw: string | null): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function readQueueParams(params: URLSearchParams, exponent = 2): QueueViewParams {
  const states = list(params.get('status')).filter((s) => /^[a-z_]{1,30}$/.test(s));
  const conditions = list(params.get('cond')).filter((c): c is (typeof grades)[number] => (grades as readonly string[]).includes(c));
  const assignee = params.get('assignee');
  const waiting = params.get('waiting');
  const seller = params.get('seller')?.trim().slice(0, 80);
  const candidate: QueueFilter = {
    ...(states.length ? { states } : {}),
    ...(conditions.length ? { conditions } : {}),
    minAgeMinutes: wholeNumber(params.get('minAge')),
    maxAgeMinutes: wholeNumber(params.get('maxAge')),
    ...(seller ? { sellerName: seller } : {}),
    minValueMinor: moneyMinor(params.get('minValue'), exponent),
    maxValueMinor: moneyMinor(params.get('maxValue'), exponent),
    ...(assignee && (['me', 'unassigned', 'anyone'].includes(assignee) || uuidPattern.test(assignee)) ? { assignee } : {}),
    slaDueWithinMinutes: wholeNumber(params.get('sla')),
    ...(waiting === 'staff' || waiting === 'seller' ? { waitingOn: waiting } : {}),
  };
  for (const key of Object.keys(candidate) as (keyof QueueFilter)[]) if (candidate[key] === undefined) delete candidate[key];
  const parsed = queueFilterSchema.safeParse(candidate);
  // A contradictory range (min above max) drops the range rather than the whole view.
  const filter: QueueFilter = parsed.success ? parsed.data : { ...candidate, minValueMinor: undefined, maxValueMinor: undefined, minAgeMinutes: undefined, maxAgeMinutes: undefined };
  for (const key of Object.keys(filter) as (keyof QueueFilter)[]) if (filter[key] === undefined) delete filter[key];

  const [field, direction] = (params.get('sort') ?? '').split('.');
  const sort: QueueSort = (queueSortFields as readonly string[]).includes(field ?? '')
    ? { field: field as QueueSortField, direction: direction === 'desc' ? 'desc' : 'asc' }
    : defaultQueueSort;
  const item = params.get('item');
  return { filter, sort, item: item && uuidPattern.test(item) ? item : null };
}

function minorToUnits(minor: number, exponent: number): string {
  const units = minor / 10 ** exponent;
  return Number.isInteger(units) ? String(units) : units.toFixed(exponent);
}

/** The URL for a view; other params (anything not ours) are kept, defaults left out. */
export function writeQueueParams(current: URLSearchParams, view: Partial<QueueViewParams>, exponent = 2): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | number | undefined | null) => (value === undefined || value === null || value === '' ? next.delete(key) : next.set(key, String(value)));
  if (view.filter) {
    const f = view.filter;
    set('status', f.states?.join(','));
    set('cond', f.conditions?.join(','));
    set('minAge', f.minAgeMinutes);
    set('maxAge', f.maxAgeMinutes);
    set('seller', f.sellerName);
    set('minValue', f.minValueMinor === undefined ? undefined : minorToUnits(f.minValueMinor, exponent));
    set('maxValue', f.maxValueMinor === undefined ? undefined : minorToUnits(f.maxValueMinor, exponent));
    set('assignee', f.assignee);
    set('sla', f.slaDueWithinMinutes);
    set('waiting', f.waitingOn);
  }
  if (view.sort) set('sort', view.sort.field === defaultQueueSort.field && view.sort.direction === defaultQueueSort.direction ? null : `${view.sort.field}.${view.sort.direction}`);
  if (view.item !== undefined) set('item', view.item);
  return next;
}

/** How many filters are set (the "Filters (3)" label and the Clear button). */
export function activeFilterCount(filter: QueueFilter): number {
  return Object.values(filter).filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)).length;
}
