// Every machine, by id, for the console's diagram page, the README and table-driven tests.
import { disputeMachine } from './definitions/dispute.js';
import { kycMachine } from './definitions/kyc.js';
import { listingMachine } from './definitions/listing.js';
import { orderMachine } from './definitions/order.js';
import { payoutMachine } from './definitions/payout.js';
import { submissionMachine } from './definitions/submission.js';
import type { AnyMachine } from './types.js';

export const allMachines: readonly AnyMachine[] = [orderMachine, submissionMachine, listingMachine, kycMachine, disputeMachine, payoutMachine];

export function machineById(id: string): AnyMachine | undefined {
  return allMachines.find((m) => m.id === id);
}
