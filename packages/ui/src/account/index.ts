// Account security UI shared by the console and the storefront (issue 8).
export { SecondFactorStep } from './second-factor-step';
export { ForgotPasswordForm } from './forgot-password';
export { ResetPasswordForm, VerifyEmailView } from './reset-password';
export { TwoFactorCard, TwoFactorSetup } from './two-factor-card';
export { ChangePasswordCard, EmailVerificationBanner, GoogleSignInButton } from './account-security-cards';
export { SessionsCard, describeDevice } from './sessions-card';
export { AvatarCard } from './avatar-card';
