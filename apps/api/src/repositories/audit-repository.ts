// The audit log: appended to (raw insert, inside the caller's transaction when there is one) and
// searched with keyset paging. There is deliberately no update or delete here; the table's trigger
// would refuse them anyway.
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

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

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export const auditRepository = {
  async insert(em: EntityManager, row: NewAuditRow): Promise<void> {
    await sql(
      em,
      `insert into audit_log (at, actor_id, actor_roles, action, object_type, object_id, outcome, before, after, request_id, ip, user_agent)
       values (?, ?, ?::text[], ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)`,
      [row.at, row.actorId, `{${row.actorRoles.map((r) => `"${r.replace(/["\\]/g, '')}"`).join(',')}}`, row.action.slice(0, 120), row.objectType?.slice(0, 40) ?? null, row.objectId?.slice(0, 120) ?? null, row.outcome.slice(0, 40), json(row.before), json(row.after), row.requestId?.slice(0, 120) ?? null, row.ip?.slice(0, 64) ?? null, row.userAgent?.slice(0, 400) ?? null],
    );
  },

  async search(em: EntityManager, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    // A trailing `*` searches a family of actions (`trpc.orders.*`).
    if (filter.action?.endsWith('*')) add('action like ?', `${filter.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    else if (filter.action) add('action = ?', filter.action);
    if (filter.objectType) add('object_type = ?', filter.objectType);
    if (filter.objectId) add('object_id = ?', filter.objectId);
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.before) add('(at, id) < (?, ?::bigint)', filter.before.at, filter.before.id);
    const rows = await sql(
      em,
      `select * from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by at desc, id desc limit ?`,
      [...params, limit],
    );
    return rows.map(toAuditRow);
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

function toAuditRow(r: Row): AuditRow {
  return {
    id: String(r.id),
    at: new Date(r.at as string),
    actorId: (r.actor_id as string | null) ?? null,
    actorRoles: (r.actor_roles as string[] | null) ?? [],
    action: String(r.action),
    objectType: (r.object_type as string | null) ?? null,
    objectId: (r.object_id as string | null) ?? null,
    outcome: String(r.outcome),
    before: plainJson(r.before ?? null),
    after: plainJson(r.after ?? null),
    requestId: (r.request_id as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
  };
}
