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

// Account security (issue 8): reset, verification, password change, two-factor.
const linkToken = z.string().trim().regex(/^[a-z2-7]{32}$/, 'This link is not valid. Ask for a new one.');
export const totpCodeSchema = z.string().trim().regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code from your authenticator app');
export const recoveryCodeSchema = z.string().trim().regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/i, 'Enter a recovery code like abcde-12345');
export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: linkToken, password: passwordSchema });
export const verifyEmailInput = z.object({ token: linkToken });
export const changePasswordInput = z.object({ currentPassword: z.string().min(1, 'Enter your current password').max(200), newPassword: passwordSchema });
export const confirmTwoFactorInput = z.object({ code: totpCodeSchema });
/** Turning 2FA off (e.g. after losing the phone) takes the password and a code from the app or a recovery code. */
export const disableTwoFactorInput = z.object({ password: z.string().min(1, 'Enter your password').max(200), code: z.union([totpCodeSchema, recoveryCodeSchema], { message: 'Enter a code from your app or a recovery code' }) });
/** The second step of signing in: the challenge from step one and either a TOTP code or a recovery code. */
export const loginSecondFactorInput = z.union([
  z.object({ challenge: z.string().regex(/^[a-z2-7]{32}$/), code: totpCodeSchema }),
  z.object({ challenge: z.string().regex(/^[a-z2-7]{32}$/), recoveryCode: recoveryCodeSchema }),
]);
export type LoginSecondFactorInput = z.infer<typeof loginSecondFactorInput>;
