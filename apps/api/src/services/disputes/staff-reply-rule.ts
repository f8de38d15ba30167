// Chat's staff-reply rule for disputes: on an order whose live dispute someone has claimed, only
// that person writes to the parties as Support, until a lead hands it over (a reassignment every
// agent sees live in the queue). Plugged into chat at start-up (setStaffReplyCheck).
import { activeClaimant } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';
import type { StaffReplyCheck } from '../chat/index.js';

export const disputeStaffReplyRule: StaffReplyCheck = async (tx: EntityManager, { orderId, actor }) => {
  if (!orderId) return { ok: true };
  const [row] = await sql(
    tx,
    `select q.claimed_by, q.claim_expires_at, u.display_name as holder_name from disputes d
       join queue_items q on q.queue = 'disputes' and q.subject_id = d.id
       left join users u on u.id = q.claimed_by
      where d.order_id = ? and d.state in ('open', 'awaiting_seller', 'awaiting_buyer', 'under_review')`,
    [orderId],
  );
  if (!row) return { ok: true };
  const holder = activeClaimant({ claimedBy: (row.claimed_by as string | null) ?? null, claimExpiresAtMs: row.claim_expires_at ? new Date(row.claim_expires_at as string).getTime() : null }, Date.now());
  if (!holder || holder === actor.id) return { ok: true };
  return { ok: false, message: `${(row.holder_name as string | null) ?? 'A colleague'} is handling this dispute; ask a lead to hand it over to reply.`, details: { assigneeId: holder } };
};
