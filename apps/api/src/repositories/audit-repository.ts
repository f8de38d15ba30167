// The audit log: appended to (inside the caller's transaction when there is one) and
// searched with keyset paging. There is deliberately no update or delete here; the table's trigger
// would refuse them anyway.
import type { EntityManager } from '@marketdesk/db';
import { db, sql } from './db.js';

export interface NewAuditRow {
  at: Date;
  actorId: string | null;
  actorRoles: readonly string[];
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRow extends NewAuditRow {
  id: string;
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset: rows strictly older than this (at, id), newest first. */
  before?: { at: Date; id: string } | undefined;
}

/** The entity types the JSON columns as objects; what the caller recorded goes in as it is (the json type serialises any value). */
const json = (v: unknown) => (v === undefined || v === null ? null : (v as Record<string, unknown>));

export const auditRepository = {
  async insert(em: EntityManager, row: NewAuditRow): Promise<void> {
    await db(em)
      .insertInto('AuditLogEntry')
      .values({
        // The id is the table's sequence; the inferred row type does not know the column has a default.
        id: sql<string>`default`,
        at: row.at,
        actorId: row.actorId,
        actorRoles: [...row.actorRoles],
        action: row.action.slice(0, 120),
        objectType: row.objectType?.slice(0, 40) ?? null,
        objectId: row.objectId?.slice(0, 120) ?? null,
        outcome: row.outcome.slice(0, 40),
        before: json(row.before),
        after: json(row.after),
        requestId: row.requestId?.slice(0, 120) ?? null,
        ip: row.ip?.slice(0, 64) ?? null,
        userAgent: row.userAgent?.slice(0, 400) ?? null,
      })
      .execute();
  },

  async search(em: EntityManager, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    let query = db(em).selectFrom('AuditLogEntry').selectAll();
    if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
    // A trailing `*` searches a family of actions (`trpc.orders.*`).
    if (filter.action?.endsWith('*')) query = query.where('action', 'like', `${filter.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    else if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.objectType) query = query.where('objectType', '=', filter.objectType);
    if (filter.objectId) query = query.where('objectId', '=', filter.objectId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    const before = filter.before;
    if (before) query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(before.at, before.id)));
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, before: plainJson(r.before), after: plainJson(r.after) }));
  },
};

/** Rebuilds stored JSON with prototype-poisoning keys bracketed (rows written before redaction, or by hand). */
function plainJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k === '__proto__' || k === 'constructor' || k === 'prototype' ? `[${k}]` : k] = plainJson(v);
  return out;
}
