// How queue item states read and look. A queue's rows carry their subject's machine state, so the
// words are the machine's labels (the domain's `stateLabel`); the fraud desk's holds are the one
// queue without a machine, named here. Colours are the console's; anything unnamed reads as its
// words ("needs_info" → "Needs info") in grey, so a new state never shows blank.
import {
  disputeMachine,
  kycMachine,
  listingMachine,
  payoutMachine,
  stateLabel,
  submissionMachine,
  type AnyMachine,
  type DisputeState,
  type KycState,
  type ListingState,
  type PayoutState,
  type QueueName,
  type SubmissionState,
} from '@marketdesk/domain';

export interface StateStyle {
  label: string;
  color: string;
}

/** The machine whose states each queue's rows carry. */
const queueMachines: Record<Exclude<QueueName, 'fraud'>, AnyMachine> = {
  submissions: submissionMachine,
  listings: listingMachine,
  kyc: kycMachine,
  disputes: disputeMachine,
  payouts: payoutMachine,
};

/** A risk hold on an order is the fraud queue's own state (no machine): held, then approved or rejected. */
const fraudLabels: Record<string, string> = { open: 'Held for review', approved: 'Approved', rejected: 'Rejected' };

/**
 * The states each queue's rows take, in the order people think about them (the status filter's
 * order), with their badge colours. Typed by each machine's states so a renamed state breaks here.
 */
const queueStateColors: { [Q in QueueName]: Record<string, string> } & {
  submissions: Partial<Record<SubmissionState, string>>;
  listings: Partial<Record<ListingState, string>>;
  kyc: Partial<Record<KycState, string>>;
  disputes: Partial<Record<DisputeState, string>>;
  payouts: Partial<Record<PayoutState, string>>;
} = {
  submissions: { submitted: 'blue', in_review: 'indigo', countered: 'grape', quoted: 'cyan', accepted: 'green', rejected: 'red', expired: 'gray', withdrawn: 'gray', received: 'teal', listed: 'teal' },
  listings: { pending_review: 'blue', active: 'green', rejected: 'red', draft: 'gray', archived: 'gray' },
  kyc: { submitted: 'blue', in_review: 'indigo', needs_info: 'cyan', approved: 'green', rejected: 'red' },
  disputes: { open: 'blue', awaiting_seller: 'cyan', awaiting_buyer: 'cyan', under_review: 'indigo', resolved_buyer: 'green', resolved_seller: 'gray', split: 'green', closed: 'gray' },
  fraud: { open: 'orange', approved: 'green', rejected: 'red' },
  payouts: { requested: 'blue', approved: 'green', rejected: 'red' },
};

function labelOf(queue: QueueName, state: string): string | undefined {
  if (queue === 'fraud') return fraudLabels[state];
  const machine = queueMachines[queue];
  return Object.hasOwn(machine.states, state) ? stateLabel(machine, state) : undefined;
}

export function stateStyle(queue: QueueName, state: string): StateStyle {
  const label = labelOf(queue, state);
  const color = (queueStateColors[queue] as Record<string, string | undefined>)[state] ?? 'gray';
  if (label) return { label, color };
  const words = state.replace(/_/g, ' ');
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color };
}

/** States a queue's status filter offers, in the order people think about them. */
export function filterableStates(queue: QueueName): { value: string; label: string }[] {
  return Object.keys(queueStateColors[queue]).map((value) => ({ value, label: stateStyle(queue, value).label }));
}
