import {
  AmazonScoreCreateSchema,
  AmazonScoreSchema,
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
import { jsonBody, jsonResponse, section, securedRoute } from '../http/router';

const tags = ['Inventory health'];

export function healthRoutes(sw: Stockwise) {
  const { app, op, serve } = section(tags);

  serve(
    op.query(
      '/ipi',
      'IPI proxy (0–1000) from excess %, sell-through, stranded % and in-stock rate, each explained with its band and the SKUs dragging it down',
      AsOfQuerySchema,
      jsonResponse('The proxy', IpiSchema),
    ),
    (actor, { query }) => sw.health.ipi(actor, { asOf: query.asOf }),
  );

  serve(
    op.query(
      '/ipi/history',
      'The proxy week by week, with the real Amazon scores the seller entered',
      IpiHistoryQuerySchema,
      jsonResponse('History', IpiHistorySchema),
    ),
    (actor, { query }) => sw.health.history(actor, { weeks: query.weeks }),
  );

  serve(
    op.create(
      '/ipi/amazon-scores',
      'Record the real IPI shown in Seller Central on a date',
      AmazonScoreCreateSchema,
      jsonResponse('Stored', AmazonScoreSchema),
    ),
    (actor, { json }) => sw.health.addAmazonScore(actor, json),
  );

  serve(
    securedRoute({
      method: 'post',
      path: '/what-if',
      tags,
      summary: 'What the proxy becomes if you remove units, restock a SKU or fix listings (changes nothing)',
      request: jsonBody(WhatIfSchema),
      responses: { 200: jsonResponse('Before and after', WhatIfResultSchema) },
    }),
    (actor, { json }) => sw.health.whatIf(actor, json),
  );

  serve(
    op.query(
      '/skus',
      'Health factors per SKU (excess, sell-through, stranded, in-stock days), a page at a time',
      SkuFactorsQuerySchema,
      jsonResponse('A page', SkuFactorsPageSchema),
    ),
    (actor, { query }) => sw.health.skuFactors(actor, query),
  );

  return app;
}
