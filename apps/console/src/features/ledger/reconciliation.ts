// Reconciliation runs as the API stores them: `mismatches` is JSON, so each is read defensively.
export interface Mismatch {
  kind: string;
  reference: string;
  ledgerMinor: number | null;
  providerMinor: number | null;
  message: string;
}

const amount = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

export function readMismatches(raw: readonly unknown[]): Mismatch[] {
  return raw.map((m) => {
    const r = (m ?? {}) as Record<string, unknown>;
    return {
      kind: typeof r.kind === 'string' ? r.kind : 'unknown',
      reference: typeof r.reference === 'string' ? r.reference : '—',
      ledgerMinor: amount(r.ledgerMinor),
      providerMinor: amount(r.providerMinor),
      message: typeof r.message === 'string' ? r.message : '',
    };
  });
}

/** "12 payments, 1 refund, 3 payouts checked". */
export function describeChecked(checked: Record<string, number> | null | undefined): string {
  const parts = Object.entries(checked ?? {}).map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`);
  return parts.length ? `${parts.join(', ')} checked` : 'Nothing to check';
}

export const mismatchKindLabels: Record<string, string> = { payment: 'Payment', refund: 'Refund', payout: 'Payout', books: 'Books' };
