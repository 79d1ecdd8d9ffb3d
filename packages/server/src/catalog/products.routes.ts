import { z } from '@hono/zod-openapi';
import { TextSchema } from '../http/common.schema';
import {
  ProductCreateSchema,
  ProductListQuerySchema,
  ProductPageSchema,
  ProductSchema,
  ProductUpdateSchema,
} from './catalog.schema';
import type { Stockwise } from '../stockwise';
import { jsonResponse, newRouter, operations, securedRoute } from '../http/router';

const op = operations(['Catalog']);

const SkuParam = z.object({
  sku: TextSchema(100)
    .min(1)
    .openapi({ param: { name: 'sku', in: 'path' }, example: 'MUG-1' }),
});

export function productsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/',
      'List products',
      ProductListQuerySchema,
      jsonResponse('A page of products', ProductPageSchema),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const page = await sw.catalog.listProducts(c.get('actor'), {
        limit: q.limit,
        cursor: q.cursor,
        sort: q.sort,
        order: q.order,
        search: q.q,
        category: q.category,
        listingStatus: q.listingStatus,
        replenishable: q.replenishable === undefined ? undefined : q.replenishable === 'true',
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    op.create('/', 'Create a product', ProductCreateSchema, jsonResponse('Created', ProductSchema)),
    async (c) => c.json(await sw.catalog.createProduct(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/lookup',
      tags: ['Catalog'],
      summary: 'Find a product by barcode (GTIN or internal), FNSKU, ASIN or SKU',
      request: { query: z.object({ code: TextSchema(100).min(1) }) },
      responses: { 200: jsonResponse('The product', ProductSchema) },
    }),
    async (c) => c.json(await sw.catalog.lookupByCode(c.get('actor'), c.req.valid('query').code), 200),
  );

  app.openapi(
    op.read('/{sku}', 'Get a product by SKU', SkuParam, jsonResponse('The product', ProductSchema)),
    async (c) => c.json(await sw.catalog.getProduct(c.get('actor'), c.req.valid('param').sku), 200),
  );

  app.openapi(
    op.change(
      '/{sku}',
      'Change a product',
      { method: 'patch', params: SkuParam, body: ProductUpdateSchema },
      jsonResponse('Updated', ProductSchema),
    ),
    async (c) =>
      c.json(
        await sw.catalog.updateProduct(c.get('actor'), c.req.valid('param').sku, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
