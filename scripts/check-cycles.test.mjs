// check-cycles.mjs against its fixtures (scripts/check-cycles-fixtures/): it fails on a cycle — a
// type-only import counts — and names every file of it, passes a folder without one, fails when an
// import is out of its sight (unresolved, or hidden with dpdm's ignore comment), and stops when its
// self-check does. Run: node --test scripts/check-cycles.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = 'scripts/check-cycles-fixtures';

function check(...paths) {
  const run = spawnSync(process.execPath, ['scripts/check-cycles.mjs', ...paths], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

test('a two-file cycle, one side type-only, fails the check and is printed', () => {
  const { code, out } = check(`${fixtures}/import-cycle`);
  assert.equal(code, 1, out);
  assert.match(out, /1 group\(s\) of files import each other \(2 files\)/);
  assert.ok(out.includes(`${fixtures}/import-cycle/listing.ts → ${fixtures}/import-cycle/seller.ts → ${fixtures}/import-cycle/listing.ts`), out);
});

test('the same files with the shared type moved out pass', () => {
  const { code, out } = check(`${fixtures}/no-import-cycle`);
  assert.equal(code, 0, out);
  assert.match(out, /no import cycles \(3 files, 3 imports between them/);
});

test('two cycles sharing files: every file is named, with a cycle through each', () => {
  const { code, out } = check(`${fixtures}/cross-cycle`);
  assert.equal(code, 1, out);
  const dir = `${fixtures}/cross-cycle`;
  assert.ok(out.includes(`4 files: ${dir}/buyer.ts, ${dir}/order.ts, ${dir}/payout.ts, ${dir}/seller.ts`), out);
  assert.ok(out.includes(`${dir}/payout.ts → ${dir}/seller.ts → ${dir}/order.ts → ${dir}/payout.ts`), out);
  assert.ok(out.includes(`${dir}/buyer.ts → ${dir}/seller.ts → ${dir}/order.ts → ${dir}/buyer.ts`), out);
});

test('an import that resolves to no file fails the check: a cycle through it would go unseen', () => {
  const { code, out } = check(`${fixtures}/unresolved-import`);
  assert.equal(code, 1, out);
  assert.ok(out.includes(`not resolved to a file: ${fixtures}/unresolved-import/listing.ts: './no-such-file.js'`), out);
});

test('hiding an import with @dpdm-ignore fails the check instead of passing it', () => {
  const { code, out } = check(`${fixtures}/hidden-import`);
  assert.equal(code, 1, out);
  assert.ok(out.includes(`${fixtures}/hidden-import/listing.ts hides an import with @dpdm-ignore`), out);
});

test('the whole-repository run stops, before reading the repository, when its own fixture shows no cycle', () => {
  const run = spawnSync(process.execPath, ['scripts/check-cycles.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CHECK_CYCLES_SELF_TEST_FIXTURE: `${fixtures}/no-import-cycle` },
  });
  assert.equal(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /the checker is broken/);
});
