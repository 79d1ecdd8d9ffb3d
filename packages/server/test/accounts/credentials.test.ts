import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@stockwise/domain/accounts/credentials';
import { MemberCreateSchema, SetupSchema } from '../../src/accounts/auth.schema';
import { LocalCommandSchema } from '../../src/local-control';

// Every way a user is made takes the domain's credential rule (docs/decisions.md §29): the HTTP setup and
// member schemas, and the local command line's `user create`.
const makers: [string, ZodType, Record<string, unknown>][] = [
  ['POST /auth/setup', SetupSchema, { accountName: 'Acme', setupCode: 'CODE' }],
  ['POST /users', MemberCreateSchema, { role: 'staff' }],
  ['stockwise user create', LocalCommandSchema, { command: 'user.create', account: 'Acme', role: 'staff' }],
];

describe('a new user’s e-mail and password', () => {
  for (const [maker, schema, rest] of makers)
    it(`${maker}: the domain's shortest password and e-mail form`, () => {
      const ok = (email: string, password: string) => schema.safeParse({ ...rest, email, password }).success;
      const min = 'p'.repeat(PASSWORD_MIN_LENGTH);
      expect(ok('ana@example.com', min)).toBe(true);
      expect(ok('ana@example.com', min.slice(1))).toBe(false);
      expect(ok('ana..lopez@example.com', min)).toBe(false);
      expect(ok('ana@example', min)).toBe(false);
    });
});
