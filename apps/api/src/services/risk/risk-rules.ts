// The fraud rules in force (newest version wins; the defaults until an admin edits them) and the
// staff flags on people that raise their checkouts' risk.
import { defaultRiskRules, riskRulesSchema, teamRoom, type RiskRules } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { sql } from '../../repositories/sql.js';
import { recordEvent } from '../outbox/record-event.js';

export async function currentRiskRules(em: EntityManager): Promise<RiskRules & { version: number }> {
  const [row] = await sql(em, `select id, rules from risk_rule_versions order by id desc limit 1`);
  if (!row) return { ...defaultRiskRules, version: 0 };
  // Rules saved before a signal existed take that signal's default.
  const parsed = riskRulesSchema.safeParse({ ...defaultRiskRules, ...(typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules) });
  return { ...(parsed.success ? parsed.data : defaultRiskRules), version: Number(row.id) };
}

/** A new version of the rules, on the version the editor saw (a concurrent edit is a CONFLICT). */
export async function saveRiskRules(em: EntityManager, actor: { id: string }, input: { version: number; rules: RiskRules }, now: Date) {
  return em.transactional(async (tx) => {
    await sql(tx, `lock table risk_rule_versions in exclusive mode`);
    const current = await currentRiskRules(tx);
    if (current.version !== input.version) throw new AppError('CONFLICT', 'Someone changed the rules since you opened them; reload to see their version.', { reason: 'STALE_VERSION', current });
    const [row] = await sql(tx, `insert into risk_rule_versions (rules, created_by, created_at) values (?, ?, ?) returning id`, [JSON.stringify(input.rules), actor.id, now]);
    await recordEvent(tx, { stream: 'risk-rules', name: 'risk.rules_changed', payload: { version: Number(row!.id), actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return currentRiskRules(tx);
  });
}

export async function activeFlags(em: EntityManager, userId: string) {
  const rows = await sql(em, `select f.id, f.note, f.created_at, u.display_name as by_name from user_flags f join users u on u.id = f.created_by where f.user_id = ? and f.cleared_at is null order by f.created_at desc`, [userId]);
  return rows.map((r) => ({ id: r.id as string, note: r.note as string, at: new Date(r.created_at as string), by: r.by_name as string }));
}

export async function flagUser(em: EntityManager, actor: { id: string }, input: { userId: string; note: string }, now: Date) {
  return em.transactional(async (tx) => {
    const [user] = await sql(tx, `select id from users where id = ?`, [input.userId]);
    if (!user) throw new AppError('NOT_FOUND', 'This person does not exist.');
    await sql(tx, `insert into user_flags (id, user_id, note, created_by, created_at) values (gen_random_uuid(), ?, ?, ?, ?)`, [input.userId, input.note, actor.id, now]);
    await recordEvent(tx, { stream: `user-flags:${input.userId}`, name: 'risk.user_flagged', payload: { userId: input.userId, actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return activeFlags(tx, input.userId);
  });
}

export async function clearFlag(em: EntityManager, actor: { id: string }, input: { flagId: string }, now: Date) {
  return em.transactional(async (tx) => {
    const rows = await sql(tx, `update user_flags set cleared_by = ?, cleared_at = ? where id = ? and cleared_at is null returning user_id`, [actor.id, now, input.flagId]);
    if (!rows[0]) throw new AppError('NOT_FOUND', 'This flag does not exist or was already cleared.');
    const userId = rows[0].user_id as string;
    await recordEvent(tx, { stream: `user-flags:${userId}`, name: 'risk.user_unflagged', payload: { userId, actorId: actor.id }, rooms: [teamRoom], actorId: actor.id, now });
    return activeFlags(tx, userId);
  });
}
