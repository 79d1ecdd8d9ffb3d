import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@stockwise/domain/accounts/credentials';
import { PERMISSIONS, ROLES } from '@stockwise/domain/accounts/roles';
import { EmailSchema, TextSchema, strictBody } from '../http/common.schema';

/** A new password, by the domain's rule (docs/decisions.md §29). */
export const PasswordSchema = TextSchema(PASSWORD_MAX_LENGTH).min(
  PASSWORD_MIN_LENGTH,
  `at least ${String(PASSWORD_MIN_LENGTH)} characters`,
);
export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;

export const LoginSchema = z
  .object({ email: TextSchema(254).min(1), password: TextSchema(200).min(1) })
  .strict()
  .openapi('Login');
export const SetupSchema = strictBody('Setup', {
  accountName: TextSchema(200).min(1),
  email: EmailSchema,
  password: PasswordSchema,
  setupCode: TextSchema(40)
    .min(1)
    .openapi({ description: 'the one-time setup code printed in the log of the server at start' }),
  name: TextSchema(200).optional(),
});
export const MeSchema = z
  .object({
    user: z.object({
      id: z.number().int(),
      email: z.string(),
      name: z.string().nullable(),
      locale: z.string(),
    }),
    account: z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES) }),
    accounts: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES) })),
    permissions: z.array(z.enum(PERMISSIONS)).openapi({
      description:
        'what the role may do in this account; clients gate their UI on it, the server enforces it',
    }),
  })
  .openapi('Me');

export const MemberSchema = z
  .object({
    userId: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    locale: z.string(),
    accountId: z.number().int(),
    accountName: z.string(),
  })
  .openapi('Member');
export const MemberCreateSchema = strictBody('MemberCreate', {
  email: EmailSchema,
  password: PasswordSchema,
  role: z.enum(ROLES),
  name: TextSchema(200).optional(),
});

export const InvitedSchema = z
  .object({
    email: z.string(),
    role: z.enum(ROLES),
    status: z.literal('invited'),
  })
  .openapi('MemberInvited');
export const InvitationSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: z.enum(ROLES),
    accountId: z.number().int(),
    accountName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Invitation');
export const PasswordChangeSchema = z
  .object({ currentPassword: TextSchema(200).min(1), newPassword: PasswordSchema })
  .strict()
  .openapi('PasswordChange');

export const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    userId: z.number().int(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    expiresAt: z.string().nullable().openapi({ description: 'null: valid until revoked' }),
  })
  .openapi('ApiToken');
export const TokenCreateSchema = strictBody('ApiTokenCreate', {
  name: TextSchema(100).min(1),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .openapi({ description: 'the token stops working after this many days; omit for no expiry' }),
});
export const TokenCreatedSchema = TokenSchema.extend({
  token: z.string().openapi({ description: 'shown once; store it now' }),
}).openapi('ApiTokenCreated');

export const JobSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.number(),
    progressMessage: z.string().nullable(),
    result: z.unknown(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');
