import { z } from 'zod';
import { publicProcedure, router } from '../../trpc/procedures.js';
import { login, loginSecondFactor } from './login.js';
import { logout, logoutEverywhere } from './logout.js';
import { me } from './me.js';
import { register } from './register.js';
import { revokeSession, sessions } from './sessions.js';
import { changePassword, requestPasswordReset, resetPassword } from './password.js';
import { requestEmailVerification, verifyEmail } from './verify-email.js';
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from './two-factor.js';

/** Which sign-in methods the apps should offer (Google only when configured). */
const providers = publicProcedure.input(z.void()).query(({ ctx }) => ({
  google: Boolean(ctx.services.config.GOOGLE_CLIENT_ID && ctx.services.config.GOOGLE_CLIENT_SECRET),
}));

export const authRouter = router({
  register,
  login,
  loginSecondFactor,
  logout,
  logoutEverywhere,
  me,
  sessions,
  revokeSession,
  providers,
  requestPasswordReset,
  resetPassword,
  changePassword,
  verifyEmail,
  requestEmailVerification,
  twoFactorStatus,
  beginTwoFactor,
  confirmTwoFactor,
  regenerateRecoveryCodes,
  disableTwoFactor,
});
