// Admins move a filtered set of listings onto a pricing policy version. The dry run shows every
// listing's price now and under the policy (packages/domain previewPolicyChange) plus a token of
// exactly that result; applying recomputes the same preview on the locked rows and refuses with
// CONFLICT if it differs from the token (someone changed a price or the set meanwhile), so what
// is applied is what was previewed. Every changed price is recorded with the policy version.
import { createHash } from 'node:crypto';
import { previewPolicyChange, type PolicyChangeRow } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { pricingRepository, type PricingCandidate } from '../../repositories/pricing-repository.js';
import { changePriceLocked } from './change-price.js';
import { requirePolicyVersion } from './policies.js';

const DAY_MS = 86_400_000;
export const MAX_BULK_LISTINGS = 1_000;

export const bulkFilterSchema = z.object({
  states: z.array(z.enum(['active', 'paused', 'sold_out'])).min(1).default(['active']),
  categoryId: z.string().uuid().optional(),
  sellerId: z.string().uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  minPriceMinor: z.number().int().min(0).optional(),
  maxPriceMinor: z.number().int().min(0).optional(),
  minDaysInStock: z.number().int().min(0).max(3650).optional(),
});
export type BulkFilter = z.infer<typeof bulkFilterSchema>;

export interface BulkRow extends PolicyChangeRow {
  title: string;
  slug: string;
  sellerName: string;
  currency: string;
  currentPolicyVersionId: string | null;
}

function rowsFor(candidates: PricingCandidate[], policy: Parameters<typeof previewPolicyChange>[1], now: Date) {
  const preview = previewPolicyChange(
    candidates.map((c) => ({ listingId: c.listingId, listPriceMinor: c.listPriceMinor, currentPriceMinor: c.currentPriceMinor, costMinor: c.costMinor, stockedAtMs: c.stockedAt.getTime() })),
    policy,
    now.getTime(),
  );
  const rows: BulkRow[] = preview.rows.map((r, i) => {
    const c = candidates[i]!;
    return { ...r, title: c.title, slug: c.slug, sellerName: c.sellerName, currency: c.currency, currentPolicyVersionId: c.policyVersionId };
  });
  return { rows, summary: preview.summary };
}

/** The token names the policy version and every listing's from → to: equal tokens, equal changes. */
function tokenOf(policyVersionId: string, rows: BulkRow[]): string {
  const h = createHash('sha256').update(policyVersionId);
  for (const r of rows) h.update(`|${r.listingId}:${r.fromMinor}>${r.toMinor}:${r.currentPolicyVersionId ?? '-'}`);
  return h.digest('hex').slice(0, 32);
}

async function load(em: EntityManager, filter: BulkFilter, now: Date, forUpdate: boolean) {
  const candidates = await pricingRepository.candidates(
    em,
    { ...filter, stockedBefore: filter.minDaysInStock !== undefined ? new Date(now.getTime() - filter.minDaysInStock * DAY_MS) : undefined },
    MAX_BULK_LISTINGS + 1,
    { forUpdate },
  );
  if (candidates.length > MAX_BULK_LISTINGS) throw new AppError('BAD_REQUEST', `This filter matches more than ${MAX_BULK_LISTINGS} listings; narrow it (category, seller, price or age) and apply in parts.`);
  return candidates;
}

export async function previewBulkPolicy(em: EntityManager, input: { policyVersionId: string; filter: BulkFilter }, now: Date) {
  const version = await requirePolicyVersion(em, input.policyVersionId);
  const { rows, summary } = rowsFor(await load(em, input.filter, now, false), version.policy, now);
  return { policy: { id: version.id, key: version.key, name: version.name, version: version.version }, rows, summary, previewToken: tokenOf(version.id, rows) };
}

export async function applyBulkPolicy(em: EntityManager, actorId: string, input: { policyVersionId: string; filter: BulkFilter; previewToken: string }, now: Date) {
  return em.transactional(async (tx) => {
    const version = await requirePolicyVersion(tx, input.policyVersionId);
    const candidates = await load(tx, input.filter, now, true);
    const { rows, summary } = rowsFor(candidates, version.policy, now);
    if (tokenOf(version.id, rows) !== input.previewToken) {
      throw new AppError('CONFLICT', 'These listings changed since your preview (a price, the matching set or a policy). Preview again, then apply.', { reason: 'PREVIEW_STALE' });
    }
    for (const [i, row] of rows.entries()) {
      const c = candidates[i]!;
      await pricingRepository.assign(tx, { listingId: c.listingId, policyVersionId: version.id, listPriceMinor: c.listPriceMinor, costMinor: c.costMinor, stockedAt: c.stockedAt, assignedById: actorId, now });
      await changePriceLocked(tx, { listing: { id: c.listingId, sellerId: c.sellerId, currency: c.currency }, fromMinor: row.fromMinor, toMinor: row.toMinor, reason: 'policy', policy: { versionId: version.id, version: version.version }, periodKey: null, actorId }, now);
    }
    return { policy: { id: version.id, key: version.key, name: version.name, version: version.version }, rows, summary };
  });
}
