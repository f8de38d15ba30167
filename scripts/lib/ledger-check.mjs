// What a backup must preserve, read with plain SQL (usable before `npm ci` on a bare host): row
// counts of the tables that hold money and orders, and the ledger's per-currency totals, which must
// balance (debits = credits, posted and pending) — the same proof as the reconciliation job.
import pg from 'pg';

const countedTables = ['users', 'listings', 'orders', 'ledger_accounts', 'ledger_postings', 'ledger_transfers', 'outbox_events'];

export async function ledgerSnapshot(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = {};
    for (const table of countedTables) {
      const exists = await client.query('select to_regclass($1) as t', [table]);
      if (exists.rows[0].t) counts[table] = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
    }
    const { rows } = await client.query(
      `select currency, sum(debits_posted_minor)::text dp, sum(credits_posted_minor)::text cp, sum(debits_pending_minor)::text dq, sum(credits_pending_minor)::text cq from ledger_accounts group by currency order by currency`,
    );
    const ledger = rows.map((r) => ({ currency: r.currency, debitsPosted: r.dp, creditsPosted: r.cp, debitsPending: r.dq, creditsPending: r.cq, balanced: r.dp === r.cp && r.dq === r.cq }));
    return { counts, ledger, balanced: ledger.every((c) => c.balanced) };
  } finally {
    await client.end();
  }
}
