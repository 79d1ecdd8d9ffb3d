import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN } from './credentials';

describe('the e-mail rule of new users', () => {
  it('accepts the usual forms', () => {
    for (const email of ['ana@example.com', 'ana.lopez+shop@mail.example.co.uk', "o'neil_2@ex-ample.io"])
      expect(EMAIL_PATTERN.test(email), email).toBe(true);
  });

  it('refuses an address without a top-level name, with two dots in a row, spaces or a second @', () => {
    for (const email of [
      'ana@example',
      'ana..lopez@example.com',
      'ana lopez@example.com',
      'a@b@example.com',
      '.ana@example.com',
      'ana@exa_mple.com',
    ])
      expect(EMAIL_PATTERN.test(email), email).toBe(false);
  });

  it('has no flags: the OpenAPI document carries it as it is', () => {
    expect(EMAIL_PATTERN.flags).toBe('');
  });
});
