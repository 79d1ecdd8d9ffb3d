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
import { jsonResponse, newRouter, operations } from '../http/router';

const op = operations(['Locations']);

const CodeParam = z.object({
  code: TextSchema(32)
    .min(1)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'WH1' }),
});

export function locationsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/',
      'List locations',
      LocationListQuerySchema,
      jsonResponse('A page of locations', LocationPageSchema),
    ),
    async (c) => c.json(await sw.locations.listLocations(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    op.create(
      '/',
      'Create a warehouse, Amazon FBA network or 3PL',
      LocationCreateSchema,
      jsonResponse('Created', LocationSchema),
    ),
    async (c) => c.json(await sw.locations.createLocation(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    op.read('/{code}', 'Get a location', CodeParam, jsonResponse('The location', LocationSchema)),
    async (c) => c.json(await sw.locations.getLocation(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    op.change(
      '/{code}',
      'Change a location',
      { method: 'patch', params: CodeParam, body: LocationUpdateSchema },
      jsonResponse('Updated', LocationSchema),
    ),
    async (c) =>
      c.json(
        await sw.locations.updateLocation(c.get('actor'), c.req.valid('param').code, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
