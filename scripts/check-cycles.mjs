#!/usr/bin/env node
// No import cycles (docs/conventions.md, habit 13): every source file of every workspace (apps/*,
// packages/*, db, tests — the root package.json's list) is read by dpdm, type-only and dynamic
// imports counted, and any group of files that import each other fails the run, printed with the
// shortest cycle through each of its files.
//
//   node scripts/check-cycles.mjs             the whole repository
//   node scripts/check-cycles.mjs DIR|FILE…   only those (its test runs it on a fixture folder)
//
// Why not `dpdm --exit-code circular:1` alone: dpdm's own listing walks each file once, so it shows
// some cycles and hides others that run through a file it has already walked (fix the one it shows
// and the next appears). The graph it parses is complete, so the cycles are found here from that
// graph as strongly connected components: one run names every file that is in a cycle.
//
// A checker that finds nothing is indistinguishable from a broken one, so each run first checks a
// fixture whose two files import each other (one of the imports type-only) and stops with an error
// unless exactly that cycle is found. Two ways an import could go unseen fail the run too: one of
// our own imports (relative or @marketdesk/*) that dpdm could not resolve to a file — it resolves
// through the nearest tsconfig.json, so a folder without one loses its `./x.js` → x.ts imports —
// and dpdm's `@dpdm-ignore` comment, which drops the import after it.
import { globSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDependencyTree, shortenTree } from 'dpdm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;
// Build output, caches and dependencies (the directories .gitignore names): not our sources.
const notSources = /(?:^|\/)(?:node_modules|dist|\.turbo|\.data|\.cache|coverage|test-results|playwright-report)$/;
// Its test points this at a folder without the cycle, to see the run stop.
const selfTestFixture = process.env.CHECK_CYCLES_SELF_TEST_FIXTURE ?? 'scripts/check-cycles-fixtures/import-cycle';

/** Source files under each path (a directory, a glob of directories, or one file), relative to the root. */
function sourceFiles(paths) {
  const files = new Set();
  for (const path of paths) {
    const dirs = globSync(path, { cwd: root, exclude: (p) => notSources.test(p) });
    for (const dir of dirs) {
      if (statSync(join(root, dir)).isFile()) {
        if (sourceFile.test(dir)) files.add(dir);
        continue;
      }
      for (const file of globSync(`${dir}/**/*`, { cwd: root, exclude: (p) => notSources.test(p) })) {
        if (sourceFile.test(file) && statSync(join(root, file)).isFile()) files.add(file);
      }
    }
  }
  return [...files].sort();
}

/** Every group of files that import each other (each sorted), and one shortest cycle through each file of a group. */
async function findCycles(files) {
  const tree = shortenTree(root, await parseDependencyTree(files, { cwd: root, context: root, transform: false, skipDynamicImports: false }));
  // Files dpdm parsed (node_modules is left unparsed: a null entry) and the imports between them.
  const graph = new Map();
  for (const [file, deps] of Object.entries(tree)) {
    if (deps) graph.set(file, [...new Set(deps.flatMap((d) => (d.id && tree[d.id] ? [d.id] : [])))].sort());
  }
  const imports = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
  const unresolved = Object.values(tree).flatMap((deps) => (deps ?? []).filter((d) => d.id === null && /^(?:\.|@marketdesk\/)/.test(d.request)).map((d) => `${d.issuer}: '${d.request}'`));
  const ignored = files.filter((file) => readFileSync(join(root, file), 'utf8').includes('@dpdm-ignore'));
  const groups = stronglyConnected(graph).filter((group) => group.length > 1 || graph.get(group[0]).includes(group[0]));
  return {
    files: graph.size,
    imports,
    unresolved,
    ignored,
    groups: groups.map((group) => ({ files: [...group].sort(), cycles: shortestCycles(graph, new Set(group)) })),
  };
}

/** Tarjan's algorithm, iterative (a deep import chain must not overflow the stack). */
function stronglyConnected(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const targets = graph.get(node);
      if (i < targets.length) {
        frame[1] = i + 1;
        const target = targets[i];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const group = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** For each file of the group, the shortest path of imports from it back to itself (duplicates dropped). */
function shortestCycles(graph, group) {
  const seen = new Set();
  const cycles = [];
  for (const start of [...group].sort()) {
    const previous = new Map([[start, null]]);
    const queue = [start];
    let found = null;
    while (queue.length && !found) {
      const node = queue.shift();
      for (const target of graph.get(node)) {
        if (!group.has(target)) continue;
        if (target === start) {
          found = node;
          break;
        }
        if (!previous.has(target)) {
          previous.set(target, node);
          queue.push(target);
        }
      }
    }
    const path = [];
    for (let node = found; node !== null; node = previous.get(node)) path.unshift(node);
    // The same cycle found from another of its files: keep it once, written from its first file.
    const first = path.indexOf([...path].sort()[0]);
    const key = [...path.slice(first), ...path.slice(0, first)].join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    cycles.push([...path, start]);
  }
  return cycles;
}

function workspaces() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
}

async function selfTest() {
  const found = await findCycles(sourceFiles([selfTestFixture]));
  const expected = [`${selfTestFixture}/listing.ts`, `${selfTestFixture}/seller.ts`];
  const ok = found.groups.length === 1 && found.groups[0].files.join() === expected.join();
  if (!ok) {
    console.error(`check-cycles: the checker is broken — ${selfTestFixture} has one cycle (${expected.join(' ⇄ ')}), and it found ${JSON.stringify(found.groups)}.`);
    process.exit(2);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (!args.length) await selfTest();
  const paths = args.length ? args.map((a) => relative(root, join(process.cwd(), a)) || '.') : workspaces();
  const files = sourceFiles(paths);
  if (!files.length) {
    console.error(`check-cycles: no source files under ${paths.join(', ')}.`);
    process.exit(2);
  }
  const found = await findCycles(files);
  const blind = found.unresolved.length + found.ignored.length;
  if (!found.groups.length && !blind) {
    console.log(`check-cycles: no import cycles (${found.files} files, ${found.imports} imports between them, in ${paths.join(', ')}).`);
    return;
  }
  if (found.groups.length) {
    const inCycles = found.groups.reduce((n, g) => n + g.files.length, 0);
    console.error(`check-cycles: ${found.groups.length} group(s) of files import each other (${inCycles} files). Type-only imports count.`);
    console.error('Move what both sides need into a module of its own, or the type beside what it describes (docs/conventions.md, habit 13).\n');
    found.groups.forEach((group, i) => {
      console.error(`${i + 1}) ${group.files.length} files: ${group.files.join(', ')}`);
      for (const cycle of group.cycles) console.error(`     ${cycle.join(' → ')}`);
    });
  }
  if (blind) {
    if (found.groups.length) console.error('');
    console.error(`check-cycles: ${blind} import(s) the check cannot see, so cycles through them would go unreported:`);
    for (const line of found.unresolved) console.error(`  not resolved to a file: ${line}`);
    for (const file of found.ignored) console.error(`  ${file} hides an import with @dpdm-ignore: break the cycle instead.`);
  }
  process.exit(1);
}

await main();
