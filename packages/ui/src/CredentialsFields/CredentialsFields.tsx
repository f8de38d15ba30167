// The email + password pair every sign-in form uses, labelled for assistive tech and password managers.
import { PasswordInput, TextInput } from '@mantine/core';

export interface CredentialsFieldsProps {
  email: string;
  password: string;
  onEmailChange: (value: string) => void;
  onPasswordChange: (value: string) => void;
  errors: { email?: string | undefined; password?: string | undefined };
  /** `new-password` on registration, so managers offer to generate one. */
  passwordAutoComplete?: 'current-password' | 'new-password';
  autoFocus?: boolean;
}

export function CredentialsFields(props: CredentialsFieldsProps) {
  return (
    <>
      <TextInput
        label="Email"
        type="email"
        autoComplete="username"
        value={props.email}
        onChange={(e) => props.onEmailChange(e.currentTarget.value)}
        error={props.errors.email}
        required
        autoFocus={props.autoFocus}
      />
      <PasswordInput
        label="Password"
        autoComplete={props.passwordAutoComplete ?? 'current-password'}
        value={props.password}
        onChange={(e) => props.onPasswordChange(e.currentTarget.value)}
        error={props.errors.password}
        required
      />
    </>
  );
}
