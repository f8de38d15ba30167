// The diagrams embedded in packages/domain/README.md: money flows plus one per machine.
import { moneyFlowsMermaid } from '../ledger/flow-diagram.js';
import type { DiagramBlock } from '../machines/diagrams.js';
import { allMachines } from '../machines/registry.js';

export function readmeDiagramBlocks(): DiagramBlock[] {
  return [{ name: 'money-flows', mermaid: moneyFlowsMermaid() }, ...allMachines.map((m) => ({ name: `machine-${m.id}`, mermaid: m.toMermaid() }))];
}
