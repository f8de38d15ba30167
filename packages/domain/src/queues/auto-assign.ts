// Auto-assignment for a queue: oldest items first, dealt round-robin to the people on shift, never
// giving anyone more than their capacity (counting what they already hold). Pure and deterministic:
// the same inputs always give the same plan, so a lead can preview it before running it.
export interface AssignableItem {
  id: string;
  createdAtMs: number;
}

export interface Assignee {
  userId: string;
  /** Items this person may hold at once. */
  capacity: number;
  /** Items they hold right now (live claims). */
  holding: number;
}

export interface Assignment {
  itemId: string;
  userId: string;
}

/**
 * `startAfter` continues the rotation where the previous run stopped (the last user assigned), so
 * repeated small runs do not always favour the first person in the list.
 */
export function planAutoAssignment(items: readonly AssignableItem[], people: readonly Assignee[], startAfter: string | null = null): Assignment[] {
  const order = [...people].sort((a, b) => a.userId.localeCompare(b.userId));
  const free = new Map(order.map((p) => [p.userId, Math.max(0, Math.floor(p.capacity) - Math.max(0, p.holding))]));
  const queue = [...items].sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
  const startIndex = startAfter ? order.findIndex((p) => p.userId === startAfter) + 1 : 0;
  let cursor = order.length ? startIndex % order.length : 0;
  const plan: Assignment[] = [];
  for (const item of queue) {
    let picked: string | null = null;
    for (let step = 0; step < order.length && !picked; step += 1) {
      const candidate = order[(cursor + step) % order.length]!;
      if ((free.get(candidate.userId) ?? 0) > 0) {
        picked = candidate.userId;
        cursor = (cursor + step + 1) % order.length;
      }
    }
    if (!picked) break; // everyone is full: the rest stay in the pool
    free.set(picked, free.get(picked)! - 1);
    plan.push({ itemId: item.id, userId: picked });
  }
  return plan;
}
