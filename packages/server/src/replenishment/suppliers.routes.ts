import { createRoute, z } from '@hono/zod-openapi';
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
} from './replenishment.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';

const CodeParam = z.object({ code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) });
const CodeSkuParam = z.object({
  code: SupplierCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
  sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }),
});
const tags = ['Suppliers'];

export function suppliersRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List suppliers (with lead times learned from receipts)',
      security: secured,
      request: { query: SupplierListQuerySchema },
      responses: {
        200: { description: 'Suppliers', ...json(z.object({ items: z.array(SupplierSchema) })) },
        ...problemResponses,
      },
    }),
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
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a supplier',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(SupplierCreateSchema) },
      responses: { 201: { description: 'Created', ...json(SupplierSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.suppliers.create(c.get('actor'), c.req.valid('json')), 201),
  );

  // Before /{code}, which would otherwise take "bills" for a supplier code.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/bills',
      tags,
      summary:
        "Bills due to every supplier: unpaid purchase orders, due on first receipt (else sending) + the order's payment terms, soonest first",
      security: secured,
      request: { query: SupplierBillsQuerySchema },
      responses: { 200: { description: 'Bills due', ...json(SupplierBillsSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.suppliers.bills(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags,
      summary: 'Get a supplier',
      security: secured,
      request: { params: CodeParam },
      responses: { 200: { description: 'The supplier', ...json(SupplierSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.suppliers.get(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{code}',
      tags,
      summary: 'Change a supplier',
      security: secured,
      request: { params: CodeParam, headers: IdempotencyHeaderSchema, ...jsonBody(SupplierUpdateSchema) },
      responses: { 200: { description: 'Updated', ...json(SupplierSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(await sw.suppliers.update(c.get('actor'), c.req.valid('param').code, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{code}',
      tags,
      summary: 'Delete a supplier (one with purchase orders is deactivated instead)',
      security: secured,
      request: { params: CodeParam },
      responses: {
        200: {
          description: 'Deleted or deactivated',
          ...json(z.object({ deleted: z.boolean(), deactivated: z.boolean() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.suppliers.remove(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{code}/scorecard',
      tags,
      summary: 'Supplier scorecard: on-time rate, lead-time variance, fill rate, open orders, bills due',
      security: secured,
      request: { params: CodeParam },
      responses: { 200: { description: 'Scorecard', ...json(ScorecardSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.suppliers.scorecard(c.get('actor'), c.req.valid('param').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{code}/products',
      tags,
      summary: "The supplier's terms per SKU (MOQ, case pack, unit cost, price breaks)",
      security: secured,
      request: { params: CodeParam },
      responses: {
        200: { description: 'Terms', ...json(z.object({ items: z.array(SupplierProductSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json({ items: await sw.suppliers.listProducts(c.get('actor'), c.req.valid('param').code) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{code}/products/{sku}',
      tags,
      summary: "Set the supplier's terms for a SKU",
      security: secured,
      request: {
        params: CodeSkuParam,
        headers: IdempotencyHeaderSchema,
        ...jsonBody(SupplierProductUpsertSchema),
      },
      responses: { 200: { description: 'Saved', ...json(SupplierProductSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(
        await sw.suppliers.upsertProduct(c.get('actor'), c.req.valid('param'), c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{code}/products/{sku}',
      tags,
      summary: "Remove the supplier's terms for a SKU",
      security: secured,
      request: { params: CodeSkuParam },
      responses: {
        200: { description: 'Removed', ...json(z.object({ removed: z.boolean() })) },
        ...problemResponses,
      },
    }),
    async (c) => {
      await sw.suppliers.removeProduct(c.get('actor'), c.req.valid('param'));
      return c.json({ removed: true }, 200);
    },
  );
  return app;
}
