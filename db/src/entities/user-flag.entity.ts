// A staff flag on a buyer or seller ("risky"): raises the risk score of their checkouts while it
// stands; clearing keeps the record.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class UserFlag {
  id: string = randomUUID();
  user!: Ref<User>;
  note!: string;
  createdBy!: string;
  createdAt: Date = new Date();
  clearedBy: string | null = null;
  clearedAt: Date | null = null;
}

export const UserFlagSchema = new EntitySchema<UserFlag>({
  class: UserFlag,
  tableName: 'user_flags',
  indexes: [{ properties: ['user', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    note: { type: 'string', length: 500 },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    clearedBy: { type: 'uuid', nullable: true },
    clearedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
