// Which form field a server refusal belongs to: zod issues name their path, and services name the
// field in `details.field` (e.g. a tracking number the carrier's format refuses), so the message
// can sit under the input the person has to fix rather than in a toast.
import { TRPCClientError } from '@trpc/client';
import { fieldErrors } from '../../trpc';

export function serverFieldError(error: unknown, field: string): string | undefined {
  const fromZod = fieldErrors(error)[field];
  if (fromZod) return fromZod;
  if (!(error instanceof TRPCClientError)) return undefined;
  const details = (error.data as { details?: { field?: unknown } | null } | undefined)?.details;
  return details?.field === field ? error.message : undefined;
}

/** The message for the form as a whole: anything not already shown on one of `fields`. */
export function formLevelError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (fields.some((f) => serverFieldError(error, f))) return undefined;
  return error instanceof Error ? error.message : String(error);
}
