// Names for the person ids that staff tools show (the audit log's actors, the ledger's account
// owners): one look-up per page, each name as personName allows this viewer to see it.
import type { Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { roleRepository } from '../../repositories/role-repository.js';
import { personName } from './mask-views.js';

export interface PersonLabel {
  id: string;
  name: string;
  /** The name is shown as initials: the viewer may not see this person's data. */
  nameMasked: boolean;
}

/** Labels for the ids that name a person; ids of no one (deleted, or not a person) are left out. */
export async function namePeople(em: EntityManager, viewer: Actor, ids: readonly string[]): Promise<Map<string, PersonLabel>> {
  const people = await roleRepository.peopleByIds(em, ids);
  return new Map(people.map((p) => [p.id, { id: p.id, ...personName(viewer, p) }]));
}
