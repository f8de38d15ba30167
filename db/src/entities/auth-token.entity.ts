// A single-use, expiring secret mailed to a user (email verification, password reset). Only the
// SHA-256 of the token is stored, so a database leak yields no usable link.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export type AuthTokenPurpose = 'email_verification' | 'password_reset';

export class AuthToken {
  id: string = randomUUID();
  user!: Ref<User>;
  purpose!: AuthTokenPurpose;
  /** hex SHA-256 of the token in the link. */
  tokenHash!: string;
  /** The address the link was sent to: a verification only counts for the address it was sent to. */
  email!: string;
  expiresAt!: Date;
  usedAt: Date | null = null;
  createdAt: Date = new Date();
}

export const AuthTokenSchema = new EntitySchema<AuthToken>({
  class: AuthToken,
  tableName: 'auth_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    purpose: { type: 'string', length: 32 },
    tokenHash: { type: 'string', length: 64, unique: true },
    email: { type: 'string', length: 254 },
    expiresAt: { type: 'datetime', columnType: 'timestamptz' },
    usedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
