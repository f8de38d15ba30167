// Appends one audit row, inside the caller's transaction when it has one (so the record commits or
// rolls back with the change it describes). The actor, request id, IP and user agent come from the
// audit context unless the caller names the actor itself.
import type { EntityManager } from '@marketdesk/db';
import { auditRepository } from '../../repositories/audit-repository.js';
import { currentAuditContext } from './audit-context.js';

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: string;
  before?: unknown;
  after?: unknown;
  /** Overrides the context's actor (e.g. the actor id an event names); null for the system. */
  actorId?: string | null;
}

export async function writeAudit(em: EntityManager, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const ctx = currentAuditContext();
  const actorId = entry.actorId === undefined ? (ctx.actor?.id ?? null) : entry.actorId;
  // Roles are only known for the person behind the request; an event naming someone else gets none.
  const actorRoles = actorId && ctx.actor?.id === actorId ? ctx.actor.roles : [];
  await auditRepository.insert(em, {
    at: now,
    actorId,
    actorRoles,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome ?? 'ok',
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
}

/** Keys whose values never belong in the log (passwords, tokens, card data). */
const secretKey = /pass(word)?|token|secret|cvc|cardnumber|otp|recovery/i;

/** A call's input as recorded: secrets dropped, long strings and big arrays cut, depth bounded. */
export function redactForAudit(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > 500 ? `${value.slice(0, 500)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactForAudit(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, 50)) out[safeKey(k)] = secretKey.test(k) ? '[redacted]' : redactForAudit(v, depth + 1);
    return out;
  }
  return null;
}

/**
 * Keys that would poison a prototype (or make superjson refuse the whole answer when the row is
 * read back — the fuzz test found that) are kept, bracketed, as data.
 */
export function safeKey(key: string): string {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? `[${key}]` : key;
}

/** The object a call is about, guessed from its input's id fields (`id`, `orderId`, …). */
export function objectOfInput(path: string, input: unknown): { objectType: string | null; objectId: string | null } {
  const feature = path.split('.')[0] ?? null;
  if (!input || typeof input !== 'object') return { objectType: feature, objectId: null };
  const record = input as Record<string, unknown>;
  if (typeof record.id === 'string' || typeof record.id === 'number') return { objectType: feature, objectId: String(record.id) };
  for (const [k, v] of Object.entries(record)) {
    if (k.endsWith('Id') && (typeof v === 'string' || typeof v === 'number')) return { objectType: k.slice(0, -2), objectId: String(v) };
  }
  return { objectType: feature, objectId: null };
}
