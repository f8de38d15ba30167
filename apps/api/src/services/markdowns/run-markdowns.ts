// The markdown run (the `markdowns.run` job, daily, and the admins' "Run now"): every live listing
// under a pricing policy is lowered to its policy's price for its age in stock, at most once per
// markdown period (the period key is unique per listing in the price history), never raised and
// never below the floor (packages/domain pricing/markdown-plan.ts decides). Each listing is its own
// transaction with the row locked, so a run and a seller's edit or a checkout never interleave.
import { decideMarkdown, type PricingPolicy } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { pricingRepository, type PolicyVersionRecord } from '../../repositories/pricing-repository.js';
import { changePriceLocked } from './change-price.js';

export interface MarkdownRunResult {
  checked: number;
  lowered: number;
  /** Lowered by a concurrent run, or already lowered in this period. */
  alreadyDone: number;
}

export const markdownPeriodKey = (policyVersionId: string, period: number) => `markdown:${policyVersionId}:${period}`;

export async function runMarkdowns(em: EntityManager, now: Date, batchSize = 200): Promise<MarkdownRunResult> {
  const result: MarkdownRunResult = { checked: 0, lowered: 0, alreadyDone: 0 };
  const policies = new Map<string, PolicyVersionRecord | null>();
  const policyOf = async (id: string) => {
    if (!policies.has(id)) policies.set(id, await pricingRepository.version(em, id));
    return policies.get(id) ?? null;
  };
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await pricingRepository.markdownBatch(em, afterId, batchSize);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.listingId;
    for (const listing of batch) {
      result.checked += 1;
      const version = await policyOf(listing.policyVersionId);
      if (!version || !decideMarkdown(subjectOf(listing), version.policy, now.getTime()).change) continue;
      const outcome = await lowerOne(em, listing.listingId, version, now);
      if (outcome === 'lowered') result.lowered += 1;
      else if (outcome === 'already') result.alreadyDone += 1;
    }
    if (batch.length < batchSize) break;
  }
  return result;
}

const subjectOf = (l: { listPriceMinor: number; currentPriceMinor: number; costMinor: number; stockedAt: Date }) => ({ listPriceMinor: l.listPriceMinor, currentPriceMinor: l.currentPriceMinor, costMinor: l.costMinor, stockedAtMs: l.stockedAt.getTime() });

/** Re-decides on the locked row (the price may have moved since the batch was read). */
async function lowerOne(em: EntityManager, listingId: string, version: { id: string; version: number; policy: PricingPolicy }, now: Date): Promise<'lowered' | 'already' | 'skipped'> {
  return em.fork().transactional(async (tx) => {
    const listing = await pricingRepository.candidate(tx, listingId, { forUpdate: true });
    if (!listing || listing.state !== 'active' || listing.policyVersionId !== version.id) return 'skipped';
    const decision = decideMarkdown(subjectOf(listing), version.policy, now.getTime());
    if (!decision.change) return 'already';
    const changed = await changePriceLocked(
      tx,
      { listing: { id: listing.listingId, sellerId: listing.sellerId, currency: listing.currency }, fromMinor: decision.fromMinor, toMinor: decision.toMinor, reason: 'markdown', policy: { versionId: version.id, version: version.version }, periodKey: markdownPeriodKey(version.id, decision.period), actorId: null },
      now,
    );
    return changed ? 'lowered' : 'already';
  });
}
