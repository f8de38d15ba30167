// The effective grant table, loaded from the roles table and cached in memory per process. Edits
// bump a version counter in Redis; every process compares its copy's version at most every
// `checkEveryMs` and reloads on a change, so an edit made through one API process reaches all of
// them within that window (the editing process sees it at once).
import type { Redis } from 'ioredis';
import { defaultGrantTable, permissions, type GrantTable, type Permission, type RoleDefinition, type Scope } from '@marketdesk/domain';
import type { Database } from '@marketdesk/db';
import { roleRepository } from '../../repositories/role-repository.js';

const scopes = new Set<Scope>(['any', 'own', 'assigned']);
const known = new Set<string>(permissions);

interface Versioned {
  table: GrantTable;
  version: string | null;
}

export interface GrantCache {
  /** The current table (reloaded first when another process has changed it). */
  table(): Promise<GrantTable>;
  /**
   * The shared version as it is now (one Redis read, no window) with the table for it: for callers
   * that cache what they derived from roles and grants (a socket's actor) and must notice any edit.
   */
  current(): Promise<Versioned>;
  /** Called after an edit commits: bump the shared version and reload here. */
  invalidate(): Promise<void>;
}

export function createGrantCache(deps: { db: Database; redis: Redis; prefix: string; checkEveryMs?: number }): GrantCache {
  const key = `${deps.prefix}:rbac:version`;
  const checkEveryMs = deps.checkEveryMs ?? 500;
  let cached: Versioned | null = null;
  let checkedAt = 0;
  let loading: Promise<Versioned> | null = null;
  let reading: { version: string | null; table: Promise<Versioned> } | null = null;

  async function load(version: string | null): Promise<Versioned> {
    const rows = await roleRepository.list(deps.db.orm.em.fork());
    // An empty table (a database migrated before roles existed) falls back to the built-in roles.
    const table: GrantTable = rows.length ? Object.fromEntries(rows.map((r) => [r.name, toDefinition(r.staff, r.grants)])) : defaultGrantTable;
    cached = { table, version };
    checkedAt = Date.now();
    return cached;
  }

  /** One table read per new version, however many callers notice the change at once. */
  function loadOnce(version: string | null): Promise<Versioned> {
    if (reading?.version !== version) {
      const table: Promise<Versioned> = load(version).finally(() => {
        if (reading?.table === table) reading = null;
      });
      reading = { version, table };
    }
    return reading.table;
  }

  async function refresh(): Promise<Versioned> {
    const version = await deps.redis.get(key);
    if (cached && cached.version === version) {
      checkedAt = Date.now();
      return cached;
    }
    return loadOnce(version);
  }

  return {
    async table() {
      if (cached && Date.now() - checkedAt < checkEveryMs) return cached.table;
      loading ??= refresh().finally(() => {
        loading = null;
      });
      return (await loading).table;
    },
    current: refresh,
    async invalidate() {
      const version = String(await deps.redis.incr(key));
      await load(version);
    },
  };
}

/** Only declared permissions with valid scopes survive (a hand-edited row cannot invent one). */
export function toDefinition(staff: boolean, grants: Record<string, string>): RoleDefinition {
  const clean: Partial<Record<Permission, Scope>> = {};
  for (const [p, s] of Object.entries(grants)) if (known.has(p) && scopes.has(s as Scope)) clean[p as Permission] = s as Scope;
  return { staff, grants: clean };
}
