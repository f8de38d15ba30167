// Ledger accounts as people read them: whose account (the shop, the buyer, or the platform) and
// which of its accounts, instead of `seller:729ae917-…:available`. The API names the owner (masked
// as the viewer may see them); this only words it.
import type { RouterOutputs } from '../../trpc';

export type AccountOwner = RouterOutputs['ledger']['accounts'][number]['owner'];

/** `stripe_clearing` → "Stripe clearing", `in_transit` → "In transit". */
export function accountNameLabel(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Groove Records", "Buyer B. B.", "Platform"; an owner no longer on record keeps a short id. */
export function accountOwnerLabel(owner: AccountOwner): string {
  if (!owner) return 'Unknown account';
  if (owner.kind === 'platform') return 'Platform';
  const name = owner.name ?? `${owner.kind} ${owner.id.slice(0, 8)}…`;
  return owner.kind === 'buyer' ? `Buyer ${name}` : name;
}

/** One line for a posting or an account: "Groove Records · Available". */
export function accountLabel(owner: AccountOwner, name: string): string {
  return `${accountOwnerLabel(owner)} · ${accountNameLabel(name)}`;
}
