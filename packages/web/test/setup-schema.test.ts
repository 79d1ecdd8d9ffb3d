import { describe, expect, it } from 'vitest';
import { fieldRules } from '../src/api/schema.gen';
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

describe('credentialErrors reads the server’s rules from its OpenAPI document', () => {
  it('refuses the addresses the server refuses, which a looser check would let through', () => {
    for (const email of ['ana..lopez@example.com', 'ana@exa_mple.com', '.ana@example.com'])
      expect(credentialErrors({ email, password: 'long enough' }), email).toEqual({
        email: 'form.invalidEmail',
      });
    expect(credentialErrors({ email: "o'neil+shop@mail.example.co.uk", password: 'long enough' })).toEqual(
      {},
    );
  });

  it('holds a new member to the MemberCreate schema’s rules, the same as setup’s', () => {
    expect(fieldRules.MemberCreate.password.minLength).toBe(fieldRules.Setup.password.minLength);
    const short = 'x'.repeat(fieldRules.MemberCreate.password.minLength - 1);
    expect(credentialErrors({ email: 'ana@example.com', password: short }, fieldRules.MemberCreate)).toEqual({
      password: 'form.passwordTooShort',
    });
  });

  it('checks by the rules it is given, not by numbers of its own', () => {
    const rules = { email: { maxLength: 20, pattern: '^[a-z]+@shop\\.test$' }, password: { minLength: 12 } };
    expect(credentialErrors({ email: 'ana@shop.test', password: '12345678901' }, rules)).toEqual({
      password: 'form.passwordTooShort',
    });
    expect(credentialErrors({ email: 'ana@example.com', password: '123456789012' }, rules)).toEqual({
      email: 'form.invalidEmail',
    });
    expect(
      credentialErrors({ email: `${'a'.repeat(20)}@shop.test`, password: '123456789012' }, rules),
    ).toEqual({
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
