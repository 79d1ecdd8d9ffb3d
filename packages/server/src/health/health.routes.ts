import { createRoute } from '@hono/zod-openapi';
import {
  AmazonScoreCreateSchema,
  AsOfQuerySchema,
  IpiHistoryQuerySchema,
  IpiHistorySchema,
  IpiSchema,
  SkuFactorsPageSchema,
  SkuFactorsQuerySchema,
  WhatIfResultSchema,
  WhatIfSchema,
} from './health.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';
import { z } from '@hono/zod-openapi';

const tags = ['Inventory health'];

export function healthRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/ipi',
      tags,
      summary:
        'IPI proxy (0–1000) from excess %, sell-through, stranded % and in-stock rate, each explained with its band and the SKUs dragging it down',
      security: secured,
      request: { query: AsOfQuerySchema },
      responses: { 200: { description: 'The proxy', ...json(IpiSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.health.ipi(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/ipi/history',
      tags,
      summary: 'The proxy week by week, with the real Amazon scores the seller entered',
      security: secured,
      request: { query: IpiHistoryQuerySchema },
      responses: { 200: { description: 'History', ...json(IpiHistorySchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.health.history(c.get('actor'), { weeks: c.req.valid('query').weeks }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/ipi/amazon-scores',
      tags,
      summary: 'Record the real IPI shown in Seller Central on a date',
      security: secured,
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
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.health.addAmazonScore(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/what-if',
      tags,
      summary: 'What the proxy becomes if you remove units, restock a SKU or fix listings (changes nothing)',
      security: secured,
      request: jsonBody(WhatIfSchema),
      responses: {
        200: { description: 'Before and after', ...json(WhatIfResultSchema) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.health.whatIf(c.get('actor'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/skus',
      tags,
      summary: 'Health factors per SKU (excess, sell-through, stranded, in-stock days), a page at a time',
      security: secured,
      request: { query: SkuFactorsQuerySchema },
      responses: { 200: { description: 'A page', ...json(SkuFactorsPageSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.health.skuFactors(c.get('actor'), c.req.valid('query')), 200),
  );

  return app;
}
