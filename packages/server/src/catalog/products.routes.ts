import { z } from '@hono/zod-openapi';
import { SkuParam, TextSchema } from '../http/common.schema';
import {
  ProductCreateSchema,
  ProductListQuerySchema,
  ProductPageSchema,
  ProductSchema,
  ProductUpdateSchema,
} from './catalog.schema';
import type { Stockwise } from '../stockwise';
import { jsonResponse, section } from '../http/router';

export function productsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Catalog']);
  const catalog = sw.catalog;
  const product = (description: string) => jsonResponse(description, ProductSchema);

  serve(
    op.query(
      '/',
      'List products',
      ProductListQuerySchema,
      jsonResponse('A page of products', ProductPageSchema),
    ),
    (actor, { query: { q, replenishable, ...rest } }) =>
      catalog.listProducts(actor, {
        ...rest,
        search: q,
        replenishable: replenishable === undefined ? undefined : replenishable === 'true',
      }),
  );
  serve(op.create('/', 'Create a product', ProductCreateSchema, product('Created')), (actor, { json }) =>
    catalog.createProduct(actor, json),
  );
  serve(
    op.query(
      '/lookup',
      'Find a product by barcode (GTIN or internal), FNSKU, ASIN or SKU',
      z.object({ code: TextSchema(100).min(1) }),
      product('The product'),
    ),
    (actor, { query }) => catalog.lookupByCode(actor, query.code),
  );
  serve(op.read('/{sku}', 'Get a product by SKU', SkuParam, product('The product')), (actor, { param }) =>
    catalog.getProduct(actor, param.sku),
  );
  serve(
    op.change(
      '/{sku}',
      'Change a product',
      { method: 'patch', params: SkuParam, body: ProductUpdateSchema },
      product('Updated'),
    ),
    (actor, { param, json }) => catalog.updateProduct(actor, param.sku, json),
  );
  return app;
}
