// The Node release is written once, in .nvmrc; everything else that names it must agree: the
// .node-version file other version managers read, the root's `node` devDependency (the binary npm
// scripts run on), `engines`, and the types. The Docker images' tags are checked with the deploy
// files (deploy-files.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './deploy-config.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const rootPackage = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };
const pinned = read('.nvmrc').trim();
const major = Number(pinned.split('.')[0]);

describe('the pinned Node release', () => {
  it('is one exact version, an even (LTS) line of 24 or later', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(24);
  });

  it('is the one .node-version, the node devDependency and engines name', () => {
    expect(read('.node-version').trim()).toBe(pinned);
    expect(rootPackage.devDependencies.node).toBe(pinned);
    expect(rootPackage.engines.node).toBe(`>=${pinned} <${major + 1}`);
    expect(rootPackage.devDependencies['@types/node']?.split('.')[0]).toBe(String(major));
  });

  it('is the Node these tests run on', () => {
    expect(process.versions.node).toBe(pinned);
  });
});
