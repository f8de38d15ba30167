// A machine's table as plain data (states, edges, labels, who may issue what, events) for the
// console to draw and for documentation. Derived, never written by hand: the roles shown are those
// the built-in grant table lets through, so a diagram reads the same rule the engine applies.
import { roleGrants, ownedSides, permissionObjectKind } from '../policy/permissions.js';
import { roles as builtInRoles } from '../policy/roles.js';
import type { AnyMachine, Edge, MachineDescription, MachineRole } from './types.js';

/**
 * Who may issue an edge under the built-in grants (`system` last, where timers or webhooks issue
 * it), and which of them only on some objects (their own, or those assigned to them).
 */
export function builtInIssuers(edge: Edge<string, unknown, unknown>): { roles: MachineRole[]; scoped: MachineRole[] } {
  const roles: MachineRole[] = [];
  const scoped: MachineRole[] = [];
  const permission = edge.permission;
  for (const role of permission ? builtInRoles : []) {
    const scope = roleGrants[role][permission!];
    if (!scope) continue;
    // Without an object kind only `any` counts; a party's act counts an `own` grant on that side only.
    if (scope !== 'any' && !permissionObjectKind(permission!)) continue;
    if (scope === 'own' && edge.party && !ownedSides(role).includes(edge.party)) continue;
    if (edge.partyOnly && scope !== 'own') continue;
    roles.push(role);
    // Anyone holding an `assigned` grant may claim unclaimed work, so a claim is not scoped for them.
    if (scope === 'own' || (scope === 'assigned' && !edge.claims)) scoped.push(role);
  }
  if (edge.system) roles.push('system');
  return { roles, scoped };
}

export function describeMachine(machine: AnyMachine): MachineDescription {
  const states = machine.stateNames.map((id) => {
    const spec = machine.states[id]!;
    return { id, label: spec.label, terminal: spec.terminal === true, timers: (spec.onEnter ?? []).map((t) => ({ timer: t.timer, command: t.command })) };
  });
  const edges = machine.stateNames.flatMap((from) => {
    const spec = machine.states[from]!;
    const timerCommands = new Set((spec.onEnter ?? []).map((t) => t.command));
    return Object.entries((spec.on ?? {}) as Record<string, Edge<string, unknown, unknown>>).map(([command, edge]) => {
      const issuers = builtInIssuers(edge);
      return {
        from,
        to: edge.to,
        command,
        label: machine.commands[command]?.label ?? command,
        permission: edge.permission ?? null,
        allowedRoles: issuers.roles,
        scopedRoles: issuers.scoped,
        guard: edge.guardLabel ?? (edge.guard ? 'guarded' : null),
        emits: edge.emits,
        byTimer: timerCommands.has(command),
      };
    });
  });
  return { id: machine.id, label: machine.label, initial: machine.initial, states, edges };
}
