// Stored runs of the provider reconciliation: when each ran, who asked, and what it found (the
// whole result as JSON, for the console to list).
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export interface ReconciliationRunRecord {
  id: string;
  ranAt: Date;
  triggeredBy: string | null;
  mismatchCount: number;
  result: { checked: Record<string, number>; mismatches: unknown[] };
}

export const reconciliationRepository = {
  async insertRun(em: EntityManager, run: Omit<ReconciliationRunRecord, 'result'> & { result: unknown }): Promise<void> {
    await sql(em, `insert into reconciliation_runs (id, ran_at, triggered_by, mismatch_count, result) values (?, ?, ?, ?, ?)`, [run.id, run.ranAt, run.triggeredBy, run.mismatchCount, JSON.stringify(run.result)]);
  },
  /** The latest runs, newest first. */
  async recentRuns(em: EntityManager, limit: number): Promise<ReconciliationRunRecord[]> {
    const rows = await sql(em, `select id, ran_at, triggered_by, mismatch_count, result from reconciliation_runs order by ran_at desc limit ?`, [limit]);
    return rows.map((r) => ({
      id: r.id as string,
      ranAt: new Date(r.ran_at as string),
      triggeredBy: (r.triggered_by as string | null) ?? null,
      mismatchCount: Number(r.mismatch_count),
      result: (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as ReconciliationRunRecord['result'],
    }));
  },
};
