import { fieldRules } from '../../api/schema.gen';
import type { MessageKey } from '../../i18n/translate';

/** Client-side checks by the server's Setup schema (its published rules) so mistakes show before a round trip. */
export interface SetupForm {
  setupCode: string;
  accountName: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
}

export type SetupErrors = Partial<Record<keyof SetupForm, MessageKey>>;

/** The server's rules on a new user's e-mail and password, as its OpenAPI document states them. */
export interface CredentialRules {
  readonly email: { readonly maxLength: number; readonly pattern: string };
  readonly password: { readonly minLength: number };
}

/**
 * A new user's e-mail and password against the server's rules (setup, adding a user), as message keys.
 * The rules are read from the generated API description (docs/decisions.md §29): the web states none.
 */
export function credentialErrors(
  form: { email: string; password: string },
  rules: CredentialRules = fieldRules.Setup,
): Partial<Record<'email' | 'password', MessageKey>> {
  const errors: Partial<Record<'email' | 'password', MessageKey>> = {};
  const email = form.email.trim();
  if (email.length > rules.email.maxLength || !new RegExp(rules.email.pattern).test(email))
    errors.email = 'form.invalidEmail';
  if (form.password.length < rules.password.minLength) errors.password = 'form.passwordTooShort';
  return errors;
}

export function validateSetup(form: SetupForm): SetupErrors {
  const errors: SetupErrors = credentialErrors(form);
  if (!form.setupCode.trim()) errors.setupCode = 'form.required';
  if (!form.accountName.trim()) errors.accountName = 'form.required';
  if (form.confirm !== form.password) errors.confirm = 'form.passwordMismatch';
  return errors;
}
