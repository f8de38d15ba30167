import { describe, expect, it } from 'vitest';
import { demoLedger, expectOk } from '../testing/ledger-fixtures.js';
import { applyTransfer, applyTransfers } from './apply-transfer.js';
import { balanceOf, isBalanced, sumOfBalances, trialBalance } from './balances.js';
import { expirePending } from './expire.js';
import { credit, debit } from './flows/postings.js';
import { createLedger, openAccounts } from './open-accounts.js';
import { replayLedger } from './replay.js';
import type { LedgerState, PostedTransfer, Transfer } from './types.js';

const T0 = 1_700_000_000_000;
const fund = (amountMinor: number): Transfer => ({
  kind: 'posted',
  id: 'fund',
  code: 'adjustment',
  postings: [debit('platform:stripe_clearing', amountMinor, 'EUR'), credit('seller:1:available', amountMinor, 'EUR')],
});
const hold = (id: string, amountMinor: number, expiresAtMs?: number): Transfer => ({
  kind: 'pending',
  id,
  code: 'payout_requested',
  postings: [debit('seller:1:available', amountMinor, 'EUR'), credit('seller:1:in_transit', amountMinor, 'EUR')],
  ...(expiresAtMs !== undefined ? { expiresAtMs } : {}),
});
const balance = (state: LedgerState, code: string) => balanceOf(state.accounts[code]!);
const refusalOf = (state: LedgerState, t: Transfer, nowMs = T0) => {
  const r = applyTransfer(state, t, nowMs);
  return r.ok ? 'OK' : r.refusal;
};

describe('applyTransfer: posted transfers', () => {
  it('moves money and keeps the books balanced', () => {
    const state = expectOk(applyTransfer(demoLedger(), fund(1000), T0));
    expect(balance(state, 'seller:1:available')).toMatchObject({ postedMinor: 1000, availableMinor: 1000 });
    expect(balance(state, 'platform:stripe_clearing').postedMinor).toBe(1000);
    expect(sumOfBalances(state).EUR).toEqual({ postedMinor: 0, pendingMinor: 0 });
    expect(trialBalance(state).EUR).toMatchObject({ debitsPostedMinor: 1000, creditsPostedMinor: 1000 });
    expect(isBalanced(state)).toBe(true);
    expect(state.transfers['fund']).toMatchObject({ status: 'applied', appliedAtMs: T0 });
  });

  it('refuses each malformed transfer with its code and changes nothing', () => {
    const base = demoLedger();
    const p = (postings: PostedTransfer['postings']): Transfer => ({ kind: 'posted', id: 'x', code: 'adjustment', postings });
    const cases: [Transfer, string][] = [
      [p([]), 'NO_POSTINGS'],
      [p([debit('platform:cash', 0, 'EUR'), credit('platform:fees', 0, 'EUR')]), 'INVALID_AMOUNT'],
      [p([debit('platform:cash', 1.5, 'EUR'), credit('platform:fees', 1.5, 'EUR')]), 'INVALID_AMOUNT'],
      [p([debit('platform:cash', 10, 'EUR'), credit('platform:fees', 9, 'EUR')]), 'UNBALANCED'],
      [p([debit('platform:cash', 10, 'EUR'), credit('seller:9:available', 10, 'EUR')]), 'CURRENCY_MISMATCH'],
      [p([debit('platform:cash', 10, 'EUR'), credit('seller:404:available', 10, 'EUR')]), 'UNKNOWN_ACCOUNT'],
      [p([debit('seller:1:available', 10, 'EUR'), credit('platform:fees', 10, 'EUR')]), 'INSUFFICIENT_FUNDS'],
      [p([debit('platform:cash', Number.MAX_SAFE_INTEGER, 'EUR'), credit('platform:fees', Number.MAX_SAFE_INTEGER, 'EUR'), debit('platform:cash', Number.MAX_SAFE_INTEGER, 'EUR'), credit('platform:fees', Number.MAX_SAFE_INTEGER, 'EUR')]), 'OVERFLOW'],
    ];
    for (const [transfer, code] of cases) {
      const result = applyTransfer(base, transfer, T0);
      expect(result.ok ? 'OK' : result.refusal, code).toBe(code);
      if (!result.ok) expect(result.transferId).toBe('x');
    }
  });

  it('balances per currency within one transfer', () => {
    const state = demoLedger();
    const mixed: Transfer = {
      kind: 'posted',
      id: 'fx',
      code: 'adjustment',
      postings: [debit('platform:cash', 10, 'EUR'), credit('platform:fees', 10, 'EUR'), debit('seller:9:in_transit', 5, 'USD'), credit('seller:9:available', 4, 'USD')],
    };
    expect(refusalOf(state, mixed)).toBe('UNBALANCED');
  });
});

