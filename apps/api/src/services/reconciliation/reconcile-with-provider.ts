// Compares the ledger with the payment provider's own records and lists every difference:
//   payments  — each provider payment that succeeded has its capture in the ledger for the same
//               amount, and no capture exists for a payment the provider did not take;
//   refunds   — per payment, the refunds the provider made equal the refunds the ledger paid out
//               (money back to platform:stripe_clearing for that payment's orders);
//   payouts   — each payout we sent has the provider's status and amount.
// The ledger must also balance. Results are stored per run (the console lists them).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import type { PaymentGateway, ProviderRecord } from '../../integrations/stripe/payment-gateway.js';
import { ledgerRepository } from '../../repositories/ledger-repository.js';
import { payoutRepository } from '../../repositories/payout-repository.js';
import { reconciliationRepository } from '../../repositories/reconciliation-repository.js';
import { reconcileLedger } from '../ledger/reconcile-ledger.js';

export interface Mismatch {
  kind: 'payment' | 'refund' | 'payout' | 'books';
  reference: string;
  ledgerMinor: number | null;
  providerMinor: number | null;
  message: string;
}

export interface ReconciliationResult {
  id: string;
  ranAt: Date;
  since: Date;
  checked: { payments: number; refunds: number; payouts: number };
  mismatches: Mismatch[];
}

async function collect(it: AsyncIterable<ProviderRecord>): Promise<ProviderRecord[]> {
  const out: ProviderRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

const payoutStatus: Record<string, string> = { processing: 'pending', paid: 'paid', failed: 'failed' };

export async function reconcileWithProvider(em: EntityManager, gateway: PaymentGateway, opts: { since: Date; triggeredBy: string | null; now: Date }): Promise<ReconciliationResult> {
  const mismatches: Mismatch[] = [];
  const [payments, refunds] = await Promise.all([collect(gateway.listRecords('payment', { since: opts.since })), collect(gateway.listRecords('refund', { since: opts.since }))]);

  // Payments: provider amount received vs the ledger's captures for that payment.
  const captured = await ledgerRepository.capturedByPayment(em, opts.since);
  for (const p of payments) {
    if (p.kind !== 'payment') continue;
    const ledger = captured.get(p.id) ?? 0;
    const provider = p.status === 'succeeded' ? p.amountMinor : 0;
    if (ledger !== provider) mismatches.push({ kind: 'payment', reference: p.id, ledgerMinor: ledger, providerMinor: provider, message: provider && !ledger ? 'The provider took this payment but the ledger has no capture for it.' : !provider ? `The ledger captured a payment the provider reports as ${p.status}.` : 'The captured amount differs from what the provider received.' });
    captured.delete(p.id);
  }
  for (const [payment, ledger] of captured) mismatches.push({ kind: 'payment', reference: payment, ledgerMinor: ledger, providerMinor: null, message: 'The ledger captured a payment the provider does not list.' });

  // Refunds: per payment, provider refunds vs ledger refunds paid back through the provider.
  const providerRefunds = new Map<string, number>();
  for (const r of refunds) if (r.kind === 'refund' && r.paymentId && r.status === 'succeeded') providerRefunds.set(r.paymentId, (providerRefunds.get(r.paymentId) ?? 0) + r.amountMinor);
  const ledgerRefunds = await ledgerRepository.refundedByPayment(em, opts.since);
  for (const payment of new Set([...providerRefunds.keys(), ...ledgerRefunds.keys()])) {
    const provider = providerRefunds.get(payment) ?? 0;
    const ledger = ledgerRefunds.get(payment) ?? 0;
    if (provider !== ledger) mismatches.push({ kind: 'refund', reference: payment, ledgerMinor: ledger, providerMinor: provider, message: provider > ledger ? 'The provider refunded more than the ledger recorded (a refund made outside Marketdesk?).' : 'The ledger recorded a refund the provider did not make.' });
  }

  // Payouts: each sent payout against the provider's record on the seller's connected account.
  const sent = await payoutRepository.sentToProviderSince(em, opts.since);
  const accounts = [...new Set(sent.map((r) => r.providerAccountId))];
  const providerPayouts = new Map<string, ProviderRecord>();
  for (const accountId of accounts) for (const r of await collect(gateway.listRecords('payout', { since: opts.since, accountId }))) providerPayouts.set(r.id, r);
  for (const r of sent) {
    const provider = providerPayouts.get(r.providerPayoutId);
    const expected = payoutStatus[r.state];
    if (!provider) mismatches.push({ kind: 'payout', reference: r.id, ledgerMinor: r.amountMinor, providerMinor: null, message: 'The provider does not list this payout.' });
    else if (provider.amountMinor !== r.amountMinor || (expected && provider.status !== expected && !(expected === 'pending' && provider.status === 'in_transit'))) {
      mismatches.push({ kind: 'payout', reference: r.id, ledgerMinor: r.amountMinor, providerMinor: provider.amountMinor, message: `Marketdesk says ${r.state}, the provider says ${provider.status}.` });
    }
  }

  const books = await reconcileLedger(em);
  for (const c of books.currencies) if (!c.balanced) mismatches.push({ kind: 'books', reference: c.currency, ledgerMinor: null, providerMinor: null, message: `Debits and credits differ in ${c.currency}.` });

  const result: ReconciliationResult = { id: randomUUID(), ranAt: opts.now, since: opts.since, checked: { payments: payments.length, refunds: refunds.length, payouts: sent.length }, mismatches };
  await reconciliationRepository.insertRun(em, { id: result.id, ranAt: result.ranAt, triggeredBy: opts.triggeredBy, mismatchCount: mismatches.length, result });
  return result;
}
