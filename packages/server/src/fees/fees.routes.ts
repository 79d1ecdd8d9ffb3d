import { FeeScheduleCreateSchema, FeeScheduleSchema, FeeScheduleUpdateSchema } from './fees.schema';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, section } from '../http/router';

const tags = ['Fees'];

export function feesRoutes(sw: Stockwise) {
  const { app, op, serve } = section(tags);

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

  serve(
    op.read('/{id}', 'One fee schedule', IdParam, jsonResponse('The schedule', FeeScheduleSchema)),
    (actor, { param }) => sw.fees.get(actor, param.id),
  );

  serve(
    op.change(
      '/{id}',
      'Change rates of one of your schedules',
      { method: 'patch', params: IdParam, body: FeeScheduleUpdateSchema },
      jsonResponse('Updated', FeeScheduleSchema),
    ),
    (actor, { param, json }) => sw.fees.update(actor, param.id, json),
  );

  serve(
    op.remove('/{id}', 'Delete one of your schedules (the defaults stay)', IdParam, 'Deleted'),
    async (actor, { param }) => {
      await sw.fees.remove(actor, param.id);
      return undefined;
    },
  );

  return app;
}
