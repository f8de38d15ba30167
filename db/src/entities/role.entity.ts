// Roles as data: what each role grants (permission → scope), editable by admins in the console.
// Permissions themselves stay declared in packages/domain; the four built-in roles are seeded from
// the domain's table and cannot be deleted. `version` is the optimistic lock for two admins editing.
import { EntitySchema } from '@mikro-orm/core';

export class RoleRecord {
  name!: string;
  description: string = '';
  builtIn: boolean = false;
  /** Works the console's queues (what `isStaff` answers for this role). */
  staff: boolean = false;
  grants: Record<string, 'any' | 'own' | 'assigned'> = {};
  version!: number;
  updatedAt: Date = new Date();
  updatedBy: string | null = null;
}

export const RoleRecordSchema = new EntitySchema<RoleRecord>({
  class: RoleRecord,
  tableName: 'roles',
  properties: {
    name: { type: 'string', length: 40, primary: true },
    description: { type: 'string', length: 300 },
    builtIn: { type: 'boolean' },
    staff: { type: 'boolean' },
    grants: { type: 'json' },
    version: { type: 'integer', version: true },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedBy: { type: 'uuid', nullable: true },
  },
});
