// Turning a table into a machine, checking it once at load time: a table that names a missing
// state, an unknown event, a timer nobody can handle or an unreachable state fails at startup and
// in every test run, long before a customer could hit it.
import { isEventName } from '../events/catalogue.js';
import { InvariantError } from '../invariants/assert.js';
import { builtInIssuers, describeMachine } from './describe.js';
import { machineToMermaid } from './diagrams.js';
import { findEdge } from './transition.js';
import type { AnyMachine, CommandCatalogue, CommandName, Edge, Machine, MachineDefinition } from './types.js';

export function defineMachine<S extends string, CC extends CommandCatalogue, Ctx>(definition: MachineDefinition<S, CC, Ctx>): Machine<S, CC, Ctx> {
  const machine: Machine<S, CC, Ctx> = {
    ...definition,
    stateNames: Object.keys(definition.states) as S[],
    commandNames: Object.keys(definition.commands) as CommandName<CC>[],
    describe: () => describeMachine(machine),
    toMermaid: () => machineToMermaid(machine),
  };
  const problems = tableProblems(machine as unknown as AnyMachine);
  if (problems.length > 0) throw new InvariantError(`Machine ${definition.id} is malformed:\n- ${problems.join('\n- ')}`);
  return machine;
}

/** Every inconsistency in a table, as readable sentences (empty when the table is sound). */
export function tableProblems(machine: AnyMachine): string[] {
  const problems: string[] = [];
  const states = new Set(machine.stateNames);
  const usedCommands = new Set<string>();
  if (!states.has(machine.initial)) problems.push(`initial state ${machine.initial} is not defined`);
  for (const state of machine.stateNames) {
    const spec = machine.states[state]!;
    const edges = Object.entries((spec.on ?? {}) as Record<string, Edge<string, unknown, unknown>>);
    if (spec.terminal && (edges.length > 0 || (spec.onEnter ?? []).length > 0)) problems.push(`terminal state ${state} has commands or timers`);
    if (!spec.terminal && edges.length === 0) problems.push(`state ${state} is a dead end but not marked terminal`);
    for (const [command, edge] of edges) {
      usedCommands.add(command);
      if (!Object.prototype.hasOwnProperty.call(machine.commands, command)) problems.push(`${state} handles unknown command ${command}`);
      if (!states.has(edge.to)) problems.push(`${state} --${command}--> ${edge.to}: target is not defined`);
      if (!edge.permission && !edge.system) problems.push(`${state} --${command}: nobody may issue it`);
      if (edge.partyOnly && !edge.party) problems.push(`${state} --${command}: partyOnly needs a party`);
      if (edge.permission && builtInIssuers(edge).roles.every((r) => r === 'system')) problems.push(`${state} --${command}: no built-in role holds ${edge.permission} in a way that lets them issue it`);
      for (const name of edge.emits) if (!isEventName(name)) problems.push(`${state} --${command}: ${name} is not in the event catalogue`);
    }
    for (const t of spec.onEnter ?? []) {
      if (!findEdge(machine, state, t.command)?.system) problems.push(`timer ${t.timer} in ${state} sends ${t.command}, which the system may not issue there`);
      if (!t.afterMs === !t.atMs) problems.push(`timer ${t.timer} needs exactly one of afterMs or atMs`);
    }
  }
  for (const command of machine.commandNames) if (!usedCommands.has(command)) problems.push(`command ${command} is never accepted`);
  for (const state of machine.stateNames) if (!reachable(machine).has(state)) problems.push(`state ${state} is unreachable`);
  return problems;
}

function reachable(machine: AnyMachine): Set<string> {
  const seen = new Set<string>([machine.initial]);
  const queue = [machine.initial];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const edge of Object.values((machine.states[state]?.on ?? {}) as Record<string, Edge<string, unknown, unknown>>)) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}
