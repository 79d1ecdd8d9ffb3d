import { FeeScheduleCreateSchema, FeeScheduleSchema, FeeScheduleUpdateSchema } from './fees.schema';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, section, serveItem } from '../http/router';

const tags = ['Fees'];

export function feesRoutes(sw: Stockwise) {
  const routes = section(tags);
  const { app, op, serve } = routes;

  app.openapi(
    op.list(
      '/',
      'Fee schedules per marketplace and date: the shipped defaults and your own',
      jsonResponse('Schedules', itemsOf(FeeScheduleSchema)),
    ),
    async (c) => c.json({ items: await sw.fees.list(c.get('actor')) }, 200),
  );

  serve(
    op.create(
      '/',
      'Add a dated schedule for a marketplace (starts from the one in force; give the rates that change)',
      FeeScheduleCreateSchema,
      jsonResponse('Created', FeeScheduleSchema),
    ),
    (actor, { json }) => sw.fees.create(actor, json),
  );

  serveItem(routes, {
    path: '/{id}',
    params: IdParam,
    key: 'id',
    schema: FeeScheduleSchema,
    patch: FeeScheduleUpdateSchema,
    service: sw.fees,
    read: { doc: 'One fee schedule', ok: 'The schedule' },
    change: { doc: 'Change rates of one of your schedules', ok: 'Updated' },
  });

  serve(
    op.remove('/{id}', 'Delete one of your schedules (the defaults stay)', IdParam, 'Deleted'),
    (actor, { param }) => sw.fees.remove(actor, param.id),
  );

  return app;
}
