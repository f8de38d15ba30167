// Regenerates the Mermaid diagrams in packages/domain/README.md from the machine tables and the
// money flows. Run from the repository root: npx tsx packages/domain/scripts/write-readme-diagrams.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { missingDiagramBlocks, readmeDiagramBlocks, renderDiagramBlocks } from '../src/index.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const blocks = readmeDiagramBlocks();
const missing = missingDiagramBlocks(before, blocks);
if (missing.length > 0) {
  console.error(`README.md lacks markers for: ${missing.join(', ')}. Add <!-- diagram:NAME --> <!-- /diagram:NAME --> pairs.`);
  process.exit(1);
}
const after = renderDiagramBlocks(before, blocks);
if (after === before) {
  console.log('README.md diagrams are up to date.');
} else {
  writeFileSync(readmePath, after);
  console.log(`README.md: regenerated ${blocks.length} diagrams.`);
}

// The root README shows the order lifecycle and the money flows too (only the blocks it marks).
const rootPath = fileURLToPath(new URL('../../../README.md', import.meta.url));
const rootBefore = readFileSync(rootPath, 'utf8');
const rootAfter = renderDiagramBlocks(rootBefore, blocks);
if (rootAfter !== rootBefore) {
  writeFileSync(rootPath, rootAfter);
  console.log('README.md (root): regenerated its diagrams.');
}
