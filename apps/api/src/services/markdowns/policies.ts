// Pricing policies admins manage: versioned (editing adds a version; the old one stays for the
// price changes that cite it). The store's default policy (packages/domain) is version 1 of
// `default`, created on first use.
import { defaultPricingPolicy, pricingPolicyProblems, type PricingPolicy } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { pricingRepository, type PolicyVersionRecord } from '../../repositories/pricing-repository.js';

export const DEFAULT_POLICY_KEY = 'default';

export const policyInputSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{2,60}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(2).max(120),
  markdown: z.array(z.object({ afterDays: z.number().int().min(1).max(3650), discountBp: z.number().int().min(0).max(9_000) })).min(1).max(12),
  sellFloorMinor: z.number().int().min(0).max(10_000_000),
  sellEnding: z.enum(['charm', 'whole']),
});
export type PolicyInput = z.infer<typeof policyInputSchema>;

export async function ensureDefaultPolicy(em: EntityManager, now: Date): Promise<PolicyVersionRecord> {
  const found = await pricingRepository.latest(em, DEFAULT_POLICY_KEY);
  if (found) return found;
  await pricingRepository.insertVersionOnce(em, { key: DEFAULT_POLICY_KEY, version: 1, name: 'Store default', policy: defaultPricingPolicy, now });
  return (await pricingRepository.latest(em, DEFAULT_POLICY_KEY))!;
}

export async function listPolicies(em: EntityManager, now: Date) {
  await ensureDefaultPolicy(em, now);
  return pricingRepository.versions(em);
}

/** A new version of a policy: the default's other settings, the admin's markdown schedule and floor. */
export async function savePolicyVersion(em: EntityManager, actorId: string, input: PolicyInput, now: Date) {
  await ensureDefaultPolicy(em, now);
  const base = (await pricingRepository.latest(em, input.key))?.policy ?? defaultPricingPolicy;
  const policy: PricingPolicy = { ...base, markdown: [...input.markdown].sort((a, b) => a.afterDays - b.afterDays), sellFloorMinor: input.sellFloorMinor, sellEnding: input.sellEnding };
  const problems = pricingPolicyProblems(policy);
  if (problems.length) throw new AppError('BAD_REQUEST', `This policy does not add up: ${problems.join('; ')}.`, { problems });
  return pricingRepository.addVersion(em, { key: input.key, name: input.name, policy, createdById: actorId, now });
}

export async function requirePolicyVersion(em: EntityManager, id: string): Promise<PolicyVersionRecord> {
  const version = await pricingRepository.version(em, id);
  if (!version) throw new AppError('NOT_FOUND', 'That pricing policy version does not exist.');
  return version;
}
