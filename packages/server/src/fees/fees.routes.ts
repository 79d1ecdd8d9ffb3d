import { FeeScheduleCreateSchema, FeeScheduleSchema, FeeScheduleUpdateSchema } from './fees.schema';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  itemsOf,
  jsonResponse,
  newRouter,
  securedRoute,
  jsonBody,
} from '../http/router';

const tags = ['Fees'];

export function feesRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Fee schedules per marketplace and date: the shipped defaults and your own',
      responses: { 200: jsonResponse('Schedules', itemsOf(FeeScheduleSchema)) },
    }),
    async (c) => c.json({ items: await sw.fees.list(c.get('actor')) }, 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/',
      tags,
      summary:
        'Add a dated schedule for a marketplace (starts from the one in force; give the rates that change)',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(FeeScheduleCreateSchema) },
      responses: { 201: jsonResponse('Created', FeeScheduleSchema) },
    }),
    async (c) => c.json(await sw.fees.create(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One fee schedule',
      request: { params: IdParam },
      responses: { 200: jsonResponse('The schedule', FeeScheduleSchema) },
    }),
    async (c) => c.json(await sw.fees.get(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change rates of one of your schedules',
      request: { params: IdParam, headers: IdempotencyHeaderSchema, ...jsonBody(FeeScheduleUpdateSchema) },
      responses: { 200: jsonResponse('Updated', FeeScheduleSchema) },
    }),
    async (c) =>
      c.json(await sw.fees.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete one of your schedules (the defaults stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await sw.fees.remove(c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
