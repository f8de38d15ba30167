// One ledger account with its running totals (docs/architecture.md "The ledger"). Totals change only
// through the ledger service, under a row lock, from the pure domain's decision.
import { EntitySchema } from '@mikro-orm/core';

export class LedgerAccount {
  code!: string;
  type!: 'asset' | 'liability' | 'revenue' | 'expense';
  normalSide!: 'debit' | 'credit';
  rule!: 'non_negative' | 'none';
  currency!: string;
  debitsPostedMinor = 0;
  creditsPostedMinor = 0;
  debitsPendingMinor = 0;
  creditsPendingMinor = 0;
}

// A bigint default is written raw: MikroORM 7 renders `default: 0` through BigIntType as the string '0'.
const minor = { type: 'bigint', columnType: 'bigint', defaultRaw: '0' } as const;

export const LedgerAccountSchema = new EntitySchema<LedgerAccount>({
  class: LedgerAccount,
  tableName: 'ledger_accounts',
  properties: {
    code: { type: 'string', length: 120, primary: true },
    type: { type: 'string', length: 10 },
    normalSide: { type: 'string', length: 6 },
    rule: { type: 'string', length: 20 },
    currency: { type: 'string', length: 3 },
    debitsPostedMinor: { ...minor },
    creditsPostedMinor: { ...minor },
    debitsPendingMinor: { ...minor },
    creditsPendingMinor: { ...minor },
  },
});
