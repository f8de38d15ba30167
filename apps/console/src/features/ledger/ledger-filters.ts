// The transfer filters of the ledger explorer, checked before they reach the API (which wants
// uuids and dates), and the "before" cursor stack for paging back through transfers.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransferFilterText {
  orderId: string;
  sellerId: string;
  /** `YYYY-MM-DD` from a date input, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive (sent as the next midnight, since the API's `to` is exclusive). */
  to: string;
}

export const noTransferFilter: TransferFilterText = { orderId: '', sellerId: '', from: '', to: '' };

export interface TransferQuery {
  orderId?: string;
  sellerId?: string;
  from?: Date;
  to?: Date;
}

export type FilterCheck = { query: TransferQuery; errors: Partial<Record<keyof TransferFilterText, string>> };

const DAY_MS = 86_400_000;

function day(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Valid fields become the query; invalid ones an error each (and are left out of the query). */
export function checkTransferFilter(f: TransferFilterText): FilterCheck {
  const query: TransferQuery = {};
  const errors: FilterCheck['errors'] = {};
  const orderId = f.orderId.trim();
  const sellerId = f.sellerId.trim();
  if (orderId) {
    if (uuid.test(orderId)) query.orderId = orderId.toLowerCase();
    else errors.orderId = 'An order id looks like 9fa2d433-eb2c-41d4-8b7a-997736c92eb2';
  }
  if (sellerId) {
    if (uuid.test(sellerId)) query.sellerId = sellerId.toLowerCase();
    else errors.sellerId = 'A seller id is a uuid';
  }
  const from = f.from ? day(f.from) : null;
  const to = f.to ? day(f.to) : null;
  if (f.from && !from) errors.from = 'Pick a date';
  if (f.to && !to) errors.to = 'Pick a date';
  if (from && to && to < from) errors.to = 'Ends before it starts';
  else {
    if (from) query.from = from;
    if (to) query.to = new Date(to.getTime() + DAY_MS);
  }
  return { query, errors };
}

/** Sides of a posting as a sign on the account's own terms: debits left, credits right. */
export function postingSideLabel(side: string): string {
  return side === 'debit' ? 'Dr' : side === 'credit' ? 'Cr' : side;
}
