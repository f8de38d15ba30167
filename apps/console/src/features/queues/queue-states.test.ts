// Queue badges and the status filter name states by the subject machine's labels — the words staff
// read on every other screen — and the fraud desk's holds by their own; an unknown state still reads.
import { disputeMachine, kycMachine, listingMachine, stateLabel, submissionMachine } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { filterableStates, stateStyle } from './queue-states';

describe('stateStyle', () => {
  it("reads each queue's states by its subject machine", () => {
    expect(stateStyle('submissions', 'quoted').label).toBe(stateLabel(submissionMachine, 'quoted'));
    expect(stateStyle('listings', 'active').label).toBe(stateLabel(listingMachine, 'active'));
    expect(stateStyle('kyc', 'needs_info').label).toBe(stateLabel(kycMachine, 'needs_info'));
    expect(stateStyle('disputes', 'awaiting_seller')).toEqual({ label: stateLabel(disputeMachine, 'awaiting_seller'), color: 'cyan' });
  });

  it('names fraud holds, which have no machine, and reads unknown states as words', () => {
    expect(stateStyle('fraud', 'open')).toEqual({ label: 'Held for review', color: 'orange' });
    expect(stateStyle('kyc', 'on_hold')).toEqual({ label: 'On hold', color: 'gray' });
  });
});

describe('filterableStates', () => {
  it("offers the states a queue's rows take, labelled by the machine", () => {
    expect(filterableStates('kyc')).toEqual(['submitted', 'in_review', 'needs_info', 'approved', 'rejected'].map((value) => ({ value, label: stateLabel(kycMachine, value) })));
  });
});
