// Orders in the command pipeline: the row as the order machine's snapshot, and what a move writes —
// the state, the delivery and completion times, and the money (escrow released on completion,
// refunded on cancellation, or what the caller decided, e.g. a dispute's settlement) with the
// ledger lines it adds to the order's timeline. Every order state change runs through
// `runCommand(tx, orderAggregate, …)`.
import { orderMachine, refundFromEscrow, releaseEscrow, type EscrowHold, type OrderContext, type OrderState, type Transfer } from '@marketdesk/domain';
import { checkoutRepository, type OrderChanges, type OrderRecord } from '../../repositories/checkout-repository.js';
import { orderRooms } from '../checkout/checkout-events.js';
import { orderSnapshot } from '../checkout/order-snapshot.js';
import type { Aggregate } from '../machines/pipeline.js';
import { recordLedgerTimeline } from './ledger-timeline.js';
import { job } from '../../jobs/job-types.js';

export interface OrderSettings {
  autoCompleteAfterMs: number;
}

export interface OrderOptions extends OrderSettings {
  /** The money, when the caller decided it (payment capture, a dispute's settlement) instead of the default rules. */
  money?: { transfers: readonly Transfer[]; hold: EscrowHold | null } | undefined;
}

export const orderAggregate: Aggregate<OrderRecord, OrderState, OrderContext, OrderChanges, OrderOptions> = {
  noun: 'order',
  machine: () => orderMachine,
  find: (em, id, opts) => checkoutRepository.findOrder(em, id, opts),
  snapshot: (order, options) => orderSnapshot(order, { autoCompleteAfterMs: options.autoCompleteAfterMs }),
  write: (em, id, version, changes, now) => checkoutRepository.updateOrder(em, id, version, changes, now),
  plan(order, result, _command, options, now) {
    const changes: OrderChanges = { state: result.state };
    const transfers = options.money ? [...options.money.transfers] : moneyFor(order, result.state, changes, now);
    if (options.money) {
      changes.hold = options.money.hold;
      changes.refundedMinor = result.snapshot.context.refundedMinor;
    }
    if (result.state === 'delivered') changes.deliveredAt = now;
    if (result.state === 'completed') changes.completedAt = now;
    const jobs = result.timers.schedule.map((t) => job('orders.timer', { orderId: order.id, command: t.command, state: result.state }, { delayMs: t.fireAtMs - now.getTime() }));
    return { changes, transfers, jobs };
  },
  stream: (order) => `order:${order.id}`,
  rooms: orderRooms,
  // The money follows the state change in the order's story.
  follow: async (tx, step, transfers) => {
    if (transfers.length) await recordLedgerTimeline(tx, step.before, transfers, step.now);
  },
};

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
