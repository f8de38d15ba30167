// Inputs that both the clients and the API validate.
import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters').pipe(z.email({ message: 'Enter a valid email address' }));
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');
export const displayNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters');

export const registerInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  /** Buyers register on the storefront; sellers opt in to selling. Staff roles are granted, never chosen. */
  asSeller: z.boolean().default(false),
});
export const loginInput = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(200) });
export const updateProfileInput = z.object({ displayName: displayNameSchema });

export type RegisterInput = z.infer<typeof registerInput>;
export type LoginInput = z.infer<typeof loginInput>;
