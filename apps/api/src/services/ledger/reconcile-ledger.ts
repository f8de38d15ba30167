// Proves the books balance: per currency, all debits equal all credits, posted and pending alike.
// (Matching against the payment provider's records arrives with the Stripe integration.)
import type { EntityManager } from '@marketdesk/db';
import { ledgerRepository } from '../../repositories/ledger-repository.js';

export async function reconcileLedger(em: EntityManager) {
  const totals = await ledgerRepository.totals(em);
  const currencies = totals.map((t) => ({
    ...t,
    balanced: t.debitsPosted === t.creditsPosted && t.debitsPending === t.creditsPending,
  }));
  return { balanced: currencies.every((c) => c.balanced), currencies };
}
