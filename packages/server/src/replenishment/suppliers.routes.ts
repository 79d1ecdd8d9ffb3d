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
import { itemsOf, json, jsonResponse, section, type Section, securedRoute, serveItem } from '../http/router';

const CodeParam = z.object({ code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) });
const CodeSkuParam = z.object({
  code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
  sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }),
});
const tags = ['Suppliers'];

export function suppliersRoutes(sw: Stockwise) {
  const routes = section(tags);
  const { app, op, serve } = routes;

  serve(
    op.query(
      '/',
      'List suppliers (with lead times learned from receipts)',
      SupplierListQuerySchema,
      jsonResponse('Suppliers', itemsOf(SupplierSchema)),
    ),
    async (actor, { query: q }) => {
      const items = await sw.suppliers.list(actor, {
        search: q.q,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return { items };
    },
  );

  serve(
    op.create('/', 'Create a supplier', SupplierCreateSchema, jsonResponse('Created', SupplierSchema)),
    (actor, { json }) => sw.suppliers.create(actor, json),
  );

  // Before /{code}, which would otherwise take "bills" for a supplier code.
  serve(
    op.query(
      '/bills',
      "Bills due to every supplier: unpaid purchase orders, due on first receipt (else sending) + the order's payment terms, soonest first",
      SupplierBillsQuerySchema,
      jsonResponse('Bills due', SupplierBillsSchema),
    ),
    (actor, { query }) => sw.suppliers.bills(actor, { asOf: query.asOf }),
  );

  serveItem(routes, {
    path: '/{code}',
    params: CodeParam,
    key: 'code',
    schema: SupplierSchema,
    patch: SupplierUpdateSchema,
    service: sw.suppliers,
    read: { doc: 'Get a supplier', ok: 'The supplier' },
    change: { doc: 'Change a supplier', ok: 'Updated' },
  });

  serve(
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
    (actor, { param }) => sw.suppliers.remove(actor, param.code),
  );

  serve(
    op.read(
      '/{code}/scorecard',
      'Supplier scorecard: on-time rate, lead-time variance, fill rate, open orders, bills due',
      CodeParam,
      jsonResponse('Scorecard', ScorecardSchema),
    ),
    (actor, { param }) => sw.suppliers.scorecard(actor, param.code),
  );
  supplierTermsRoutes(routes, sw);
  return app;
}

/** The supplier's terms per SKU (MOQ, case pack, unit cost, price breaks). */
function supplierTermsRoutes({ app, op, serve }: Section, sw: Stockwise) {
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

  serve(
    op.change(
      '/{code}/products/{sku}',
      "Set the supplier's terms for a SKU",
      { method: 'put', params: CodeSkuParam, body: SupplierProductUpsertSchema },
      jsonResponse('Saved', SupplierProductSchema),
    ),
    (actor, { param, json }) => sw.suppliers.upsertProduct(actor, param, json),
  );

  serve(
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
    async (actor, { param }) => {
      await sw.suppliers.removeProduct(actor, param);
      return { removed: true };
    },
  );
}
