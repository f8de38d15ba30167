// A signed-in browser. Only the SHA-256 of the token is stored, so a database leak yields no usable
// session (lucia's current recommendation).
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class Session {
  /** hex SHA-256 of the secret token held in the cookie. */
  id!: string;
  user!: Ref<User>;
  expiresAt!: Date;
  createdAt: Date = new Date();
  lastSeenAt: Date = new Date();
  userAgent: string | null = null;
  ip: string | null = null;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    expiresAt: { type: 'datetime', columnType: 'timestamptz' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    lastSeenAt: { type: 'datetime', columnType: 'timestamptz' },
    userAgent: { type: 'string', length: 400, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
  },
});
