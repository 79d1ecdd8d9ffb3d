import { z } from '@hono/zod-openapi';
import { SkuSchema } from '../http/common.schema';
import { ProjectionParamsSchema, ProjectionQuerySchema, ProjectionSchema } from './projection.schema';
import { CONTENT_TYPES } from '../reports/report-writers';
import { reportDownload } from '../reports/report-http';
import {
  RestockExportSchema,
  RestockPlanSchema,
  RestockQuerySchema,
  RestockSettingsSchema,
} from './restock.schema';
import type { Stockwise } from '../stockwise';
import { SupplierCostsSchema } from './suppliers.schema';
import {
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  type Router,
  section,
  securedRoute,
} from '../http/router';

export function restockRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Restock']);

  serve(
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

  restockExportRoute(app, sw);

  const SkuParam = z.object({ sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }) });
  app.openapi(
    op.read(
      '/settings/{sku}',
      "Planning settings of a SKU as stored: null (or false) where it follows the account's defaults",
      SkuParam,
      jsonResponse('The settings', RestockSettingsSchema.required().extend({ sku: z.string() })),
    ),
    async (c) => c.json(await sw.restock.settings(c.get('actor'), c.req.valid('param').sku), 200),
  );

  serve(
    securedRoute({
      method: 'put',
      path: '/settings/{sku}',
      tags: ['Restock'],
      summary: 'Planning settings of a SKU: service level, review period, cover band',
      request: {
        params: SkuParam,
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
    op.list(
      '/cost-defaults',
      "The account's ordering and shipping terms (null = the product's default)",
      jsonResponse('The terms', SupplierCostsSchema),
    ),
    (actor) => sw.restock.costDefaults(actor),
  );

  serve(
    op.submit(
      '/cost-defaults',
      "Set the account's ordering and shipping terms; a field left out is kept, null clears it",
      { method: 'put', body: SupplierCostsSchema.partial() },
      jsonResponse('Saved', SupplierCostsSchema),
    ),
    (actor, { json }) => sw.restock.updateCostDefaults(actor, json),
  );

  serve(
    op.view(
      '/projection/{sku}',
      'Stock projection of a SKU at a location, day by day: available + dated arrivals (open orders, the recommended order) − forecast, with 80/95% bands, cover lines, stock-out date',
      { params: ProjectionParamsSchema, query: ProjectionQuerySchema },
      jsonResponse('The projection', ProjectionSchema),
    ),
    (actor, { param, query: q }) =>
      sw.projection.project(actor, param.sku, {
        location: q.location,
        mode: q.mode,
        days: q.days,
      }),
  );
  return app;
}

/** POST /restock/export: the planner's shown rows as an Excel workbook. */
function restockExportRoute(app: Router, sw: Stockwise): void {
  app.openapi(
    securedRoute({
      method: 'post',
      path: '/export',
      tags: ['Restock'],
      summary:
        'The planner’s rows as shown (headers and cells from the dashboard) as an Excel workbook, streamed; text cells are stored as text, never as formulas',
      request: jsonBody(RestockExportSchema),
      responses: {
        200: {
          description: 'The workbook',
          content: { [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
        },
      },
    }),
    (c) => {
      const body = sw.restock.exportWorkbook(c.get('actor'), c.req.valid('json'));
      return reportDownload(c, 'xlsx', 'restock-plan', body);
    },
  );
}
