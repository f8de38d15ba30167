// Whether this person may decide on a row right now: someone else's claim blocks everyone; a free
// row needs a claim first, except for leads (admins), who may decide free items directly.
import { holderOf, type QueueRow } from './queue-rows';

/** Why this person cannot decide on the row right now, or null. */
export function decisionBlocker(row: QueueRow, meId: string | undefined, isLead: boolean, nowMs: number): string | null {
  const holder = holderOf(row, nowMs);
  if (holder && holder.id !== meId) return `${holder.name} has it.`;
  if (!holder && !isLead) return 'Claim it to decide.';
  return null;
}
