import { createRoute, z } from '@hono/zod-openapi';
import { TextSchema } from '../http/common.schema';
import {
  LocationCreateSchema,
  LocationListQuerySchema,
  LocationPageSchema,
  LocationSchema,
  LocationUpdateSchema,
} from './catalog.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';

const CodeParam = z.object({
  code: TextSchema(32)
    .min(1)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'WH1' }),
});

export function locationsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Locations'],
      summary: 'List locations',
      security: secured,
      request: { query: LocationListQuerySchema },
      responses: {
        200: { description: 'A page of locations', ...json(LocationPageSchema) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.locations.listLocations(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Locations'],
      summary: 'Create a warehouse, Amazon FBA network or 3PL',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(LocationCreateSchema) },
      responses: { 201: { description: 'Created', ...json(LocationSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.locations.createLocation(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags: ['Locations'],
      summary: 'Get a location',
      security: secured,
      request: { params: CodeParam },
      responses: { 200: { description: 'The location', ...json(LocationSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.locations.getLocation(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{code}',
      tags: ['Locations'],
      summary: 'Change a location',
      security: secured,
      request: { params: CodeParam, headers: IdempotencyHeaderSchema, ...jsonBody(LocationUpdateSchema) },
      responses: { 200: { description: 'Updated', ...json(LocationSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(
        await sw.locations.updateLocation(c.get('actor'), c.req.valid('param').code, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
