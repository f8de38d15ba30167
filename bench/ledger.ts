// Ledger throughput: order flows (capture + escrow hold, then release) posted through
// postTransfers under row locks, at a fixed concurrency, with the books reconciled at the end.
// Floor: the same number of transactions doing the bare SQL (lock accounts, update totals,
// insert transfer and postings) without the domain's decision, on the same database.
// Then: the time to recompute every account's balance from 1M append-only postings (the audit
// path, vs the running totals the app keeps), checked to sum to zero; floor: a bare scan of them.
//
//   npx tsx bench/ledger.ts      BENCH_FLOWS=400 BENCH_CONCURRENCY=8 BENCH_POSTINGS=1000000
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@marketdesk/db';
import { paymentCaptured, releaseEscrow, type Transfer } from '@marketdesk/domain';
import { postTransfers } from '../apps/api/src/services/ledger/post-transfers.js';
import { reconcileLedger } from '../apps/api/src/services/ledger/reconcile-ledger.js';
import { createTestDatabase } from '../tests/fixtures/test-database.js';
import { histogram, percentiles, recordMs, writeResults } from './lib/measure.js';

const flows = Number(process.env.BENCH_FLOWS ?? 400);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const sellers = Number(process.env.BENCH_SELLERS ?? 20);
const postingsTotal = Number(process.env.BENCH_POSTINGS ?? 1_000_000);

async function runPool(total: number, worker: (i: number) => Promise<number>) {
  let next = 0;
  const h = histogram();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await worker(i);
        recordMs(h, performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latency = percentiles(h);
  return { perSecond: total / seconds, p95Ms: latency.p95, latency };
}

const database = await createTestDatabase('bench_ledger');
const db = await openDatabase({ databaseUrl: database.url, migrate: true, poolMax: concurrency + 2 });
const sellerIds = Array.from({ length: sellers }, () => randomUUID());
const batches: Transfer[][] = Array.from({ length: flows }, (_, i) => {
  const captured = paymentCaptured({ orderId: randomUUID(), paymentId: randomUUID(), sellerId: sellerIds[i % sellers]!, currency: 'EUR', grossMinor: 2_500 + i, feeMinor: 250 });
  return [...captured.transfers, ...releaseEscrow(captured.hold!).transfers];
});
const transfersPerFlow = batches[0]!.length;

const ledger = await runPool(flows, (i) => db.orm.em.fork().transactional((tx) => postTransfers(tx, batches[i]!, new Date())).then(() => 0));
const reconciled = await reconcileLedger(db.orm.em.fork());

await db.orm.em.fork().getConnection().execute(`create table floor_accounts (code text primary key, total bigint not null default 0); create table floor_rows (id bigserial primary key, transfer_id text, account text, amount bigint)`);
const floor = await runPool(flows, async (i) => {
  const codes = ['platform:stripe_clearing', 'platform:escrow', 'platform:fees', `seller:${sellerIds[i % sellers]}:available`].sort();
  await db.orm.em.fork().transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    for (const c of codes) await conn.execute(`insert into floor_accounts (code) values (?) on conflict do nothing`, [c], 'run', ctx);
    await conn.execute(`select * from floor_accounts where code in (?, ?, ?, ?) order by code for update`, codes, 'all', ctx);
    for (let t = 0; t < transfersPerFlow; t++) {
      for (const c of codes) await conn.execute(`update floor_accounts set total = total + 1 where code = ?`, [c], 'run', ctx);
      for (let p = 0; p < 3; p++) await conn.execute(`insert into floor_rows (transfer_id, account, amount) values (?, ?, 1)`, [`${i}:${t}`, codes[p]], 'run', ctx);
    }
  });
  return 0;
});

// 1M postings: balanced pairs (debit then credit of the same amount) over 10,000 accounts.
const conn = db.orm.em.fork().getConnection();
const fillStarted = performance.now();
await conn.execute(
  `insert into ledger_postings (transfer_id, account_code, side, amount_minor, currency, phase, created_at)
   select 'bench:' || (g / 2), 'bench:acct:' || ((g::bigint * 7919) % 10000), case when g % 2 = 0 then 'debit' else 'credit' end, 100 + (g / 2) % 5000, 'EUR', 'posted', now()
   from generate_series(0, ${postingsTotal - 1}) g`,
);
await conn.execute('analyze ledger_postings');
const fillSeconds = (performance.now() - fillStarted) / 1000;
const timeIt = async (sql: string) => {
  await conn.execute(sql); // warm: the table in cache, as a reconciliation run would find it
  const t0 = performance.now();
  const rows = await conn.execute(sql);
  return { ms: performance.now() - t0, rows };
};
const balances = await timeIt(
  `select account_code, sum(case when side = 'debit' then amount_minor else -amount_minor end) as balance_minor from ledger_postings where phase = 'posted' and account_code like 'bench:%' group by account_code`,
);
const sumOfBalances = (balances.rows as { balance_minor: string }[]).reduce((acc, r) => acc + BigInt(r.balance_minor), 0n);
const scan = await timeIt(`select count(*) from ledger_postings where phase = 'posted' and account_code like 'bench:%'`);

const ratio = +(floor.perSecond / ledger.perSecond).toFixed(2);
console.log(`flows=${flows} (×${transfersPerFlow} transfers) concurrency=${concurrency} sellers=${sellers}`);
console.log(`  ledger  ${(ledger.perSecond * transfersPerFlow).toFixed(0).padStart(6)} transfers/s  (${ledger.perSecond.toFixed(0)} flows/s, p95 ${ledger.p95Ms.toFixed(1)} ms)  books balanced: ${reconciled.balanced}`);
console.log(`  floor   ${(floor.perSecond * transfersPerFlow).toFixed(0).padStart(6)} transfers/s  (${floor.perSecond.toFixed(0)} tx/s, p95 ${floor.p95Ms.toFixed(1)} ms)  — ledger is ×${ratio} slower than bare SQL`);
console.log(`  balances of ${balances.rows.length} accounts from ${postingsTotal.toLocaleString('en')} postings: ${balances.ms.toFixed(0)} ms (sum of balances ${sumOfBalances} → ${sumOfBalances === 0n ? 'zero ✔' : 'NOT ZERO ✖'}); floor: bare scan ${scan.ms.toFixed(0)} ms → ×${(balances.ms / scan.ms).toFixed(2)}  (filled in ${fillSeconds.toFixed(1)} s)`);
await db.close();
await database.drop();
writeResults('ledger', { flows, concurrency, sellers, transfersPerFlow, ledger, floor, balanced: reconciled.balanced, floorOverLedger: ratio, balancesFromPostings: { postings: postingsTotal, accounts: balances.rows.length, ms: +balances.ms.toFixed(1), sumOfBalances: String(sumOfBalances), scanFloorMs: +scan.ms.toFixed(1), overFloor: +(balances.ms / scan.ms).toFixed(2) } });
process.exit(reconciled.balanced && sumOfBalances === 0n ? 0 : 1);
