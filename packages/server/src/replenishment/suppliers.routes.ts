import { z } from '@hono/zod-openapi';
import { SkuSchema } from '../http/common.schema';
import {
  ScorecardSchema,
  SupplierCodeSchema,
  SupplierCreateSchema,
  SupplierBillsQuerySchema,
  SupplierBillsSchema,
  SupplierListQuerySchema,
  SupplierProductSchema,
  SupplierProductUpsertSchema,
  SupplierSchema,
  SupplierUpdateSchema,
} from './suppliers.schema';
import type { Stockwise } from '../stockwise';
import {
  itemsOf,
  json,
  jsonResponse,
  newRouter,
  operations,
  type Router,
  securedRoute,
} from '../http/router';

const CodeParam = z.object({ code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) });
const CodeSkuParam = z.object({
  code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
  sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }),
});
const tags = ['Suppliers'];
const op = operations(tags);

export function suppliersRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/',
      'List suppliers (with lead times learned from receipts)',
      SupplierListQuerySchema,
      jsonResponse('Suppliers', itemsOf(SupplierSchema)),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const items = await sw.suppliers.list(c.get('actor'), {
        search: q.q,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    op.create('/', 'Create a supplier', SupplierCreateSchema, jsonResponse('Created', SupplierSchema)),
    async (c) => c.json(await sw.suppliers.create(c.get('actor'), c.req.valid('json')), 201),
  );

  // Before /{code}, which would otherwise take "bills" for a supplier code.
  app.openapi(
    op.query(
      '/bills',
      "Bills due to every supplier: unpaid purchase orders, due on first receipt (else sending) + the order's payment terms, soonest first",
      SupplierBillsQuerySchema,
      jsonResponse('Bills due', SupplierBillsSchema),
    ),
    async (c) => c.json(await sw.suppliers.bills(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    op.read('/{code}', 'Get a supplier', CodeParam, jsonResponse('The supplier', SupplierSchema)),
    async (c) => c.json(await sw.suppliers.get(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    op.change(
      '/{code}',
      'Change a supplier',
      { method: 'patch', params: CodeParam, body: SupplierUpdateSchema },
      jsonResponse('Updated', SupplierSchema),
    ),
    async (c) =>
      c.json(await sw.suppliers.update(c.get('actor'), c.req.valid('param').code, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'delete',
      path: '/{code}',
      tags,
      summary: 'Delete a supplier (one with purchase orders is deactivated instead)',
      request: { params: CodeParam },
      responses: {
        200: {
          description: 'Deleted or deactivated',
          ...json(z.object({ deleted: z.boolean(), deactivated: z.boolean() })),
        },
      },
    }),
    async (c) => c.json(await sw.suppliers.remove(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    op.read(
      '/{code}/scorecard',
      'Supplier scorecard: on-time rate, lead-time variance, fill rate, open orders, bills due',
      CodeParam,
      jsonResponse('Scorecard', ScorecardSchema),
    ),
    async (c) => c.json(await sw.suppliers.scorecard(c.get('actor'), c.req.valid('param').code), 200),
  );
  supplierTermsRoutes(app, sw);
  return app;
}

/** The supplier's terms per SKU (MOQ, case pack, unit cost, price breaks). */
function supplierTermsRoutes(app: Router, sw: Stockwise) {
  app.openapi(
    op.read(
      '/{code}/products',
      "The supplier's terms per SKU (MOQ, case pack, unit cost, price breaks)",
      CodeParam,
      jsonResponse('Terms', itemsOf(SupplierProductSchema)),
    ),
    async (c) =>
      c.json({ items: await sw.suppliers.listProducts(c.get('actor'), c.req.valid('param').code) }, 200),
  );

  app.openapi(
    op.change(
      '/{code}/products/{sku}',
      "Set the supplier's terms for a SKU",
      { method: 'put', params: CodeSkuParam, body: SupplierProductUpsertSchema },
      jsonResponse('Saved', SupplierProductSchema),
    ),
    async (c) =>
      c.json(
        await sw.suppliers.upsertProduct(c.get('actor'), c.req.valid('param'), c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    securedRoute({
      method: 'delete',
      path: '/{code}/products/{sku}',
      tags,
      summary: "Remove the supplier's terms for a SKU",
      request: { params: CodeSkuParam },
      responses: {
        200: jsonResponse('Removed', z.object({ removed: z.boolean() })),
      },
    }),
    async (c) => {
      await sw.suppliers.removeProduct(c.get('actor'), c.req.valid('param'));
      return c.json({ removed: true }, 200);
    },
  );
}
