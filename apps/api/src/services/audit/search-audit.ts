// Reading the audit log: filtered, newest first, keyset-paged by (at, id) so a page never shifts
// when rows are added meanwhile; and the same query streamed as CSV for export.
import { Readable } from 'node:stream';
import { hasGrant, type Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { auditRepository, type AuditFilter, type AuditRow } from '../../repositories/audit-repository.js';
import { csvCell } from '../csv-cell.js';
import { namePeople, type PersonLabel } from '../pii/name-people.js';

export interface AuditPage {
  /** Each row with its actor named (null for the system, or a person no longer on record). */
  rows: (AuditRow & { actor: PersonLabel | null })[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export function throwIfCannotViewAudit(actor: Actor): void {
  if (!hasGrant(actor, 'audit.view')) throw new AppError('FORBIDDEN', 'The audit log is for admins with the audit.view permission.');
}

export function encodeCursor(row: Pick<AuditRow, 'at' | 'id'>): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^\d{1,18}$/.test(id) || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) throw new AppError('BAD_REQUEST', 'That page cursor is not valid; start from the first page.');
  return { at: date, id };
}

export async function searchAudit(em: EntityManager, actor: Actor, filter: Omit<AuditFilter, 'before'>, cursor: string | undefined, limit: number): Promise<AuditPage> {
  throwIfCannotViewAudit(actor);
  const rows = await auditRepository.search(em, { ...filter, ...(cursor ? { before: decodeCursor(cursor) } : {}) }, limit + 1);
  const page = rows.slice(0, limit);
  const names = await namePeople(em, actor, page.flatMap((r) => (r.actorId ? [r.actorId] : [])));
  return { rows: page.map((r) => ({ ...r, actor: r.actorId ? (names.get(r.actorId) ?? null) : null })), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}

const header = ['id', 'at', 'actor_id', 'actor_roles', 'action', 'object_type', 'object_id', 'outcome', 'before', 'after', 'request_id', 'ip', 'user_agent'];

/** The whole filtered log as CSV, read 500 rows at a time so memory stays flat however long it is. */
export function auditCsvStream(em: EntityManager, actor: Actor, filter: Omit<AuditFilter, 'before'>): Readable {
  throwIfCannotViewAudit(actor);
  let before: AuditFilter['before'];
  let done = false;
  let first = true;
  return new Readable({
    async read() {
      try {
        if (first) {
          first = false;
          this.push(`${header.join(',')}\r\n`);
        }
        if (done) return void this.push(null);
        const rows = await auditRepository.search(em, { ...filter, ...(before ? { before } : {}) }, 500);
        if (rows.length < 500) done = true;
        if (rows.length) before = { at: rows[rows.length - 1]!.at, id: rows[rows.length - 1]!.id };
        const lines = rows.map((r) =>
          [r.id, r.at.toISOString(), r.actorId ?? 'system', r.actorRoles.join(' '), r.action, r.objectType ?? '', r.objectId ?? '', r.outcome, r.before ? JSON.stringify(r.before) : '', r.after ? JSON.stringify(r.after) : '', r.requestId ?? '', r.ip ?? '', r.userAgent ?? '']
            .map(csvCell)
            .join(','),
        );
        this.push(lines.length ? `${lines.join('\r\n')}\r\n` : '');
        if (done) this.push(null);
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}
