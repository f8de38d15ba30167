// How listing states read in the console, and which seller actions each state offers. The actions
// come from the listing machine's own table (packages/domain), so a button never offers a command
// the API would refuse as an invalid transition.
import { listingMachine, type ListingState } from '@marketdesk/domain';

export const listingStateLabels: Record<ListingState, string> = {
  draft: 'Draft',
  pending_review: 'Pending review',
  active: 'Active',
  paused: 'Paused',
  sold_out: 'Sold out',
  archived: 'Archived',
  rejected: 'Rejected',
};

export const listingStateColors: Record<ListingState, string> = {
  draft: 'gray',
  pending_review: 'yellow',
  active: 'green',
  paused: 'blue',
  sold_out: 'orange',
  archived: 'dark',
  rejected: 'red',
};

/** The filter tabs of "My listings", in the order a seller scans them. */
export const listingStateTabs: { value: 'all' | ListingState; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending_review', label: 'Pending review' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'sold_out', label: 'Sold out' },
  { value: 'draft', label: 'Draft' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'archived', label: 'Archived' },
];

export function isListingState(value: string): value is ListingState {
  return Object.prototype.hasOwnProperty.call(listingStateLabels, value);
}

/** Commands a seller may send through `listings.command` (approve/reject are the reviewers'). */
export const sellerCommands = ['submit_for_review', 'revise', 'pause', 'resume', 'archive'] as const;
export type SellerCommand = (typeof sellerCommands)[number];

export const sellerCommandLabels: Record<SellerCommand, string> = {
  submit_for_review: 'Submit for review',
  revise: 'Revise',
  pause: 'Pause',
  resume: 'Resume',
  archive: 'Archive',
};

/** The seller commands the machine accepts in `state`, in a stable order (archive last). */
export function sellerActionsFor(state: ListingState): SellerCommand[] {
  const accepted = listingMachine.states[state].on ?? {};
  return sellerCommands.filter((command) => {
    const edge = accepted[command];
    return edge !== undefined && edge.allowedRoles.includes('seller');
  });
}

/** Archived listings are final; everything else can be edited (live ones go back to review). */
export function canEditListing(state: ListingState): boolean {
  return state !== 'archived';
}
