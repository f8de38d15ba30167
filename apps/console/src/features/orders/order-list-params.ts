// The Orders page's URL: ?status=paid&q=miles&page=2. Pure reading and writing, so a shared link
// opens the same list and the rules (page 1 is implicit, a new search starts at page 1) are tested.
export const ordersPageSize = 25;

export interface OrderListParams {
  status: string;
  q: string;
  page: number;
}

export function readOrderListParams(params: URLSearchParams): OrderListParams {
  const page = Number(params.get('page'));
  return {
    status: params.get('status') ?? 'all',
    q: (params.get('q') ?? '').slice(0, 100),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The next URL params: a changed filter or search goes back to page 1; defaults are left out. */
export function writeOrderListParams(current: URLSearchParams, change: Partial<OrderListParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  if (change.status !== undefined) set('status', change.status === 'all' ? null : change.status);
  if (change.q !== undefined) set('q', change.q.trim() || null);
  if (change.page !== undefined) set('page', change.page > 1 ? String(change.page) : null);
  else if (change.status !== undefined || change.q !== undefined) next.delete('page');
  return next;
}

/** `offset` for the API from a 1-based page. */
export function offsetOf(page: number, pageSize = ordersPageSize): number {
  return (Math.max(1, page) - 1) * pageSize;
}

export function pageCount(total: number, pageSize = ordersPageSize): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
