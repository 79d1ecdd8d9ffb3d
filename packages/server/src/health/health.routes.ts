import {
  AmazonScoreCreateSchema,
  IpiHistoryQuerySchema,
  IpiHistorySchema,
  IpiSchema,
  SkuFactorsPageSchema,
  SkuFactorsQuerySchema,
  WhatIfResultSchema,
  WhatIfSchema,
} from './health.schema';
import { AsOfQuerySchema } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
} from '../http/router';
import { z } from '@hono/zod-openapi';

const tags = ['Inventory health'];
const op = operations(tags);

export function healthRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/ipi',
      'IPI proxy (0–1000) from excess %, sell-through, stranded % and in-stock rate, each explained with its band and the SKUs dragging it down',
      AsOfQuerySchema,
      jsonResponse('The proxy', IpiSchema),
    ),
    async (c) => c.json(await sw.health.ipi(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    op.query(
      '/ipi/history',
      'The proxy week by week, with the real Amazon scores the seller entered',
      IpiHistoryQuerySchema,
      jsonResponse('History', IpiHistorySchema),
    ),
    async (c) => c.json(await sw.health.history(c.get('actor'), { weeks: c.req.valid('query').weeks }), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/ipi/amazon-scores',
      tags,
      summary: 'Record the real IPI shown in Seller Central on a date',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(AmazonScoreCreateSchema) },
      responses: {
        201: {
          description: 'Stored',
          ...json(
            z.object({
              id: z.number().int(),
              marketplace: z.string(),
              asOf: z.string(),
              score: z.number().int(),
              note: z.string().nullable(),
            }),
          ),
        },
      },
    }),
    async (c) => c.json(await sw.health.addAmazonScore(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/what-if',
      tags,
      summary: 'What the proxy becomes if you remove units, restock a SKU or fix listings (changes nothing)',
      request: jsonBody(WhatIfSchema),
      responses: { 200: jsonResponse('Before and after', WhatIfResultSchema) },
    }),
    async (c) => c.json(await sw.health.whatIf(c.get('actor'), c.req.valid('json')), 200),
  );

  app.openapi(
    op.query(
      '/skus',
      'Health factors per SKU (excess, sell-through, stranded, in-stock days), a page at a time',
      SkuFactorsQuerySchema,
      jsonResponse('A page', SkuFactorsPageSchema),
    ),
    async (c) => c.json(await sw.health.skuFactors(c.get('actor'), c.req.valid('query')), 200),
  );

  return app;
}
