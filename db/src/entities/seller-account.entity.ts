// A seller's connected account at the payment provider, created on their first payout.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class SellerAccount {
  user!: Ref<User>;
  providerAccountId!: string;
  createdAt: Date = new Date();
}

export const SellerAccountSchema = new EntitySchema<SellerAccount>({
  class: SellerAccount,
  tableName: 'seller_accounts',
  properties: {
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'restrict' },
    providerAccountId: { type: 'string', length: 100, unique: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