describe('applyTransfer: idempotency', () => {
  it('replaying the same id and content is a no-op returning the same state', () => {
    const once = expectOk(applyTransfer(demoLedger(), fund(1000), T0));
    const again = applyTransfer(once, { ...fund(1000) }, T0 + 5);
    expect(again).toEqual({ ok: true, state: once, duplicate: true });
    expect(again.ok && again.state).toBe(once);
  });

  it('treats key order as irrelevant but content as decisive', () => {
    const once = expectOk(applyTransfer(demoLedger(), fund(1000), T0));
    const f = fund(1000) as PostedTransfer;
    const reordered: Transfer = {
      postings: f.postings.map((p) => ({ currency: p.currency, amountMinor: p.amountMinor, side: p.side, account: p.account })),
      code: f.code,
      kind: f.kind,
      id: f.id,
    };
    expect(applyTransfer(once, reordered, T0)).toMatchObject({ ok: true, duplicate: true });
    expect(refusalOf(once, fund(999))).toBe('DUPLICATE');
  });

  it('a batch is all or nothing and reports duplicates only when every transfer was one', () => {
    const state = demoLedger();
    const bad: Transfer = { kind: 'posted', id: 'bad', code: 'adjustment', postings: [debit('seller:1:available', 5000, 'EUR'), credit('platform:fees', 5000, 'EUR')] };
    const refused = applyTransfers(state, [fund(1000), bad], T0);
    expect(refused).toMatchObject({ ok: false, refusal: 'INSUFFICIENT_FUNDS', transferId: 'bad' });
    const applied = expectOk(applyTransfers(state, [fund(1000), hold('h', 10)], T0));
    expect(applyTransfers(applied, [fund(1000), hold('h', 10)], T0)).toMatchObject({ ok: true, duplicate: true });
    expect(applyTransfers(applied, [], T0)).toMatchObject({ ok: true, duplicate: false });
  });
});

