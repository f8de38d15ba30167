/// <reference types="vite/client" />
// Purity, enforced by a test as well as by the lint rule: domain source (not tests, not test
// support) imports only relative modules and zod, and never reads the clock, randomness, the
// environment, timers or the network. The scanner is tested on bad samples so it cannot pass vacuously.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts', '!./testing/**', '!./**/*.d.ts'], { query: '?raw', import: 'default', eager: true });

const allowedImport = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../') || specifier === 'zod';

const forbiddenCalls: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'reads the clock (Date.now)'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads the clock (new Date())'],
  [/\bperformance\.now\s*\(/, 'reads the clock (performance.now)'],
  [/\bMath\.random\s*\(/, 'uses randomness (Math.random)'],
  [/\bcrypto\.(randomUUID|getRandomValues)\s*\(/, 'uses randomness (crypto)'],
  [/\bprocess\./, 'touches the process (env, argv, exit)'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, 'schedules work (timers belong to the worker)'],
  [/\bfetch\s*\(/, 'does network I/O'],
  [/\brequire\s*\(/, 'uses require'],
  [/\bimport\s*\(/, 'imports dynamically'],
];

/** Comments may mention forbidden things ("never call Date.now()"); code may not. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

function purityViolations(source: string): string[] {
  const code = stripComments(source);
  const violations: string[] = [];
  for (const match of code.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (!allowedImport(specifier)) violations.push(`imports ${specifier}`);
  }
  for (const [pattern, why] of forbiddenCalls) if (pattern.test(code)) violations.push(why);
  return violations;
}

describe('domain purity', () => {
  it('scans every source file', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(Object.keys(sources)).toContain('./ledger/apply-transfer.ts');
    expect(Object.keys(sources).some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('no source file imports I/O or frameworks, or reads the clock, randomness or the environment', () => {
    const offenders = Object.entries(sources).flatMap(([file, source]) => purityViolations(source).map((v) => `${file}: ${v}`));
    expect(offenders).toEqual([]);
  });

  it('the scanner catches what it should', () => {
    const bad: [string, string][] = [
      ["import { readFileSync } from 'node:fs';", 'imports node:fs'],
      ["import type { EntityManager } from '@mikro-orm/core';", 'imports @mikro-orm/core'],
      ["export { x } from 'fastify';", 'imports fastify'],
      ["import 'reflect-metadata';", 'imports reflect-metadata'],
      ['const t = Date.now();', 'reads the clock (Date.now)'],
      ['const d = new Date();', 'reads the clock (new Date())'],
      ['const r = Math.random();', 'uses randomness (Math.random)'],
      ['const url = process.env.DATABASE_URL;', 'touches the process (env, argv, exit)'],
      ['setTimeout(() => 1, 5);', 'schedules work (timers belong to the worker)'],
      ["await fetch('https://x');", 'does network I/O'],
      ["const m = await import('./x.js');", 'imports dynamically'],
    ];
    for (const [source, violation] of bad) expect(purityViolations(source), source).toContain(violation);
    const fine = [
      "import { z } from 'zod';\nimport type { Money } from '../money/money.js';",
      '// We never call Date.now() here: time is passed in.\nconst d = new Date(Date.UTC(2025, 0, 1));',
      "/* Math.random() would make replays differ */ const url = 'https://example.com';",
    ];
    for (const source of fine) expect(purityViolations(source), source).toEqual([]);
  });
});
