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
import { IdempotencyHeaderSchema, jsonResponse, newRouter, securedRoute, jsonBody } from '../http/router';

const CodeParam = z.object({
  code: TextSchema(32)
    .min(1)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'WH1' }),
});

export function locationsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/',
      tags: ['Locations'],
      summary: 'List locations',
      request: { query: LocationListQuerySchema },
      responses: { 200: jsonResponse('A page of locations', LocationPageSchema) },
    }),
    async (c) => c.json(await sw.locations.listLocations(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/',
      tags: ['Locations'],
      summary: 'Create a warehouse, Amazon FBA network or 3PL',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(LocationCreateSchema) },
      responses: { 201: jsonResponse('Created', LocationSchema) },
    }),
    async (c) => c.json(await sw.locations.createLocation(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{code}',
      tags: ['Locations'],
      summary: 'Get a location',
      request: { params: CodeParam },
      responses: { 200: jsonResponse('The location', LocationSchema) },
    }),
    async (c) => c.json(await sw.locations.getLocation(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    securedRoute({
      method: 'patch',
      path: '/{code}',
      tags: ['Locations'],
      summary: 'Change a location',
      request: { params: CodeParam, headers: IdempotencyHeaderSchema, ...jsonBody(LocationUpdateSchema) },
      responses: { 200: jsonResponse('Updated', LocationSchema) },
    }),
    async (c) =>
      c.json(
        await sw.locations.updateLocation(c.get('actor'), c.req.valid('param').code, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
