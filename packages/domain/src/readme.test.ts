/// <reference types="vite/client" />
// The README's diagrams are generated from the code; this fails when they drift.
// Fix with: npx tsx packages/domain/scripts/write-readme-diagrams.ts
import { describe, expect, it } from 'vitest';
import { readmeDiagramBlocks } from './docs/readme-diagrams.js';
import { missingDiagramBlocks, renderDiagramBlocks } from './machines/diagrams.js';

const readme = Object.values(import.meta.glob<string>('../README.md', { query: '?raw', import: 'default', eager: true }))[0] ?? '';
const rootReadme = Object.values(import.meta.glob<string>('../../../README.md', { query: '?raw', import: 'default', eager: true }))[0] ?? '';

describe('README diagrams', () => {
  const blocks = readmeDiagramBlocks();

  it('has a place for the money flows and every machine', () => {
    expect(blocks.map((b) => b.name)).toEqual(['money-flows', 'machine-order', 'machine-submission', 'machine-listing', 'machine-kyc', 'machine-dispute', 'machine-payout']);
    expect(missingDiagramBlocks(readme, blocks)).toEqual([]);
  });

  it.each(blocks.map((b) => [b.name, b] as const))('shows the current %s diagram', (_name, block) => {
    expect(readme).toContain(`<!-- diagram:${block.name} -->\n\`\`\`mermaid\n${block.mermaid}\n\`\`\`\n<!-- /diagram:${block.name} -->`);
  });

  it('is exactly what the generator writes', () => {
    expect(renderDiagramBlocks(readme, blocks)).toBe(readme);
  });

  it('keeps the root README\'s order lifecycle and money flow diagrams current', () => {
    expect(rootReadme).toContain('<!-- diagram:machine-order -->');
    expect(rootReadme).toContain('<!-- diagram:money-flows -->');
    expect(renderDiagramBlocks(rootReadme, blocks)).toBe(rootReadme);
  });

  it('the block renderer replaces only between markers', () => {
    const text = 'a\n<!-- diagram:x -->\nold\n<!-- /diagram:x -->\nb';
    expect(renderDiagramBlocks(text, [{ name: 'x', mermaid: 'new' }, { name: 'y', mermaid: 'ignored' }])).toBe('a\n<!-- diagram:x -->\n```mermaid\nnew\n```\n<!-- /diagram:x -->\nb');
    expect(missingDiagramBlocks(text, [{ name: 'y', mermaid: '' }])).toEqual(['y']);
  });
});
