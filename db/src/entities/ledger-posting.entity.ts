// Append-only postings: one row per account movement, for statements and audits. `phase` says
// whether it moved posted money or placed/released a hold.
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export class LedgerPosting {
  id!: string;
  transferId!: string;
  accountCode!: string;
  side!: 'debit' | 'credit';
  amountMinor!: number;
  currency!: string;
  phase!: 'posted' | 'pending' | 'released';
  createdAt!: Date;
}

export const LedgerPostingSchema = new EntitySchema<LedgerPosting>({
  class: LedgerPosting,
  tableName: 'ledger_postings',
  indexes: [{ properties: ['accountCode', 'id'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    transferId: { type: 'string', length: 200, index: true },
    accountCode: { type: 'string', length: 120 },
    side: { type: 'string', length: 6 },
    amountMinor: { type: 'bigint', columnType: 'bigint' },
    currency: { type: 'string', length: 3 },
    phase: { type: 'string', length: 10 },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
