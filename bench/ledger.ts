// Ledger throughput: order flows (capture + escrow hold, then release) posted through
// postTransfers under row locks, at a fixed concurrency, with the books reconciled at the end.
// Floor: the same number of transactions doing the bare SQL (lock accounts, update totals,
// insert transfer and postings) without the domain's decision, on the same database.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@marketdesk/db';
import { paymentCaptured, releaseEscrow, type Transfer } from '@marketdesk/domain';
import { postTransfers } from '../apps/api/src/services/ledger/post-transfers.js';
import { reconcileLedger } from '../apps/api/src/services/ledger/reconcile-ledger.js';
import { createTestDatabase } from '../tests/fixtures/test-database.js';

const flows = Number(process.env.BENCH_FLOWS ?? 400);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const sellers = Number(process.env.BENCH_SELLERS ?? 20);

async function runPool(total: number, worker: (i: number) => Promise<number>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await worker(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p95Ms: latencies[Math.ceil(latencies.length * 0.95) - 1]! };
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

const ratio = +(floor.perSecond / ledger.perSecond).toFixed(2);
console.log(`flows=${flows} (×${transfersPerFlow} transfers) concurrency=${concurrency} sellers=${sellers}`);
console.log(`  ledger  ${(ledger.perSecond * transfersPerFlow).toFixed(0).padStart(6)} transfers/s  (${ledger.perSecond.toFixed(0)} flows/s, p95 ${ledger.p95Ms.toFixed(1)} ms)  books balanced: ${reconciled.balanced}`);
console.log(`  floor   ${(floor.perSecond * transfersPerFlow).toFixed(0).padStart(6)} transfers/s  (${floor.perSecond.toFixed(0)} tx/s, p95 ${floor.p95Ms.toFixed(1)} ms)  — ledger is ×${ratio} slower than bare SQL`);
await db.close();
await database.drop();
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/ledger-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ benchmark: 'ledger', flows, concurrency, sellers, transfersPerFlow, ledger, floor, balanced: reconciled.balanced, floorOverLedger: ratio }, null, 2));
console.log(`wrote ${file}`);
process.exit(reconciled.balanced ? 0 : 1);
