import { z } from '@hono/zod-openapi';
import { SkuSchema } from '../http/common.schema';
import { ProjectionParamsSchema, ProjectionQuerySchema, ProjectionSchema } from './projection.schema';
import { RestockPlanSchema, RestockQuerySchema, RestockSettingsSchema } from './restock.schema';
import type { Stockwise } from '../stockwise';
import { SupplierCostsSchema } from './suppliers.schema';
import {
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
  serve,
} from '../http/router';

const op = operations(['Restock']);

export function restockRoutes(sw: Stockwise) {
  const app = newRouter();

  serve(
    app,
    op.query(
      '/',
      'Restock recommendations per SKU × location: quantity, order-by and ship dates, alert, reasoning; fitted to storage capacity',
      RestockQuerySchema,
      jsonResponse('The plan, most urgent first', RestockPlanSchema),
    ),
    async (actor, { query: q }) => {
      const plan = await sw.restock.plan(actor, {
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
      return plan;
    },
  );

  serve(
    app,
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
    (actor, { param, json }) => sw.restock.updateSettings(actor, param.sku, json),
  );
  serve(
    app,
    op.list(
      '/cost-defaults',
      "The account's ordering and shipping terms (null = the product's default)",
      jsonResponse('The terms', SupplierCostsSchema),
    ),
    (actor) => sw.restock.costDefaults(actor),
  );

  serve(
    app,
    securedRoute({
      method: 'put',
      path: '/cost-defaults',
      tags: ['Restock'],
      summary: "Set the account's ordering and shipping terms; a field left out is kept, null clears it",
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(SupplierCostsSchema.partial()) },
      responses: { 200: jsonResponse('Saved', SupplierCostsSchema) },
    }),
    (actor, { json }) => sw.restock.updateCostDefaults(actor, json),
  );

  serve(
    app,
    securedRoute({
      method: 'get',
      path: '/projection/{sku}',
      tags: ['Restock'],
      summary:
        'Stock projection of a SKU at a location, day by day: available + dated arrivals (open orders, the recommended order) − forecast, with 80/95% bands, cover lines, stock-out date',
      request: { params: ProjectionParamsSchema, query: ProjectionQuerySchema },
      responses: { 200: jsonResponse('The projection', ProjectionSchema) },
    }),
    (actor, { param, query: q }) =>
      sw.projection.project(actor, param.sku, {
        location: q.location,
        mode: q.mode,
        days: q.days,
      }),
  );
  return app;
}
