// Maps a verified Google identity to an account: the linked account by subject; else the account
// with the same address when Google says the address is verified (then linked, and the address
// counts as verified); else a new buyer account with an unusable password.
import { randomBytes } from 'node:crypto';
import { User, type EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { OidcIdentity } from '../../integrations/oidc/oidc-client.js';
import { userRepository } from '../../repositories/user-repository.js';
import { userSecurityRepository } from '../../repositories/user-security-repository.js';
import { hashPassword } from './passwords.js';

export async function accountForGoogleIdentity(em: EntityManager, identity: OidcIdentity, now: Date): Promise<User> {
  const linked = await userSecurityRepository.findByGoogleSubject(em, identity.subject);
  if (linked) return linked;
  if (!identity.email || !identity.emailVerified) {
    throw new AppError('FORBIDDEN', 'Google did not confirm an email address for this account, so we cannot sign you in with it.');
  }
  const existing = await userRepository.findByEmail(em, identity.email);
  if (existing) {
    existing.googleSubject = identity.subject;
    existing.emailVerifiedAt ??= now;
    await em.flush();
    return existing;
  }
  const user = new User({
    email: identity.email,
    // Nobody knows this password: the account signs in with Google, or sets one by "forgot password".
    passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
    displayName: (identity.name ?? identity.email.split('@')[0] ?? 'Marketdesk user').slice(0, 80),
    roles: ['buyer'],
  });
  user.googleSubject = identity.subject;
  user.emailVerifiedAt = now;
  userRepository.add(em, user);
  await em.flush();
  return user;
}
