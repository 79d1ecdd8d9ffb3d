import { z } from '@hono/zod-openapi';
import {
  InvitationSchema,
  InvitedSchema,
  JobSchema,
  MemberCreateSchema,
  MemberSchema,
  TokenCreateSchema,
  TokenCreatedSchema,
  TokenSchema,
} from './auth.schema';
import { IdParam, PageQuerySchema, TextSchema } from '../http/common.schema';
import { mapMemberDto, mapTokenDto } from './auth.service';
import { mapInvitationDto } from './members.service';
import type { Stockwise } from '../stockwise';
import { itemsOf, json, jsonResponse, section, securedRoute } from '../http/router';

export function usersRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Users']);
  serve(
    op.list('/', 'Members of this account', jsonResponse('Members', itemsOf(MemberSchema))),
    async (actor) => ({ items: (await sw.auth.listMembers(actor)).map(mapMemberDto) }),
  );
  serve(
    op.create(
      '/',
      {
        summary: 'Invite a member (owners only)',
        description:
          'Records an invitation. An e-mail with no user yet gets one with this password, who joins at their first sign-in; an existing user joins only by accepting it (POST /auth/invitations/{id}/accept). The answer is the same either way.',
      },
      MemberCreateSchema,
      jsonResponse('Invited', InvitedSchema),
    ),
    (actor, { json }) => sw.members.invite(actor, json),
  );
  serve(
    op.list(
      '/invitations',
      'Pending invitations into this account',
      jsonResponse('Invitations', itemsOf(InvitationSchema)),
    ),
    async (actor) => ({ items: (await sw.members.pending(actor)).map(mapInvitationDto) }),
  );
  serve(op.remove('/invitations/{id}', 'Withdraw an invitation', IdParam, 'Withdrawn'), (actor, { param }) =>
    sw.members.withdraw(actor, param.id),
  );
  serve(
    op.remove(
      '/{id}',
      'Remove a member (their tokens for this account are revoked, their sessions in it end)',
      IdParam,
      'Removed',
    ),
    (actor, { param }) => sw.members.remove(actor, param.id),
  );
  return app;
}

export function tokensRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Users']);
  serve(
    op.list('/', 'API tokens (secrets are never shown again)', jsonResponse('Tokens', itemsOf(TokenSchema))),
    async (actor) => ({ items: (await sw.auth.listTokens(actor)).map(mapTokenDto) }),
  );
  serve(
    op.create(
      '/',
      'Create an API token for me',
      TokenCreateSchema,
      jsonResponse('Created; the token is shown once', TokenCreatedSchema),
    ),
    async (actor, { json }) => {
      const { token, record } = await sw.auth.createToken(actor, json.name, {
        expiresInDays: json.expiresInDays,
      });
      return { ...mapTokenDto(record), token };
    },
  );
  serve(
    securedRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['Users'],
      summary: 'Revoke a token',
      request: { params: IdParam },
      responses: { 200: jsonResponse('Revoked', TokenSchema) },
    }),
    async (actor, { param }) => mapTokenDto(await sw.auth.revokeToken(actor, param.id)),
  );
  return app;
}

export function jobsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Jobs']);
  serve(
    op.list('/', 'Recent background jobs with progress', jsonResponse('Jobs', itemsOf(JobSchema))),
    async (actor) => ({ items: await sw.jobs.list(actor) }),
  );
  serve(
    op.read('/{id}', 'One job: status, progress, result', IdParam, jsonResponse('Job', JobSchema)),
    (actor, { param }) => sw.jobs.get(actor, param.id),
  );
  return app;
}

export function auditRoutes(sw: Stockwise) {
  const { app, serve } = section(['Audit']);
  const AuditEntry = z
    .object({
      id: z.number().int(),
      actorUserId: z.number().int().nullable(),
      actorTokenId: z.number().int().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      at: z.string(),
    })
    .openapi('AuditEntry');
  serve(
    securedRoute({
      method: 'get',
      path: '/',
      tags: ['Audit'],
      summary: 'Audit trail: who changed what, when (newest first)',
      request: { query: PageQuerySchema.extend({ entityType: TextSchema(40).optional() }) },
      responses: {
        200: {
          description: 'Entries',
          ...json(z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })),
        },
      },
    }),
    (actor, { query }) => sw.audit.list(actor, query),
  );
  return app;
}
