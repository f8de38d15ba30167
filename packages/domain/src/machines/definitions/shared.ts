// Building blocks shared by the machine tables.
import { z } from 'zod';
import type { MachineActor } from '../types.js';

export const emptyPayload = z.object({});
export const reasonPayload = z.object({ reason: z.string().trim().min(1, 'Give a reason').max(1000) });
export const positiveMinor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Event payloads carry null for the system, the user id otherwise. */
export function actorIdOf(actor: MachineActor): string | null {
  return actor.roles.includes('system') ? null : actor.id;
}

/** A field of a (zod-validated) command payload, for event payload builders. */
export function payloadField<T>(payload: unknown, key: string): T | undefined {
  return payload !== null && typeof payload === 'object' ? ((payload as Record<string, unknown>)[key] as T | undefined) : undefined;
}
