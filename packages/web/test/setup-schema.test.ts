import { describe, expect, it } from 'vitest';
import { credentialErrors, validateSetup } from '../src/accounts/setup/schema';

describe('credentialErrors (setup and adding a user)', () => {
  it('accepts a trimmed e-mail and a password of eight characters', () => {
    expect(credentialErrors({ email: '  ana@example.com ', password: '12345678' })).toEqual({});
  });

  it('names the e-mail without an @ or a dot in its domain, and a password under eight characters', () => {
    expect(credentialErrors({ email: 'ana@example', password: '1234567' })).toEqual({
      email: 'form.invalidEmail',
      password: 'form.passwordTooShort',
    });
    expect(credentialErrors({ email: 'ana example.com', password: 'long enough' })).toEqual({
      email: 'form.invalidEmail',
    });
  });
});

describe('validateSetup', () => {
  const valid = {
    setupCode: 'CODE',
    accountName: 'Acme',
    name: '',
    email: 'ana@example.com',
    password: 'password1',
    confirm: 'password1',
  };

  it('passes a complete form (the name is optional)', () => {
    expect(validateSetup(valid)).toEqual({});
  });

  it('adds the credential errors to its own: required fields and the confirmation', () => {
    expect(
      validateSetup({
        ...valid,
        setupCode: ' ',
        accountName: '',
        email: 'x',
        password: 'short',
        confirm: 'other',
      }),
    ).toEqual({
      setupCode: 'form.required',
      accountName: 'form.required',
      email: 'form.invalidEmail',
      password: 'form.passwordTooShort',
      confirm: 'form.passwordMismatch',
    });
  });
});
