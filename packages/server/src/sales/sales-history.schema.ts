import { z } from '@hono/zod-openapi';
import { NON_STOCK_RULE_LIMITS } from '@stockwise/domain/imports/sales-history';
import { IsoDateSchema, LocationCodeSchema, SkuSchema, strictBody } from '../http/common.schema';

export const SalesHistoryQuerySchema = z.object({
  sku: SkuSchema.optional().openapi({ description: 'one SKU; omitted = every SKU with sales' }),
  from: IsoDateSchema.optional().openapi({ description: 'first day (default: a year before `to`)' }),
  to: IsoDateSchema.optional().openapi({ description: 'last day, inclusive (default: today, UTC)' }),
  location: LocationCodeSchema.optional().openapi({ description: 'one location; omitted = all' }),
});

const Day = z.object({ date: z.string(), units: z.number().int(), revenue: z.number() });

export const SalesHistorySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    location: z.string().nullable(),
    skus: z.array(
      z.object({
        sku: z.string(),
        units: z.number().int(),
        revenue: z.number(),
        days: z.array(Day).openapi({
          description:
            'days with sales or returns (net units; a day not listed sold nothing). Forecasting reads these, a negative day as 0',
        }),
      }),
    ),
    totals: z.object({
      skus: z.number().int(),
      days: z.number().int(),
      units: z.number().int(),
      revenue: z.number(),
    }),
  })
  .openapi('SalesHistory');

const Entry = z.string().trim().min(1).max(NON_STOCK_RULE_LIMITS.length);

export const NonStockRuleSchema = strictBody('NonStockRule', {
  codes: z.array(Entry).max(NON_STOCK_RULE_LIMITS.entries).openapi({
    description: 'whole codes, any case (POST, DOT, BANK CHARGES, AMAZONFEE, …)',
  }),
  prefixes: z.array(Entry).max(NON_STOCK_RULE_LIMITS.entries).openapi({
    description: 'code prefixes, any case (gift_0001_ …)',
  }),
});
