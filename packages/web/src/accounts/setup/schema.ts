import type { MessageKey } from '../../i18n/translate';

/** Client-side checks mirror the server's Setup schema so mistakes show before a round trip. */
export interface SetupForm {
  setupCode: string;
  accountName: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
}

export type SetupErrors = Partial<Record<keyof SetupForm, MessageKey>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new user's e-mail and password against the server's rules (setup, adding a user), as message keys. */
export function credentialErrors(form: {
  email: string;
  password: string;
}): Partial<Record<'email' | 'password', MessageKey>> {
  const errors: Partial<Record<'email' | 'password', MessageKey>> = {};
  if (!EMAIL.test(form.email.trim())) errors.email = 'form.invalidEmail';
  if (form.password.length < 8) errors.password = 'form.passwordTooShort';
  return errors;
}

export function validateSetup(form: SetupForm): SetupErrors {
  const errors: SetupErrors = credentialErrors(form);
  if (!form.setupCode.trim()) errors.setupCode = 'form.required';
  if (!form.accountName.trim()) errors.accountName = 'form.required';
  if (form.confirm !== form.password) errors.confirm = 'form.passwordMismatch';
  return errors;
}
