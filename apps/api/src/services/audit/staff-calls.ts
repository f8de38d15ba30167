// Every tRPC mutation a staff member makes becomes an audit row: the procedure, the object it names,
// the input (secrets redacted) and the outcome — refusals included, since an agent probing what they
// may not do is exactly what a reviewer wants to see. Written after the call in its own statement:
// a refused call has no transaction to join, and the change's own rows (events, ledger transfers)
// are already in the writer's transaction.
import type { Database } from '@marketdesk/db';
import { writeAudit, objectOfInput, redactForAudit } from './write-audit.js';

export async function recordStaffCall(db: Database, call: { path: string; input: unknown; outcome: string }, log: (err: unknown) => void): Promise<void> {
  try {
    // Account procedures carry credentials (passwords, one-time codes, tokens): the call is recorded, its input never.
    const input = call.path.startsWith('auth.') ? '[not recorded]' : redactForAudit(call.input);
    await writeAudit(db.orm.em.fork(), { action: `trpc.${call.path}`, ...objectOfInput(call.path, call.input), outcome: call.outcome, after: { input } });
  } catch (err) {
    // The change itself stands; a lost audit row is logged loudly rather than turned into a 500.
    log(err);
  }
}
