import { z } from '@hono/zod-openapi';
import {
  JobSchema,
  MemberCreateSchema,
  MemberSchema,
  TokenCreateSchema,
  TokenCreatedSchema,
  TokenSchema,
} from './auth.schema';
import { PageQuerySchema, TextSchema } from '../http/common.schema';
import { mapMemberDto, mapTokenDto } from './auth.service';
import type { Stockwise } from '../stockwise';
import { itemsOf, json, jsonResponse, newRouter, operations, securedRoute } from '../http/router';

const jobsOp = operations(['Jobs']);
const usersOp = operations(['Users']);

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function usersRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    usersOp.list('/', 'Members of this account', jsonResponse('Members', itemsOf(MemberSchema))),
    async (c) => c.json({ items: (await sw.auth.listMembers(c.get('actor'))).map(mapMemberDto) }, 200),
  );
  app.openapi(
    usersOp.create(
      '/',
      'Add a member (owners only)',
      MemberCreateSchema,
      jsonResponse('Added', MemberSchema),
    ),
    async (c) => c.json(mapMemberDto(await sw.auth.addMember(c.get('actor'), c.req.valid('json'))), 201),
  );
  return app;
}

export function tokensRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    usersOp.list(
      '/',
      'API tokens (secrets are never shown again)',
      jsonResponse('Tokens', itemsOf(TokenSchema)),
    ),
    async (c) => c.json({ items: (await sw.auth.listTokens(c.get('actor'))).map(mapTokenDto) }, 200),
  );
  app.openapi(
    usersOp.create(
      '/',
      'Create an API token for me',
      TokenCreateSchema,
      jsonResponse('Created; the token is shown once', TokenCreatedSchema),
    ),
    async (c) => {
      const { token, record } = await sw.auth.createToken(c.get('actor'), c.req.valid('json').name);
      return c.json({ ...mapTokenDto(record), token }, 201);
    },
  );
  app.openapi(
    securedRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['Users'],
      summary: 'Revoke a token',
      request: { params: IdParam },
      responses: { 200: jsonResponse('Revoked', TokenSchema) },
    }),
    async (c) => c.json(mapTokenDto(await sw.auth.revokeToken(c.get('actor'), c.req.valid('param').id)), 200),
  );
  return app;
}

export function jobsRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    jobsOp.list('/', 'Recent background jobs with progress', jsonResponse('Jobs', itemsOf(JobSchema))),
    async (c) => c.json({ items: await sw.jobs.list(c.get('actor')) }, 200),
  );
  app.openapi(
    jobsOp.read('/{id}', 'One job: status, progress, result', IdParam, jsonResponse('Job', JobSchema)),
    async (c) => c.json(await sw.jobs.get(c.get('actor'), c.req.valid('param').id), 200),
  );
  return app;
}

export function auditRoutes(sw: Stockwise) {
  const app = newRouter();
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
  app.openapi(
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
    async (c) => c.json(await sw.audit.list(c.get('actor'), c.req.valid('query')), 200),
  );
  return app;
}