describe('applyTransfer: two-phase holds', () => {
  const funded = () => expectOk(applyTransfer(demoLedger(), fund(1000), T0));

  it('a hold reserves the source and shows as incoming on the destination', () => {
    const state = expectOk(applyTransfer(funded(), hold('h', 400), T0));
    expect(balance(state, 'seller:1:available')).toMatchObject({ postedMinor: 1000, availableMinor: 600, reservedMinor: 400 });
    expect(balance(state, 'seller:1:in_transit')).toMatchObject({ postedMinor: 0, incomingMinor: 400 });
    expect(refusalOf(state, hold('h2', 700))).toBe('INSUFFICIENT_FUNDS');
    expect(sumOfBalances(state).EUR).toEqual({ postedMinor: 0, pendingMinor: 0 });
  });

  it('posts a hold in full', () => {
    const held = expectOk(applyTransfer(funded(), hold('h', 400), T0));
    const posted = expectOk(applyTransfer(held, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' }, T0));
    expect(balance(posted, 'seller:1:available')).toMatchObject({ postedMinor: 600, availableMinor: 600, reservedMinor: 0 });
    expect(balance(posted, 'seller:1:in_transit')).toMatchObject({ postedMinor: 400, incomingMinor: 0 });
    expect(posted.transfers['h']).toMatchObject({ status: 'posted', resolvedBy: 'p' });
  });

  it('posts part of a hold and releases the rest', () => {
    const held = expectOk(applyTransfer(funded(), hold('h', 400), T0));
    const partial: Transfer = {
      kind: 'post_pending',
      id: 'p',
      code: 'payout_approved',
      pendingId: 'h',
      postings: [debit('seller:1:available', 150, 'EUR'), credit('seller:1:in_transit', 150, 'EUR')],
    };
    const posted = expectOk(applyTransfer(held, partial, T0));
    expect(balance(posted, 'seller:1:available')).toMatchObject({ postedMinor: 850, availableMinor: 850 });
    expect(balance(posted, 'seller:1:in_transit').postedMinor).toBe(150);
  });

  it('refuses partial posts beyond the hold, to other accounts, unbalanced or empty', () => {
    const held = expectOk(applyTransfer(funded(), hold('h', 400), T0));
    const post = (postings: PostedTransfer['postings']): Transfer => ({ kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h', postings });
    expect(refusalOf(held, post([debit('seller:1:available', 401, 'EUR'), credit('seller:1:in_transit', 401, 'EUR')]))).toBe('EXCEEDS_PENDING');
    expect(refusalOf(held, post([debit('seller:1:available', 10, 'EUR'), credit('platform:fees', 10, 'EUR')]))).toBe('EXCEEDS_PENDING');
    expect(refusalOf(held, post([debit('seller:1:available', 10, 'EUR'), credit('seller:1:in_transit', 9, 'EUR')]))).toBe('UNBALANCED');
    expect(refusalOf(held, post([]))).toBe('NO_POSTINGS');
  });

  it('voids a hold and refuses to settle it twice', () => {
    const held = expectOk(applyTransfer(funded(), hold('h', 400), T0));
    const voided = expectOk(applyTransfer(held, { kind: 'void_pending', id: 'v', code: 'payout_rejected', pendingId: 'h' }, T0));
    expect(balance(voided, 'seller:1:available')).toMatchObject({ availableMinor: 1000, reservedMinor: 0 });
    expect(voided.transfers['h']?.status).toBe('voided');
    expect(refusalOf(voided, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' })).toBe('ALREADY_VOIDED');
    expect(refusalOf(voided, { kind: 'void_pending', id: 'v2', code: 'payout_rejected', pendingId: 'h' })).toBe('ALREADY_VOIDED');
    const posted = expectOk(applyTransfer(held, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' }, T0));
    expect(refusalOf(posted, { kind: 'post_pending', id: 'p2', code: 'payout_approved', pendingId: 'h' })).toBe('ALREADY_POSTED');
    expect(refusalOf(posted, { kind: 'void_pending', id: 'v', code: 'payout_rejected', pendingId: 'h' })).toBe('ALREADY_POSTED');
  });

  it('refuses to settle what is not a hold', () => {
    const state = funded();
    expect(refusalOf(state, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'nope' })).toBe('NOT_PENDING');
    expect(refusalOf(state, { kind: 'void_pending', id: 'v', code: 'payout_rejected', pendingId: 'fund' })).toBe('NOT_PENDING');
  });

  it('expires holds: never posted after expiry, voided by the sweep, which is itself a transfer', () => {
    const held = expectOk(applyTransfer(funded(), hold('h', 400, T0 + 1000), T0));
    expect(refusalOf(held, hold('late', 1, T0), T0)).toBe('EXPIRED');
    expect(refusalOf(held, hold('bad', 1, 1.5))).toBe('INVALID_AMOUNT');
    expect(refusalOf(held, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' }, T0 + 1000)).toBe('EXPIRED');
    expect(refusalOf(held, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' }, T0 + 999)).toBe('OK');

    expect(expirePending(held, T0 + 999).expired).toEqual([]);
    const swept = expirePending(held, T0 + 1000);
    expect(swept.expired.map((t) => t.id)).toEqual(['h:expired']);
    expect(swept.state.transfers['h']?.status).toBe('expired');
    expect(balance(swept.state, 'seller:1:available').availableMinor).toBe(1000);
    expect(refusalOf(swept.state, { kind: 'post_pending', id: 'p', code: 'payout_approved', pendingId: 'h' })).toBe('EXPIRED');
    expect(refusalOf(swept.state, { kind: 'void_pending', id: 'v', code: 'payout_rejected', pendingId: 'h' })).toBe('EXPIRED');
    // Voiding an expired but unswept hold is allowed: it is what the sweep would do.
    expect(refusalOf(held, { kind: 'void_pending', id: 'v', code: 'payout_rejected', pendingId: 'h' }, T0 + 5000)).toBe('OK');
  });
});

describe('accounts and replay', () => {
  it('opens accounts from the chart only, in one currency each', () => {
    const state = createLedger();
    expect(openAccounts(state, ['platform:escrow', 'seller:3:available'], 'EUR').ok).toBe(true);
    expect(openAccounts(state, ['platform:bank'], 'EUR')).toMatchObject({ ok: false, refusal: 'UNKNOWN_ACCOUNT' });
    expect(openAccounts(state, ['seller:3:savings'], 'EUR')).toMatchObject({ ok: false, refusal: 'UNKNOWN_ACCOUNT' });
    const opened = openAccounts(state, ['platform:escrow'], 'EUR');
    if (!opened.ok) throw new Error('unreachable');
    expect(openAccounts(opened.state, ['platform:escrow'], 'EUR')).toMatchObject({ ok: true });
    expect(openAccounts(opened.state, ['platform:escrow'], 'USD')).toMatchObject({ ok: false, refusal: 'CURRENCY_MISMATCH' });
  });

  it('rebuilds the same state by replaying the persisted log', () => {
    const log = [
      { transfer: fund(1000), appliedAtMs: T0 },
      { transfer: hold('h', 400, T0 + 10), appliedAtMs: T0 + 1 },
    ];
    const live = expirePending(expectOk(applyTransfers(demoLedger(), [], T0)), T0);
    let state = live.state;
    for (const e of log) state = expectOk(applyTransfer(state, e.transfer, e.appliedAtMs));
    const swept = expirePending(state, T0 + 20);
    const fullLog = [...log, ...swept.expired.map((transfer) => ({ transfer, appliedAtMs: T0 + 20 }))];
    const rebuilt = replayLedger(Object.values(demoLedger().accounts), fullLog);
    expect(rebuilt).toEqual({ ok: true, state: swept.state });
    expect(replayLedger([], fullLog)).toMatchObject({ ok: false, refusal: 'UNKNOWN_ACCOUNT' });
  });
});
