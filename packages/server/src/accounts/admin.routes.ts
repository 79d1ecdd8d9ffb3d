import { createRoute, z } from '@hono/zod-openapi';
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
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';

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
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Users'],
      summary: 'Members of this account',
      security: secured,
      responses: {
        200: { description: 'Members', ...json(z.object({ items: z.array(MemberSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: (await sw.auth.listMembers(c.get('actor'))).map(mapMemberDto) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Users'],
      summary: 'Add a member (owners only)',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(MemberCreateSchema) },
      responses: { 201: { description: 'Added', ...json(MemberSchema) }, ...problemResponses },
    }),
    async (c) => c.json(mapMemberDto(await sw.auth.addMember(c.get('actor'), c.req.valid('json'))), 201),
  );
  return app;
}

export function tokensRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Users'],
      summary: 'API tokens (secrets are never shown again)',
      security: secured,
      responses: {
        200: { description: 'Tokens', ...json(z.object({ items: z.array(TokenSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: (await sw.auth.listTokens(c.get('actor'))).map(mapTokenDto) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Users'],
      summary: 'Create an API token for me',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(TokenCreateSchema) },
      responses: {
        201: { description: 'Created; the token is shown once', ...json(TokenCreatedSchema) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { token, record } = await sw.auth.createToken(c.get('actor'), c.req.valid('json').name);
      return c.json({ ...mapTokenDto(record), token }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['Users'],
      summary: 'Revoke a token',
      security: secured,
      request: { params: IdParam },
      responses: { 200: { description: 'Revoked', ...json(TokenSchema) }, ...problemResponses },
    }),
    async (c) => c.json(mapTokenDto(await sw.auth.revokeToken(c.get('actor'), c.req.valid('param').id)), 200),
  );
  return app;
}

export function jobsRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Jobs'],
      summary: 'Recent background jobs with progress',
      security: secured,
      responses: {
        200: { description: 'Jobs', ...json(z.object({ items: z.array(JobSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: await sw.jobs.list(c.get('actor')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Jobs'],
      summary: 'One job: status, progress, result',
      security: secured,
      request: { params: IdParam },
      responses: { 200: { description: 'Job', ...json(JobSchema) }, ...problemResponses },
    }),
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
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Audit'],
      summary: 'Audit trail: who changed what, when (newest first)',
      security: secured,
      request: { query: PageQuerySchema.extend({ entityType: TextSchema(40).optional() }) },
      responses: {
        200: {
          description: 'Entries',
          ...json(z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.audit.list(c.get('actor'), c.req.valid('query')), 200),
  );
  return app;
}
