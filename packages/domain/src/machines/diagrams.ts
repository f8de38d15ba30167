// Mermaid diagrams generated from the machine tables, and the README blocks that embed them.
// The README test compares the committed README with what these functions produce, so the
// documentation cannot drift from the code; `scripts/write-readme-diagrams.ts` rewrites it.
import { describeMachine } from './describe.js';
import type { AnyMachine, MachineDescription } from './types.js';

export function machineToMermaid(machine: AnyMachine): string {
  return descriptionToMermaid(describeMachine(machine));
}

export function descriptionToMermaid(d: MachineDescription): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${d.initial}`];
  for (const s of d.states) lines.push(`  state "${s.label}" as ${s.id}`);
  for (const e of d.edges) {
    const roles = e.allowedRoles.map((r) => (e.scopedRoles.includes(r) ? `own ${r}` : r)).join(', ');
    const via = e.byTimer ? 'timer' : roles;
    const guard = e.guard ? ` [${e.guard}]` : '';
    lines.push(`  ${e.from} --> ${e.to}: ${e.label} (${via})${guard}`);
  }
  for (const s of d.states) if (s.terminal) lines.push(`  ${s.id} --> [*]`);
  return lines.join('\n');
}

export interface DiagramBlock {
  /** Marker name in the README: `<!-- diagram:NAME -->` … `<!-- /diagram:NAME -->`. */
  name: string;
  mermaid: string;
}

/** Replaces the body between each block's markers with its current Mermaid; unknown markers stay. */
export function renderDiagramBlocks(markdown: string, blocks: readonly DiagramBlock[]): string {
  return blocks.reduce((text, block) => {
    const open = `<!-- diagram:${block.name} -->`;
    const close = `<!-- /diagram:${block.name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) return text;
    return `${text.slice(0, start + open.length)}\n\`\`\`mermaid\n${block.mermaid}\n\`\`\`\n${text.slice(end)}`;
  }, markdown);
}

/** Marker names missing from a README, so the test can say which diagram lost its place. */
export function missingDiagramBlocks(markdown: string, blocks: readonly DiagramBlock[]): string[] {
  return blocks.filter((b) => !markdown.includes(`<!-- diagram:${b.name} -->`) || !markdown.includes(`<!-- /diagram:${b.name} -->`)).map((b) => b.name);
}
