// Stored runs of the provider reconciliation: when each ran, who asked, and what it found (the
// whole result as JSON, for the console to list).
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type ReconciliationRunRow = DB['ReconciliationRun'];

/** A stored run, its result in the shape the reconciliation writes. */
export interface ReconciliationRunRecord extends Omit<ReconciliationRunRow, 'result'> {
  result: { checked: Record<string, number>; mismatches: unknown[] };
}

export const reconciliationRepository = {
  async insertRun(em: EntityManager, run: ReconciliationRunRow): Promise<void> {
    await db(em).insertInto('ReconciliationRun').values({ id: run.id, ranAt: run.ranAt, triggeredBy: run.triggeredBy, mismatchCount: run.mismatchCount, result: run.result }).execute();
  },
  /** The latest runs, newest first. */
  async recentRuns(em: EntityManager, limit: number): Promise<ReconciliationRunRecord[]> {
    const rows = await db(em).selectFrom('ReconciliationRun').selectAll().orderBy('ranAt', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, result: r.result as ReconciliationRunRecord['result'] }));
  },
};
