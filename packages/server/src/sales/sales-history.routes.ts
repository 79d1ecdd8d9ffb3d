import { z } from '@hono/zod-openapi';
import type { Stockwise } from '../stockwise';
import { jsonResponse, section } from '../http/router';
import { NonStockRuleSchema, SalesHistoryQuerySchema, SalesHistorySchema } from './sales-history.schema';

export function salesHistoryRoutes(sw: Stockwise) {
  const { op, app, serve } = section(['Sales history']);
  serve(
    op.query(
      '/history',
      'Daily units and revenue per SKU as forecasting reads them: the imported sales history (net of returns and cancellations) plus the ledger’s shipments; non-stock codes left out; with totals',
      SalesHistoryQuerySchema,
      jsonResponse('Per SKU, its days with sales, and the totals', SalesHistorySchema),
    ),
    (actor, { query }) => sw.salesHistory.history(actor, query),
  );
  serve(
    op.list(
      '/non-stock-rule',
      'The codes a sales history import treats as non-stock (postage, fees, vouchers): kept out of demand and restock',
      jsonResponse('The rule (the default when never set)', NonStockRuleSchema),
    ),
    (actor) => sw.salesHistory.nonStockRule(actor),
  );
  serve(
    op.change(
      '/non-stock-rule',
      'Replace the non-stock rule (whole codes and prefixes, any case)',
      { method: 'put', params: z.object({}), body: NonStockRuleSchema },
      jsonResponse('Saved', NonStockRuleSchema),
    ),
    (actor, { json }) => sw.salesHistory.setNonStockRule(actor, json),
  );
  return app;
}
