// Storefront search latency on 10,000 listings: the real searchListings (full-text + typo
// correction + five facet counts + keyset page) for typical queries, run one at a time so each
// figure is the latency one shopper sees. Floor: the cheapest useful read on the same table (one
// indexed page of newest listings, no text, no facets), measured in the same run.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@marketdesk/db';
import { searchInputSchema } from '../apps/api/src/services/search/search-input.js';
import { searchListings } from '../apps/api/src/services/search/search-listings.js';
import { createTestDatabase } from '../tests/fixtures/test-database.js';

const listings = Number(process.env.BENCH_LISTINGS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 60);

const artists = ['The Beatles', 'Pink Floyd', 'Miles Davis', 'John Coltrane', 'Kraftwerk', 'Daft Punk', 'Nina Simone', 'Fleetwood Mac', 'David Bowie', 'Led Zeppelin', 'Aphex Twin', 'Massive Attack', 'Radiohead', 'Prince', 'Bob Dylan', 'Joni Mitchell', 'Herbie Hancock', 'Talking Heads', 'Portishead', 'The Clash'];
const words = ['Blue', 'Night', 'Electric', 'Garden', 'River', 'Sunrise', 'Machine', 'Velvet', 'Golden', 'Echoes', 'Dreams', 'Highway', 'Silver', 'Station', 'Ocean', 'Winter', 'Fire', 'Shadow', 'Dance', 'Stone'];
const grades = ['M', 'NM', 'VG+', 'VG', 'G+'];

const database = await createTestDatabase('bench_search');
const db = await openDatabase({ databaseUrl: database.url, migrate: true, poolMax: 8 });
const conn = db.orm.em.fork().getConnection();
const sellers = Array.from({ length: 25 }, () => randomUUID());
const categories = Array.from({ length: 8 }, () => randomUUID());
for (const [i, id] of sellers.entries()) await conn.execute(`insert into users (id, email, password_hash, display_name, roles, version, created_at, updated_at) values (?, ?, 'x', ?, '{seller}', 1, now(), now())`, [id, `seller${i}@bench.test`, `Seller ${i}`]);
for (const [i, id] of categories.entries()) await conn.execute(`insert into categories (id, slug, name, position) values (?, ?, ?, ?)`, [id, `category-${i}`, `Category ${i}`, i]);

const seedStarted = performance.now();
const batch = 500;
for (let start = 0; start < listings; start += batch) {
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let i = start; i < Math.min(start + batch, listings); i++) {
    const artist = artists[i % artists.length]!;
    const title = `${artist} – ${words[(i * 7) % words.length]} ${words[(i * 13 + 3) % words.length]}`;
    rows.push(`(?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'EUR', ?, 495, 3, ?, 1, now() - (? || ' minutes')::interval, now(), now())`);
    values.push(randomUUID(), sellers[i % sellers.length], categories[i % categories.length], `l-${i}`, title, `${title}: original pressing, cleaned and play-tested. Sleeve shows light wear.`, JSON.stringify({ artist, format: i % 5 === 0 ? 'CD' : 'LP', year: String(1960 + (i % 60)) }), grades[i % grades.length], 500 + ((i * 37) % 20000), i % 9 === 0 ? 0 : 1 + (i % 4), i % 9 === 0 ? 'sold_out' : 'active', String(i));
  }
  await conn.execute(`insert into listings (id, seller_id, category_id, slug, title, description, attributes, condition, price_minor, currency, quantity, shipping_minor, delivery_sla_days, state, version, published_at, created_at, updated_at) values ${rows.join(',')}`, values);
}
await conn.execute('analyze');
const seedSeconds = (performance.now() - seedStarted) / 1000;

const cases: { name: string; input: Record<string, unknown> }[] = [
  { name: 'word ("coltrane")', input: { q: 'coltrane' } },
  { name: 'two words, prefix ("pink flo")', input: { q: 'pink flo' } },
  { name: 'typo ("beatels")', input: { q: 'beatels' } },
  { name: 'word + facets (NM/VG+, €50–100)', input: { q: 'river', conditions: ['NM', 'VG+'], price: '50-100' } },
  { name: 'category, in stock, price ↑', input: { category: 'category-3', inStock: true, sort: 'price_asc' } },
  { name: 'browse newest (no query)', input: {} },
];

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]! };
}

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const floor = await measure(() => db.orm.em.fork().getConnection().execute(`select id, title, price_minor from listings where state = 'active' order by published_at desc, id desc limit 24`));
const results = [];
for (const c of cases) {
  const input = searchInputSchema.parse(c.input);
  const sample = await searchListings(db.orm.em.fork(), input);
  const latency = await measure(() => searchListings(db.orm.em.fork(), input));
  results.push({ name: c.name, total: sample.total, latency, overFloor: +(latency.p50 / floor.p50).toFixed(1) });
}

console.log(`${listings} listings (seeded in ${seedSeconds.toFixed(1)} s), ${runs} sequential runs per query`);
console.log(`  ${'query'.padEnd(32)} ${'hits'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  ×floor(p50)`);
for (const r of results) console.log(`  ${r.name.padEnd(32)} ${String(r.total).padStart(6)} ${r.latency.p50.toFixed(1).padStart(8)} ${r.latency.p95.toFixed(1).padStart(8)} ${r.latency.p99.toFixed(1).padStart(8)}  ×${r.overFloor}`);
console.log(`  ${'floor: one indexed page'.padEnd(32)} ${''.padStart(6)} ${floor.p50.toFixed(1).padStart(8)} ${floor.p95.toFixed(1).padStart(8)} ${floor.p99.toFixed(1).padStart(8)}`);
await db.close();
await database.drop();
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ benchmark: 'search', listings, runs, floor, results }, null, 2));
console.log(`wrote ${file}`);
