// Property family for the ledger: 10 000 random sequences of posted transfers, holds, full and
// partial posts, voids, expiry sweeps and replays. After every step the books balance in every
// currency, no constrained account is overdrawn, the pending columns equal the open holds, a
// refused transfer changes nothing, and replaying an id with the same content changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoLedger } from '../testing/ledger-fixtures.js';
import type { AccountCode } from './accounts.js';
import { applyTransfer } from './apply-transfer.js';
import { sumOfBalances } from './balances.js';
import { availableOnNormalSide } from './deltas.js';
import { expirePending } from './expire.js';
import { credit, debit } from './flows/postings.js';
import type { LedgerState, PendingTransfer, Posting, Transfer } from './types.js';

const eurAccounts: AccountCode[] = [
  'platform:stripe_clearing', 'platform:escrow', 'platform:fees', 'platform:losses',
  'seller:1:available', 'seller:1:in_transit', 'seller:2:available', 'buyer:7:credit',
];
const usdAccounts: AccountCode[] = ['seller:9:available', 'seller:9:in_transit'];
const allAccounts = [...eurAccounts, ...usdAccounts];

// Sources are biased towards the unconstrained platform accounts so most transfers can succeed;
// one leg in ten uses the wrong currency to exercise CURRENCY_MISMATCH.
const leg = fc.record({
  from: fc.oneof({ weight: 3, arbitrary: fc.nat(3) }, { weight: 2, arbitrary: fc.nat(allAccounts.length - 1) }),
  to: fc.nat(allAccounts.length - 1),
  amountMinor: fc.integer({ min: 1, max: 5_000 }),
  wrongCurrency: fc.nat(9).map((n) => n === 0),
});
const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('new' as const), pending: fc.boolean(), legs: fc.array(leg, { minLength: 1, maxLength: 3 }), skew: fc.nat(9).map((n) => (n === 0 ? 1 : 0)), expiresInMs: fc.option(fc.integer({ min: 1, max: 10_000 })) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('post' as const), pick: fc.nat(), partialBp: fc.option(fc.integer({ min: 0, max: 12_000 })) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const), advanceMs: fc.integer({ min: 0, max: 5_000 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replay' as const), pick: fc.nat(), mutate: fc.boolean() }) },
);

type Leg = { from: number; to: number; amountMinor: number; wrongCurrency: boolean };
type Step = { transfer: Transfer } | { sweepAtMs: number };

function postingsOf(legs: readonly Leg[], skew: number): Posting[] {
  const postings = legs.flatMap((l) => {
    const from = allAccounts[l.from]!;
    const isUsd = usdAccounts.includes(from) !== l.wrongCurrency;
    // Keep both legs in one currency's accounts unless the leg is meant to be wrong.
    const to = l.wrongCurrency ? allAccounts[l.to]! : (isUsd ? usdAccounts : eurAccounts)[l.to % (isUsd ? usdAccounts : eurAccounts).length]!;
    const currency = isUsd ? 'USD' : 'EUR';
    return [debit(from, l.amountMinor, currency), credit(to, l.amountMinor, currency)];
  });
  if (skew !== 0 && postings[0]) postings[0] = { ...postings[0], amountMinor: postings[0].amountMinor + skew };
  return postings;
}

function decide(state: LedgerState, o: typeof op extends fc.Arbitrary<infer T> ? T : never, i: number, nowMs: number, applied: Transfer[]): Step | null {
  const holds = Object.values(state.transfers).filter((r) => r.transfer.kind === 'pending').map((r) => r.transfer as PendingTransfer);
  switch (o.t) {
    case 'new': {
      const postings = postingsOf(o.legs, o.skew);
      if (!o.pending) return { transfer: { kind: 'posted', id: `t${i}`, code: 'adjustment', postings } };
      return { transfer: { kind: 'pending', id: `t${i}`, code: 'escrow_hold', postings, ...(o.expiresInMs !== null ? { expiresAtMs: nowMs + o.expiresInMs } : {}) } };
    }
    case 'post': {
      const hold = holds[o.pick % Math.max(1, holds.length)];
      if (!hold) return null;
      const partial = o.partialBp === null ? undefined : hold.postings.map((p) => ({ ...p, amountMinor: Math.floor((p.amountMinor * o.partialBp!) / 10_000) }));
      return { transfer: { kind: 'post_pending', id: `t${i}`, code: 'escrow_release', pendingId: hold.id, ...(partial ? { postings: partial.filter((p) => p.amountMinor > 0) } : {}) } };
    }
    case 'void': {
      const hold = holds[o.pick % Math.max(1, holds.length)];
      return hold ? { transfer: { kind: 'void_pending', id: `t${i}`, code: 'payout_rejected', pendingId: hold.id } } : null;
    }
    case 'expire':
      return { sweepAtMs: nowMs + o.advanceMs };
    case 'replay': {
      const earlier = applied[o.pick % Math.max(1, applied.length)];
      if (!earlier) return null;
      return { transfer: o.mutate ? { ...earlier, code: earlier.code === 'refund' ? 'clawback' : 'refund' } : structuredClone(earlier) };
    }
  }
}

// Plain comparisons rather than expect(): this runs after each of ~200 000 steps.
function checkInvariants(state: LedgerState): void {
  for (const [currency, sums] of Object.entries(sumOfBalances(state))) {
    if (sums.postedMinor !== 0 || sums.pendingMinor !== 0) throw new Error(`${currency} does not balance: ${JSON.stringify(sums)}`);
  }
  const expectedPending = new Map<string, { d: number; c: number }>();
  for (const r of Object.values(state.transfers)) {
    if (r.status !== 'pending') continue;
    for (const p of (r.transfer as PendingTransfer).postings) {
      const e = expectedPending.get(p.account) ?? { d: 0, c: 0 };
      if (p.side === 'debit') e.d += p.amountMinor;
      else e.c += p.amountMinor;
      expectedPending.set(p.account, e);
    }
  }
  for (const a of Object.values(state.accounts)) {
    if (a.rule === 'non_negative' && availableOnNormalSide(a) < 0) throw new Error(`${a.code} is overdrawn`);
    const e = expectedPending.get(a.code) ?? { d: 0, c: 0 };
    if (a.debitsPendingMinor !== e.d || a.creditsPendingMinor !== e.c) throw new Error(`${a.code} pending columns drifted from the open holds`);
  }
}

describe('ledger (property)', () => {
  it('keeps every invariant over 10 000 random operation sequences', () => {
    const seen = { ok: 0, refused: 0, duplicates: 0 };
    const refusals = new Set<string>();
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 20 }), (ops) => {
        let state = demoLedger();
        let nowMs = 1_700_000_000_000;
        const applied: Transfer[] = [];
        ops.forEach((o, i) => {
          nowMs += 100;
          const step = decide(state, o, i, nowMs, applied);
          if (!step) return;
          if ('sweepAtMs' in step) {
            nowMs = step.sweepAtMs;
            state = expirePending(state, nowMs).state;
          } else {
            const result = applyTransfer(state, step.transfer, nowMs);
            if (result.ok && result.duplicate) {
              if (result.state !== state) throw new Error('A replay changed the state');
              seen.duplicates++;
            } else if (result.ok) {
              applied.push(step.transfer);
              state = result.state;
              seen.ok++;
            } else {
              seen.refused++;
              refusals.add(result.refusal);
              if (o.t === 'replay' && result.refusal !== 'DUPLICATE') throw new Error(`Replay refused with ${result.refusal}`);
            }
          }
          checkInvariants(state);
        });
      }),
      { numRuns: 10_000 },
    );
    // The generator must exercise successes, refusals of every kind and replays, or it proves little.
    expect(seen.ok).toBeGreaterThan(20_000);
    expect(seen.refused).toBeGreaterThan(20_000);
    expect(seen.duplicates).toBeGreaterThan(3_000);
    const expected = ['CURRENCY_MISMATCH', 'INSUFFICIENT_FUNDS', 'DUPLICATE', 'UNBALANCED', 'ALREADY_POSTED', 'ALREADY_VOIDED', 'EXCEEDS_PENDING', 'EXPIRED'];
    expect([...refusals].sort()).toEqual(expect.arrayContaining(expected));
  });
});
