// The seller's statement: every posting on their available and in-transit accounts, newest first,
// paged backwards with `beforeId` (the last id of the page shown). Both accounts are liabilities
// (money the platform owes the seller), so a credit is money in and a debit money out.

export interface StatementRow {
  id: string;
  side: 'debit' | 'credit';
  amountMinor: number;
}

/** +amount for money in, −amount for money out. */
export function signedAmountMinor(row: Pick<StatementRow, 'side' | 'amountMinor'>): number {
  return row.side === 'credit' ? row.amountMinor : -row.amountMinor;
}

/** Cursor stack for "Older" / "Newer": the beforeIds of the pages above the current one. */
export interface StatementCursor {
  stack: (string | undefined)[];
}

export const firstStatementPage: StatementCursor = { stack: [undefined] };

export function currentBeforeId(c: StatementCursor): string | undefined {
  return c.stack.at(-1);
}

export function olderPage(c: StatementCursor, rows: readonly StatementRow[]): StatementCursor {
  const last = rows.at(-1);
  return last ? { stack: [...c.stack, last.id] } : c;
}

export function newerPage(c: StatementCursor): StatementCursor {
  return c.stack.length > 1 ? { stack: c.stack.slice(0, -1) } : c;
}
