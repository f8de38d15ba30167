// A transfer as applied: its id is the idempotency key; the body is the domain's Transfer, kept
// verbatim so the ledger can be replayed. Immutable except for a hold's status.
import { EntitySchema } from '@mikro-orm/core';

export class LedgerTransfer {
  id!: string;
  kind!: string;
  code!: string;
  status!: string;
  pendingId: string | null = null;
  body!: Record<string, unknown>;
  appliedAt!: Date;
  expiresAt: Date | null = null;
  resolvedBy: string | null = null;
}

export const LedgerTransferSchema = new EntitySchema<LedgerTransfer>({
  class: LedgerTransfer,
  tableName: 'ledger_transfers',
  properties: {
    id: { type: 'string', length: 200, primary: true },
    kind: { type: 'string', length: 20 },
    code: { type: 'string', length: 40 },
    status: { type: 'string', length: 10 },
    pendingId: { type: 'string', length: 200, nullable: true, index: true },
    body: { type: 'json' },
    appliedAt: { type: 'datetime', columnType: 'timestamptz' },
    expiresAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    resolvedBy: { type: 'string', length: 200, nullable: true },
  },
});
