// The admin's view of the books: accounts with balances, and transfers filterable by order,
// seller and date, each linked to the order (and its timeline event) that caused it. Account codes
// carry owner ids (`seller:729ae917-…:available`); each account and posting also names its owner
// — the shop, or the buyer as the viewer may see them — so staff read names, not uuids.
import { balanceOf, parseAccountCode, type Actor } from '@marketdesk/domain';
import { ledgerRepository, type TransferFilter } from '../../repositories/ledger-repository.js';
import { reconciliationRepository } from '../../repositories/reconciliation-repository.js';
import type { EntityManager } from '@marketdesk/db';
import { namePeople } from '../pii/name-people.js';

/** Whose an account is: the platform, or a seller or buyer with their name (null when no one by that id is on record). */
export type AccountOwnerLabel = { kind: 'platform' } | { kind: 'seller' | 'buyer'; id: string; name: string | null; nameMasked: boolean };

/** Owner labels for account codes, one look-up for all of them. */
async function ownersOf(em: EntityManager, viewer: Actor, codes: readonly string[]): Promise<Map<string, AccountOwnerLabel>> {
  const parsed = new Map(codes.map((code) => [code, parseAccountCode(code)]));
  const ids = [...parsed.values()].flatMap((p) => (p && p.owner.kind !== 'platform' ? [p.owner.id] : []));
  const names = await namePeople(em, viewer, ids);
  const labels = new Map<string, AccountOwnerLabel>();
  for (const [code, p] of parsed) {
    if (!p) continue;
    if (p.owner.kind === 'platform') labels.set(code, { kind: 'platform' });
    else labels.set(code, { kind: p.owner.kind, id: p.owner.id, name: names.get(p.owner.id)?.name ?? null, nameMasked: names.get(p.owner.id)?.nameMasked ?? false });
  }
  return labels;
}

/** Accounts by code, or by the shop's name (a seller's accounts; buyers are not found by name). */
export async function listAccounts(em: EntityManager, viewer: Actor, f: { q?: string | undefined; limit: number }) {
  const accounts = await ledgerRepository.searchAccounts(em, f);
  const owners = await ownersOf(em, viewer, accounts.map((a) => a.code));
  return accounts.map((account) => {
    const b = balanceOf(account);
    return {
      code: account.code,
      owner: owners.get(account.code) ?? null,
      name: parseAccountCode(account.code)?.name ?? account.code,
      type: account.type,
      currency: account.currency,
      postedMinor: b.postedMinor,
      availableMinor: b.availableMinor,
      pendingInMinor: b.incomingMinor,
      pendingOutMinor: b.reservedMinor,
    };
  });
}

export async function listTransfers(em: EntityManager, viewer: Actor, f: TransferFilter) {
  const transfers = await ledgerRepository.listTransfers(em, f);
  const owners = await ownersOf(em, viewer, transfers.flatMap((t) => t.postings.map((p) => p.account)));
  return transfers.map((t) => ({
    id: t.id,
    kind: t.kind,
    code: t.code,
    status: t.status,
    pendingId: t.pendingId,
    appliedAt: t.appliedAt,
    orderId: t.meta.orderId ?? null,
    orderNumber: t.orderNumber,
    payoutId: t.meta.payoutId ?? null,
    postings: t.postings.map((p) => ({ ...p, owner: owners.get(p.account) ?? null, accountName: parseAccountCode(p.account)?.name ?? p.account })),
  }));
}

export async function reconciliationRuns(em: EntityManager, limit: number) {
  const runs = await reconciliationRepository.recentRuns(em, limit);
  return runs.map(({ result, ...run }) => ({ ...run, checked: result.checked, mismatches: result.mismatches }));
}
