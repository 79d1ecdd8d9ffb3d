import { z } from '@hono/zod-openapi';
import {
  JobSchema,
  MemberCreateSchema,
  MemberSchema,
  TokenCreateSchema,
  TokenCreatedSchema,
  TokenSchema,
} from './auth.schema';
import { IdParam, PageQuerySchema, TextSchema } from '../http/common.schema';
import { mapMemberDto, mapTokenDto } from './auth.service';
import type { Stockwise } from '../stockwise';
import { itemsOf, json, jsonResponse, section, securedRoute } from '../http/router';

export function usersRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Users']);
  serve(
    op.list('/', 'Members of this account', jsonResponse('Members', itemsOf(MemberSchema))),
    async (actor) => ({ items: (await sw.auth.listMembers(actor)).map(mapMemberDto) }),
  );
  serve(
    op.create('/', 'Add a member (owners only)', MemberCreateSchema, jsonResponse('Added', MemberSchema)),
    async (actor, { json }) => mapMemberDto(await sw.auth.addMember(actor, json)),
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
      const { token, record } = await sw.auth.createToken(actor, json.name);
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
