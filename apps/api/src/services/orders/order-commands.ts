// Every order state change after payment goes through here: the order machine decides, and in the
// same transaction the money moves (release on completion, refund on cancellation), the row is
// saved against the version the caller saw, the events go to the outbox for the order's timeline
// and rooms, and the machine's timers become delayed jobs.
import {
  orderMachine,
  refundFromEscrow,
  releaseEscrow,
  type EscrowHold,
  type MachineActor,
  type Transfer,
} from '@marketdesk/domain';
import type { EntityManager, OutboxJob } from '@marketdesk/db';
import { checkoutRepository, type OrderChanges, type OrderRecord } from '../../repositories/checkout-repository.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { runCommand } from '../machines/run-command.js';
import { recordOrderEvent } from '../checkout/checkout-events.js';
import { orderSnapshot } from '../checkout/order-snapshot.js';
import { recordLedgerTimeline } from './ledger-timeline.js';
import { staleOrder } from './stale-version.js';

export interface OrderSettings {
  autoCompleteAfterMs: number;
}

export async function applyOrderCommand(
  tx: EntityManager,
  actor: MachineActor,
  order: OrderRecord,
  command: { type: string; payload?: unknown },
  now: Date,
  settings: OrderSettings,
  extra: OrderChanges = {},
  /** The money, when the caller decided it (a dispute's settlement) instead of the default rules. */
  money?: { transfers: readonly Transfer[]; hold: EscrowHold | null },
): Promise<OrderRecord> {
  const result = runCommand(orderMachine, orderSnapshot(order, { autoCompleteAfterMs: settings.autoCompleteAfterMs }), command, actor, now);
  const changes: OrderChanges = { ...extra, state: result.state };
  const transfers = money ? [...money.transfers] : moneyFor(order, result.state, changes, now);
  if (money) {
    changes.hold = money.hold;
    changes.refundedMinor = result.snapshot.context.refundedMinor;
  }
  if (result.state === 'delivered') changes.deliveredAt = now;
  if (result.state === 'completed') changes.completedAt = now;
  // A lost race throws before anything is posted or published: the transaction rolls back whole.
  if (!(await checkoutRepository.updateOrder(tx, order.id, order.version, changes, now))) throw staleOrder((await checkoutRepository.findOrder(tx, order.id)) ?? undefined);
  if (transfers.length) await postTransfers(tx, transfers, now);
  const actorId = actor.id === 'system' ? null : actor.id;
  const jobs: OutboxJob[] = result.timers.schedule.map((t) => ({
    name: 'orders.timer',
    data: { orderId: order.id, command: t.command, state: result.state },
    delayMs: Math.max(0, t.fireAtMs - now.getTime()),
  }));
  for (const [i, event] of result.events.entries()) {
    await recordOrderEvent(tx, order, event, actorId, now, i === 0 ? jobs : []);
  }
  // The money follows the state change in the order's story.
  if (transfers.length) await recordLedgerTimeline(tx, order, transfers, now);
  return (await checkoutRepository.findOrder(tx, order.id))!;
}

/** The ledger side of a transition, and the hold it leaves on the order. */
function moneyFor(order: OrderRecord, to: string, changes: OrderChanges, now: Date): Transfer[] {
  const hold: EscrowHold | null = order.hold;
  if (!hold) return [];
  if (to === 'completed') {
    const flow = releaseEscrow(hold);
    changes.hold = flow.hold;
    return [...flow.transfers];
  }
  if (to === 'cancelled' || to === 'refunded') {
    const remaining = hold.netMinor + hold.feeMinor;
    const flow = refundFromEscrow(hold, { refundId: `order-${order.id}-${to}-${now.getTime()}`, refundMinor: remaining, to: { kind: 'card' } });
    changes.hold = flow.hold;
    changes.refundedMinor = order.refundedMinor + remaining;
    return [...flow.transfers];
  }
  return [];
}
