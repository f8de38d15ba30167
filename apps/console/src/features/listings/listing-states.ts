// How listing states look in the console: a colour per state and the filter tabs of "My listings".
// The states, their labels and which of them are final are the listing machine's (packages/domain);
// what a seller may do to a listing comes with it from the API (`actions`).
import { listingMachine, stateLabel, type ListingState } from '@marketdesk/domain';

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
  ...(['pending_review', 'active', 'paused', 'sold_out', 'draft', 'rejected', 'archived'] as const).map((value) => ({ value, label: stateLabel(listingMachine, value) })),
];

export function isListingState(value: string): value is ListingState {
  return (listingMachine.stateNames as readonly string[]).includes(value);
}

/** Final listings (the machine's terminal states: archived) cannot be edited; live ones go back to review. */
export function canEditListing(state: ListingState): boolean {
  return listingMachine.states[state].terminal !== true;
}
