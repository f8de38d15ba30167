// How queue item states read and look. Each queue names its own states; anything unnamed reads as
// its words ("needs_info" → "Needs info") so a new state never shows blank.
import type { QueueName } from '@marketdesk/domain';

export interface StateStyle {
  label: string;
  color: string;
}

export const queueStateStyles: Partial<Record<QueueName, Record<string, StateStyle>>> = {
  submissions: {
    submitted: { label: 'New', color: 'blue' },
    in_review: { label: 'In review', color: 'indigo' },
    countered: { label: 'Seller countered', color: 'grape' },
    quoted: { label: 'Offer sent', color: 'cyan' },
    accepted: { label: 'Accepted', color: 'green' },
    rejected: { label: 'Rejected', color: 'red' },
    expired: { label: 'Offer expired', color: 'gray' },
    withdrawn: { label: 'Withdrawn', color: 'gray' },
    received: { label: 'Received', color: 'teal' },
    listed: { label: 'Listed', color: 'teal' },
  },
  listings: {
    pending_review: { label: 'Waiting for review', color: 'blue' },
    active: { label: 'Approved (live)', color: 'green' },
    rejected: { label: 'Rejected', color: 'red' },
    draft: { label: 'Back to draft', color: 'gray' },
    archived: { label: 'Archived', color: 'gray' },
  },
  kyc: {
    submitted: { label: 'New', color: 'blue' },
    in_review: { label: 'In review', color: 'indigo' },
    needs_info: { label: 'Waiting on seller', color: 'cyan' },
    approved: { label: 'Verified', color: 'green' },
    rejected: { label: 'Rejected', color: 'red' },
  },
  disputes: {
    open: { label: 'New', color: 'blue' },
    awaiting_seller: { label: 'Waiting on seller', color: 'cyan' },
    awaiting_buyer: { label: 'Waiting on buyer', color: 'cyan' },
    under_review: { label: 'In review', color: 'indigo' },
    resolved_buyer: { label: 'Refunded', color: 'green' },
    resolved_seller: { label: 'Seller kept it', color: 'gray' },
    split: { label: 'Split', color: 'green' },
    closed: { label: 'Closed', color: 'gray' },
  },
  fraud: {
    open: { label: 'Held for review', color: 'orange' },
    approved: { label: 'Approved', color: 'green' },
    rejected: { label: 'Rejected', color: 'red' },
  },
  payouts: {
    requested: { label: 'Requested', color: 'blue' },
    approved: { label: 'Approved', color: 'green' },
    rejected: { label: 'Rejected', color: 'red' },
  },
};

export function stateStyle(queue: QueueName, state: string): StateStyle {
  const named = queueStateStyles[queue]?.[state];
  if (named) return named;
  const words = state.replace(/_/g, ' ');
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: 'gray' };
}

/** States a queue's status filter offers, in the order people think about them. */
export function filterableStates(queue: QueueName): { value: string; label: string }[] {
  return Object.entries(queueStateStyles[queue] ?? {}).map(([value, s]) => ({ value, label: s.label }));
}
