// A buyer's saved shipping address (the address book). Orders keep their own copy.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class Address {
  id: string = randomUUID();
  user!: Ref<User>;
  name!: string;
  line1!: string;
  line2: string | null = null;
  city!: string;
  postalCode!: string;
  country!: string;
  phone: string | null = null;
  isDefault = false;
  createdAt: Date = new Date();
}

export const AddressSchema = new EntitySchema<Address>({
  class: Address,
  tableName: 'addresses',
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    name: { type: 'string', length: 120 },
    line1: { type: 'string', length: 200 },
    line2: { type: 'string', length: 200, nullable: true },
    city: { type: 'string', length: 120 },
    postalCode: { type: 'string', length: 20 },
    country: { type: 'string', length: 2 },
    phone: { type: 'string', length: 40, nullable: true },
    isDefault: { type: 'boolean' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
