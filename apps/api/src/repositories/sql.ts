// Raw SQL inside the caller's transaction, for the few statements the ORM cannot express
// (atomic upserts, ordered FOR UPDATE locks, ON CONFLICT inserts).
import type { EntityManager } from '@marketdesk/db';

export type Row = Record<string, unknown>;

export function sql(em: EntityManager, query: string, params: unknown[] = []): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(query, params, 'all', em.getTransactionContext());
}

export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(',');
