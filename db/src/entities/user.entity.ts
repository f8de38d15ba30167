// A person who can sign in. Roles are additive: a seller can also buy, an admin can also be an agent.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';
import type { Role } from '@marketdesk/domain';

export class User {
  id: string = randomUUID();
  email!: string;
  passwordHash!: string;
  displayName!: string;
  roles: Role[] = ['buyer'];
  /** Set when the owner follows the emailed verification link; null until then. */
  emailVerifiedAt: Date | null = null;
  /** TOTP key, AES-GCM sealed with AUTH_ENCRYPTION_KEY; set while enrolling, live once totpEnabledAt is set. */
  totpKeySealed: string | null = null;
  totpEnabledAt: Date | null = null;
  /** SHA-256 of each unused recovery code; a used code is removed atomically. */
  recoveryCodeHashes: string[] = [];
  /** The OpenID Connect subject of the linked Google account. */
  googleSubject: string | null = null;
  /** Storage key of the profile photo (a 256 px WebP under avatars/), or null. */
  avatarKey: string | null = null;
  /** Optimistic lock: profile edits from two tabs must not silently overwrite each other. */
  version!: number;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();

  constructor(init: { email: string; passwordHash: string; displayName: string; roles?: Role[] }) {
    Object.assign(this, init);
  }
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', length: 254, unique: true },
    passwordHash: { type: 'text' },
    displayName: { type: 'string', length: 80 },
    roles: { type: 'string[]', columnType: 'text[]' },
    emailVerifiedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    totpKeySealed: { type: 'text', nullable: true },
    totpEnabledAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    recoveryCodeHashes: { type: 'string[]', columnType: 'text[]', default: [] },
    googleSubject: { type: 'string', length: 255, nullable: true, unique: true },
    avatarKey: { type: 'string', length: 200, nullable: true },
    version: { type: 'integer', version: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() },
  },
});
