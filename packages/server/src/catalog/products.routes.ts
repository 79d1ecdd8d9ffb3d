import { createRoute, z } from '@hono/zod-openapi';
import { TextSchema } from '../http/common.schema';
import {
  ProductCreateSchema,
  ProductListQuerySchema,
  ProductPageSchema,
  ProductSchema,
  ProductUpdateSchema,
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

const SkuParam = z.object({
  sku: TextSchema(100)
    .min(1)
    .openapi({ param: { name: 'sku', in: 'path' }, example: 'MUG-1' }),
});

export function productsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Catalog'],
      summary: 'List products',
      security: secured,
      request: { query: ProductListQuerySchema },
      responses: {
        200: { description: 'A page of products', ...json(ProductPageSchema) },
        ...problemResponses,
      },
    }),
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
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Catalog'],
      summary: 'Create a product',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(ProductCreateSchema) },
      responses: { 201: { description: 'Created', ...json(ProductSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.catalog.createProduct(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/lookup',
      tags: ['Catalog'],
      summary: 'Find a product by barcode (GTIN or internal), FNSKU, ASIN or SKU',
      security: secured,
      request: { query: z.object({ code: TextSchema(100).min(1) }) },
      responses: { 200: { description: 'The product', ...json(ProductSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.catalog.lookupByCode(c.get('actor'), c.req.valid('query').code), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{sku}',
      tags: ['Catalog'],
      summary: 'Get a product by SKU',
      security: secured,
      request: { params: SkuParam },
      responses: { 200: { description: 'The product', ...json(ProductSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.catalog.getProduct(c.get('actor'), c.req.valid('param').sku), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{sku}',
      tags: ['Catalog'],
      summary: 'Change a product',
      security: secured,
      request: { params: SkuParam, headers: IdempotencyHeaderSchema, ...jsonBody(ProductUpdateSchema) },
      responses: { 200: { description: 'Updated', ...json(ProductSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(
        await sw.catalog.updateProduct(c.get('actor'), c.req.valid('param').sku, c.req.valid('json')),
        200,
      ),
  );

  return app;
}
