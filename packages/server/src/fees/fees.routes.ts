import { FeeScheduleCreateSchema, FeeScheduleSchema, FeeScheduleUpdateSchema } from './fees.schema';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, newRouter, operations } from '../http/router';

const tags = ['Fees'];
const op = operations(tags);

export function feesRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.list(
      '/',
      'Fee schedules per marketplace and date: the shipped defaults and your own',
      jsonResponse('Schedules', itemsOf(FeeScheduleSchema)),
    ),
    async (c) => c.json({ items: await sw.fees.list(c.get('actor')) }, 200),
  );

  app.openapi(
    op.create(
      '/',
      'Add a dated schedule for a marketplace (starts from the one in force; give the rates that change)',
      FeeScheduleCreateSchema,
      jsonResponse('Created', FeeScheduleSchema),
    ),
    async (c) => c.json(await sw.fees.create(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    op.read('/{id}', 'One fee schedule', IdParam, jsonResponse('The schedule', FeeScheduleSchema)),
    async (c) => c.json(await sw.fees.get(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    op.change(
      '/{id}',
      'Change rates of one of your schedules',
      { method: 'patch', params: IdParam, body: FeeScheduleUpdateSchema },
      jsonResponse('Updated', FeeScheduleSchema),
    ),
    async (c) =>
      c.json(await sw.fees.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    op.remove('/{id}', 'Delete one of your schedules (the defaults stay)', IdParam, 'Deleted'),
    async (c) => {
      await sw.fees.remove(c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
