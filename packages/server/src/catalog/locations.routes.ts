import { z } from '@hono/zod-openapi';
import { TextSchema } from '../http/common.schema';
import {
  LocationCreateSchema,
  LocationListQuerySchema,
  LocationPageSchema,
  LocationSchema,
  LocationUpdateSchema,
} from './catalog.schema';
import type { Stockwise } from '../stockwise';
import { jsonResponse, section } from '../http/router';

const CodeParam = z.object({
  code: TextSchema(32)
    .min(1)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'WH1' }),
});

export function locationsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Locations']);
  const locations = sw.locations;
  serve(
    op.query(
      '/',
      'List locations',
      LocationListQuerySchema,
      jsonResponse('A page of locations', LocationPageSchema),
    ),
    (actor, { query }) => locations.listLocations(actor, query),
  );
  serve(
    op.create(
      '/',
      'Create a warehouse, Amazon FBA network or 3PL',
      LocationCreateSchema,
      jsonResponse('Created', LocationSchema),
    ),
    (actor, { json }) => locations.createLocation(actor, json),
  );
  serve(
    op.read('/{code}', 'Get a location', CodeParam, jsonResponse('The location', LocationSchema)),
    (actor, { param }) => locations.getLocation(actor, param.code),
  );
  serve(
    op.change(
      '/{code}',
      'Change a location',
      { method: 'patch', params: CodeParam, body: LocationUpdateSchema },
      jsonResponse('Updated', LocationSchema),
    ),
    (actor, { param, json }) => locations.updateLocation(actor, param.code, json),
  );
  return app;
}
