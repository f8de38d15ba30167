// A machine's table as plain data (states, edges, labels, roles, events) for the console to draw
// and for documentation. Derived, never written by hand.
import { roleGrants } from '../policy/permissions.js';
import type { AnyMachine, Edge, MachineDescription, MachineRole } from './types.js';

/** Roles that may act only on some objects: by scope in the built-in grants, or by `scopedTo`. */
function scopedRolesOf(edge: Edge<string, unknown, unknown>): MachineRole[] {
  const permission = edge.permission;
  if (!permission) return Object.keys(edge.scopedTo ?? {}) as MachineRole[];
  return edge.allowedRoles.filter((r) => r !== 'system' && Object.hasOwn(roleGrants, r) && roleGrants[r as keyof typeof roleGrants][permission] !== 'any');
}

export function describeMachine(machine: AnyMachine): MachineDescription {
  const states = machine.stateNames.map((id) => {
    const spec = machine.states[id]!;
    return { id, label: spec.label, terminal: spec.terminal === true, timers: (spec.onEnter ?? []).map((t) => ({ timer: t.timer, command: t.command })) };
  });
  const edges = machine.stateNames.flatMap((from) => {
    const spec = machine.states[from]!;
    const timerCommands = new Set((spec.onEnter ?? []).map((t) => t.command));
    return Object.entries((spec.on ?? {}) as Record<string, Edge<string, unknown, unknown>>).map(([command, edge]) => ({
      from,
      to: edge.to,
      command,
      label: machine.commands[command]?.label ?? command,
      allowedRoles: edge.allowedRoles,
      scopedRoles: scopedRolesOf(edge),
      guard: edge.guardLabel ?? (edge.guard ? 'guarded' : null),
      emits: edge.emits,
      byTimer: timerCommands.has(command),
    }));
  });
  return { id: machine.id, label: machine.label, initial: machine.initial, states, edges };
}
