// Makes sure an account is an admin: the use case behind `npm run admin:create`, the way to get the
// first admin in production (SEED_DEMO is for demos). Idempotent:
//   - an existing admin is left as it is (the password is not even asked for);
//   - an existing account without the role gets it only when the password given is its own, so an
//     account someone registered early under the operator's address cannot be promoted by mistake;
//   - otherwise a new account is created, email verified, holding the admin role.
// The rules are registration's: the domain's email, password and name schemas, argon2id from
// passwords.ts, and the `admin` role as the roles table defines it. Every change is audited (the
// system acts: there is no signed-in person) in the transaction that makes it.
import { displayNameSchema, emailSchema, passwordSchema, type Role } from '@marketdesk/domain';
import { User, type EntityManager } from '@marketdesk/db';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { roleRepository } from '../../repositories/role-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { writeAudit } from '../audit/write-audit.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';

const ADMIN: Role = 'admin';

export interface EnsureAdminInput {
  email: string;
  /** For a new account; defaults to "Administrator". */
  displayName?: string | undefined;
  /** Asked for only when needed; `existing` says whether it must match an account's password. */
  password: (existing: boolean) => Promise<string>;
}

export interface EnsureAdminResult {
  outcome: 'already_admin' | 'promoted' | 'created';
  userId: string;
  email: string;
  roles: string[];
}

function valid<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('BAD_REQUEST', `${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, { field });
  return result.data;
}

export async function ensureAdmin(em: EntityManager, input: EnsureAdminInput, now: Date): Promise<EnsureAdminResult> {
  const email = valid(emailSchema, input.email, 'email');
  const displayName = valid(displayNameSchema, input.displayName ?? 'Administrator', 'name');
  if (!(await roleRepository.find(em, ADMIN))) {
    throw new AppError('NOT_FOUND', 'The roles table has no admin role: the database is not migrated (start the API once, or run this with RUN_MIGRATIONS=true).');
  }
  const existing = await userRepository.findByEmail(em, email);
  if (existing?.roles.includes(ADMIN)) return { outcome: 'already_admin', userId: existing.id, email, roles: [...existing.roles] };
  const password = await input.password(Boolean(existing));
  if (existing) return promote(em, existing.id, password, now);
  return create(em, { email, displayName, password }, now);
}

async function promote(em: EntityManager, userId: string, password: string, now: Date): Promise<EnsureAdminResult> {
  return em.transactional(async (tx) => {
    const user = await userRepository.findById(tx, userId);
    if (!user) throw new AppError('CONFLICT', 'The account was deleted meanwhile; run the command again.');
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('FORBIDDEN', `An account with ${user.email} already exists and this is not its password, so it was not made an admin. Sign in with it (or reset its password) and run the command again, or choose another email.`);
    }
    const before = [...user.roles];
    if (!before.includes(ADMIN)) user.roles = [...before, ADMIN];
    await tx.flush();
    await writeAudit(tx, { action: 'user.roles_changed', objectType: 'user', objectId: user.id, before: { roles: before }, after: { roles: user.roles }, actorId: null }, now);
    return { outcome: 'promoted' as const, userId: user.id, email: user.email, roles: [...user.roles] };
  });
}

async function create(em: EntityManager, fields: { email: string; displayName: string; password: string }, now: Date): Promise<EnsureAdminResult> {
  const password = valid(passwordSchema, fields.password, 'password');
  const user = Object.assign(new User({ email: fields.email, displayName: fields.displayName, passwordHash: await hashPassword(password), roles: [ADMIN] }), {
    // The operator chose this address for themself; there is no mailbox round trip to wait for.
    emailVerifiedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  try {
    await em.transactional(async (tx) => {
      userRepository.add(tx, user);
      await tx.flush();
      await writeAudit(tx, { action: 'user.created', objectType: 'user', objectId: user.id, after: { roles: user.roles, emailVerified: true, via: 'admin:create' }, actorId: null }, now);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new AppError('CONFLICT', `${fields.email} was registered at the same moment; run the command again to make it an admin.`);
    throw error;
  }
  return { outcome: 'created', userId: user.id, email: user.email, roles: [...user.roles] };
}
