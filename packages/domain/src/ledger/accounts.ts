// The chart of accounts: every account code the ledger knows, its type and its balance rule.
//
// Codes read `owner:name` for the platform and `owner:id:name` for sellers and buyers
// (`platform:escrow`, `seller:42:available`). The type fixes the normal side: assets and expenses
// grow with debits, liabilities and revenue with credits. Money the platform owes someone (escrow,
// a seller's balance, a buyer's store credit) is a liability and may never go below zero.

export type AccountType = 'asset' | 'liability' | 'revenue' | 'expense';
export type Side = 'debit' | 'credit';
/** `non_negative`: the balance on the normal side, after subtracting holds, must stay ≥ 0. */
export type BalanceRule = 'non_negative' | 'none';

export type AccountOwner = { kind: 'platform' } | { kind: 'seller'; id: string } | { kind: 'buyer'; id: string };

export interface AccountSpec {
  type: AccountType;
  rule: BalanceRule;
  /** Why the account exists, for the console and the README. */
  purpose: string;
}

export const platformAccounts = {
  stripe_clearing: { type: 'asset', rule: 'none', purpose: 'Funds held by the payment provider, not yet paid out to our bank' },
  cash: { type: 'asset', rule: 'none', purpose: 'Money in the platform bank account' },
  escrow: { type: 'liability', rule: 'non_negative', purpose: 'Buyer payments held until the order settles' },
  fees: { type: 'revenue', rule: 'none', purpose: 'Platform commission earned on orders' },
  losses: { type: 'expense', rule: 'none', purpose: 'Chargebacks and shortfalls the platform absorbs' },
  inventory: { type: 'asset', rule: 'none', purpose: 'Records the house shop bought from sellers, at what it paid for them' },
} as const satisfies Record<string, AccountSpec>;

export const sellerAccounts = {
  available: { type: 'liability', rule: 'non_negative', purpose: 'Earnings the seller may withdraw; holds on it show as pending' },
  in_transit: { type: 'liability', rule: 'non_negative', purpose: 'Approved payouts on their way to the seller bank' },
} as const satisfies Record<string, AccountSpec>;

export const buyerAccounts = {
  credit: { type: 'liability', rule: 'non_negative', purpose: 'Store credit the buyer may spend' },
} as const satisfies Record<string, AccountSpec>;

export type PlatformAccountName = keyof typeof platformAccounts;
export type SellerAccountName = keyof typeof sellerAccounts;
export type BuyerAccountName = keyof typeof buyerAccounts;

export type AccountCode =
  | `platform:${PlatformAccountName}`
  | `seller:${string}:${SellerAccountName}`
  | `buyer:${string}:${BuyerAccountName}`;

export function normalSideOf(type: AccountType): Side {
  return type === 'asset' || type === 'expense' ? 'debit' : 'credit';
}

export const platformAccount = (name: PlatformAccountName): AccountCode => `platform:${name}`;
export const sellerAccount = (sellerId: string, name: SellerAccountName): AccountCode => `seller:${sellerId}:${name}`;
export const buyerAccount = (buyerId: string, name: BuyerAccountName): AccountCode => `buyer:${buyerId}:${name}`;

export interface ParsedAccountCode {
  owner: AccountOwner;
  name: string;
  spec: AccountSpec;
}

const ownerId = /^[A-Za-z0-9_-]{1,64}$/;

/** Parse a code against the chart; null for anything the chart does not define. */
export function parseAccountCode(code: string): ParsedAccountCode | null {
  const parts = code.split(':');
  if (parts[0] === 'platform' && parts.length === 2) {
    const spec = lookup(platformAccounts, parts[1]);
    return spec ? { owner: { kind: 'platform' }, name: parts[1] as string, spec } : null;
  }
  if ((parts[0] === 'seller' || parts[0] === 'buyer') && parts.length === 3 && ownerId.test(parts[1] ?? '')) {
    const spec = lookup(parts[0] === 'seller' ? sellerAccounts : buyerAccounts, parts[2]);
    return spec ? { owner: { kind: parts[0], id: parts[1] as string }, name: parts[2] as string, spec } : null;
  }
  return null;
}

export function isAccountCode(code: string): code is AccountCode {
  return parseAccountCode(code) !== null;
}

function lookup(table: Record<string, AccountSpec>, name: string | undefined): AccountSpec | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Every account a seller needs, opened when the seller is onboarded. */
export function sellerAccountCodes(sellerId: string): AccountCode[] {
  return (Object.keys(sellerAccounts) as SellerAccountName[]).map((name) => sellerAccount(sellerId, name));
}

export function buyerAccountCodes(buyerId: string): AccountCode[] {
  return (Object.keys(buyerAccounts) as BuyerAccountName[]).map((name) => buyerAccount(buyerId, name));
}
