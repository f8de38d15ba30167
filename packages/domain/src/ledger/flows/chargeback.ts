// A chargeback: the card network pulls the money back from the provider, plus a fee. If the order
// is still in escrow the money comes out of escrow; once released it is clawed back from the
// seller (shortfall to platform:losses). The provider's fee is always the platform's loss.
import { assertNonNegativeSafeInteger } from '../../invariants/assert.js';
import type { PostedTransfer, Transfer } from '../types.js';
import { takeBack } from './clawback.js';
import { type EscrowFlow, type EscrowHold, type OrderSplit, reverseFromEscrow } from './escrow.js';
import { credit, debit } from './postings.js';

export type ChargebackStage = { kind: 'held'; hold: EscrowHold } | { kind: 'settled'; split: OrderSplit; sellerAvailableMinor?: number };

export interface Chargeback {
  chargebackId: string;
  amountMinor: number;
  providerFeeMinor: number;
  stage: ChargebackStage;
}

export function chargeback(c: Chargeback): EscrowFlow {
  assertNonNegativeSafeInteger(c.providerFeeMinor, 'providerFeeMinor');
  const idPrefix = `chargeback:${c.chargebackId}`;
  const main: EscrowFlow =
    c.stage.kind === 'held'
      ? reverseFromEscrow(c.stage.hold, { idPrefix, code: 'chargeback', amountMinor: c.amountMinor, to: { kind: 'card' } })
      : {
          transfers: [
            takeBack(c.stage.split, { id: idPrefix, code: 'chargeback', amountMinor: c.amountMinor, to: { kind: 'card' }, sellerAvailableMinor: c.stage.sellerAvailableMinor }),
          ],
          hold: null,
        };
  if (c.providerFeeMinor === 0) return main;
  const split = c.stage.kind === 'held' ? c.stage.hold : c.stage.split;
  const fee: PostedTransfer = {
    kind: 'posted',
    id: `${idPrefix}:fee`,
    code: 'chargeback_fee',
    postings: [debit('platform:losses', c.providerFeeMinor, split.currency), credit('platform:stripe_clearing', c.providerFeeMinor, split.currency)],
    meta: { orderId: split.orderId },
  };
  const transfers: Transfer[] = [...main.transfers, fee];
  return { transfers, hold: main.hold };
}
