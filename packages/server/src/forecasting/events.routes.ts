import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, section } from '../http/router';
import {
  CalendarQuerySchema,
  CalendarSchema,
  EventCreateSchema,
  EventListQuerySchema,
  EventSchema,
} from './events.schema';

/** `/api/v1/events`: seller events and promotions the forecast takes into account, and the built-in calendars. */
export function eventsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Events']);

  serve(
    op.query(
      '/',
      'Your events and promotions',
      EventListQuerySchema,
      jsonResponse('Events', itemsOf(EventSchema)),
    ),
    async (actor, { query }) => ({ items: await sw.events.list(actor, query) }),
  );

  // Before /{id}.
  serve(
    op.query(
      '/calendar',
      "A marketplace's built-in public holidays and retail events (Prime Day, Black Friday, Cyber Monday, Singles' Day)",
      CalendarQuerySchema,
      jsonResponse('Calendar', CalendarSchema),
    ),
    (actor, { query }) => Promise.resolve(sw.events.calendar(actor, query)),
  );

  serve(
    op.create(
      '/',
      'Add an event or promotion (a known lift, or null to learn it); the forecast uses it over its dates',
      EventCreateSchema,
      jsonResponse('Created', EventSchema),
    ),
    (actor, { json }) => sw.events.create(actor, json),
  );

  serve(op.read('/{id}', 'One event', IdParam, jsonResponse('The event', EventSchema)), (actor, { param }) =>
    sw.events.get(actor, param.id),
  );

  serve(
    op.change(
      '/{id}',
      'Replace an event',
      { method: 'put', params: IdParam, body: EventCreateSchema },
      jsonResponse('Updated', EventSchema),
    ),
    (actor, { param, json }) => sw.events.update(actor, param.id, json),
  );

  serve(op.remove('/{id}', 'Delete an event', IdParam, 'Deleted'), (actor, { param }) =>
    sw.events.remove(actor, param.id),
  );

  return app;
}
