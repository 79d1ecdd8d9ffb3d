import { createRoute, z } from '@hono/zod-openapi';
import {
  FeeScheduleCreateSchema,
  FeeScheduleSchema,
  FeeScheduleUpdateSchema,
  IdParam,
} from '../health/health.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';

const tags = ['Fees'];

export function feesRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Fee schedules per marketplace and date: the shipped defaults and your own',
      security: secured,
      responses: {
        200: { description: 'Schedules', ...json(z.object({ items: z.array(FeeScheduleSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: await sw.fees.list(c.get('actor')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary:
        'Add a dated schedule for a marketplace (starts from the one in force; give the rates that change)',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(FeeScheduleCreateSchema) },
      responses: { 201: { description: 'Created', ...json(FeeScheduleSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.fees.create(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One fee schedule',
      security: secured,
      request: { params: IdParam },
      responses: { 200: { description: 'The schedule', ...json(FeeScheduleSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.fees.get(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change rates of one of your schedules',
      security: secured,
      request: { params: IdParam, headers: IdempotencyHeaderSchema, ...jsonBody(FeeScheduleUpdateSchema) },
      responses: { 200: { description: 'Updated', ...json(FeeScheduleSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(await sw.fees.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete one of your schedules (the defaults stay)',
      security: secured,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses },
    }),
    async (c) => {
      await sw.fees.remove(c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
