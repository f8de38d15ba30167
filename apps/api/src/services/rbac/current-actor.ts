// A socket's actor was captured at its handshake; roles and grants may have been edited since. Room
// decisions use the person's current roles (one indexed read) and the current grant table.
import type { GrantTable, Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { roleRepository } from '../../repositories/role-repository.js';
import type { SessionActor } from '../auth/session-service.js';

export async function currentActor(em: EntityManager, actor: SessionActor | null, grants: GrantTable): Promise<SessionActor | null> {
  if (!actor) return null;
  const user = await roleRepository.findUser(em, actor.id);
  // Two-factor status is read fresh too: enrolling after the handshake opens staff rooms at once.
  return { ...actor, roles: (user?.roles ?? []) as Role[], grants, twoFactorEnabled: user ? user.totpEnabledAt !== null : actor.twoFactorEnabled };
}
