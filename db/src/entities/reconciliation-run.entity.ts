// One comparison of the ledger with the payment provider's records, with every mismatch found.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class ReconciliationRun {
  id: string = randomUUID();
  ranAt: Date = new Date();
  /** The admin who pressed the button, or null for the nightly job. */
  triggeredBy: string | null = null;
  mismatchCount = 0;
  result: unknown = null;
}

export const ReconciliationRunSchema = new EntitySchema<ReconciliationRun>({
  class: ReconciliationRun,
  tableName: 'reconciliation_runs',
  properties: {
    id: { type: 'uuid', primary: true },
    ranAt: { type: 'datetime', columnType: 'timestamptz', index: true },
    triggeredBy: { type: 'uuid', nullable: true },
    mismatchCount: { type: 'integer' },
    result: { type: 'json' },
  },
});
