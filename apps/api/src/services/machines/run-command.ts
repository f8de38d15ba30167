// Runs a command through a packages/domain state machine and turns a refusal into the AppError the
// client should see: an impossible move in the current state is a CONFLICT (someone else moved it
// first, or the UI is stale), a role/scope refusal FORBIDDEN, a bad payload BAD_REQUEST.
import { transition, type CommandCatalogue, type Machine, type MachineActor, type Snapshot, type TransitionSuccess } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';

export function runCommand<S extends string, CC extends CommandCatalogue, Ctx>(
  machine: Machine<S, CC, Ctx>,
  snapshot: Snapshot<S, Ctx>,
  command: { type: string; payload?: unknown },
  actor: MachineActor,
  now: Date,
): TransitionSuccess<S, Ctx> {
  const result = transition(machine, snapshot, command, actor, now.getTime());
  if (result.ok) return result;
  const details = { refusal: result.code, state: snapshot.state, ...('reason' in result && result.reason ? { reason: result.reason } : {}) };
  switch (result.code) {
    case 'FORBIDDEN':
      throw new AppError('FORBIDDEN', `${result.message}.`, details);
    case 'INVALID_PAYLOAD':
    case 'UNKNOWN_COMMAND':
      throw new AppError('BAD_REQUEST', `${result.message}.`, details);
    default:
      throw new AppError('CONFLICT', `${result.message}.`, details);
  }
}
