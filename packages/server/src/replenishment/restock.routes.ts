import { z } from '@hono/zod-openapi';
import { SkuSchema } from '../http/common.schema';
import { RestockPlanSchema, RestockQuerySchema, RestockSettingsSchema } from './restock.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
} from '../http/router';

const op = operations(['Restock']);

export function restockRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/',
      'Restock recommendations per SKU × location: quantity, order-by and ship dates, alert, reasoning; fitted to storage capacity',
      RestockQuerySchema,
      jsonResponse('The plan, most urgent first', RestockPlanSchema),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const plan = await sw.restock.plan(c.get('actor'), {
        location: q.location,
        supplier: q.supplier,
        sku: q.sku,
        alert: q.alert,
        mode: q.mode,
        heldBack: q.heldBack,
        onlyOrders: q.onlyOrders === 'true',
        limit: q.limit,
        asOf: q.asOf,
      });
      return c.json(plan, 200);
    },
  );

  app.openapi(
    securedRoute({
      method: 'put',
      path: '/settings/{sku}',
      tags: ['Restock'],
      summary: 'Planning settings of a SKU: service level, review period, cover band',
      request: {
        params: z.object({ sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }) }),
        headers: IdempotencyHeaderSchema,
        ...jsonBody(RestockSettingsSchema),
      },
      responses: {
        200: jsonResponse('Saved', RestockSettingsSchema.extend({ sku: z.string() })),
      },
    }),
    async (c) =>
      c.json(
        await sw.restock.updateSettings(c.get('actor'), c.req.valid('param').sku, c.req.valid('json')),
        200,
      ),
  );
  return app;
}
