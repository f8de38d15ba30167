// A seller's identity check (KYC), following the kyc machine: the business details the seller
// declared, the reviewer's decision and why. A seller may start a new check after a rejection;
// the newest check is the one that counts. Documents are private uploads (kyc_documents).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class KycCheck {
  id: string = randomUUID();
  seller!: Ref<User>;
  state = 'submitted';
  version = 1;
  businessType!: 'individual' | 'company';
  legalName!: string;
  country!: string;
  registrationNumber: string | null = null;
  taxId: string | null = null;
  addressLine1!: string;
  city!: string;
  postalCode!: string;
  dateOfBirth: string | null = null;
  infoRequest: string | null = null;
  infoResponse: string | null = null;
  rejectReason: string | null = null;
  rejectNote: string | null = null;
  decidedBy: string | null = null;
  decidedAt: Date | null = null;
  infoDueAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const KycCheckSchema = new EntitySchema<KycCheck>({
  class: KycCheck,
  tableName: 'kyc_checks',
  indexes: [{ properties: ['seller', 'createdAt'] }, { properties: ['state'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    state: { type: 'string', length: 20 },
    version: { type: 'integer' },
    businessType: { type: 'string', length: 12 },
    legalName: { type: 'string', length: 200 },
    country: { type: 'string', length: 2 },
    registrationNumber: { type: 'string', length: 60, nullable: true },
    taxId: { type: 'string', length: 60, nullable: true },
    addressLine1: { type: 'string', length: 200 },
    city: { type: 'string', length: 100 },
    postalCode: { type: 'string', length: 20 },
    dateOfBirth: { type: 'string', length: 10, nullable: true },
    infoRequest: { type: 'text', nullable: true },
    infoResponse: { type: 'text', nullable: true },
    rejectReason: { type: 'string', length: 40, nullable: true },
    rejectNote: { type: 'string', length: 1000, nullable: true },
    decidedBy: { type: 'uuid', nullable: true },
    decidedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    infoDueAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
