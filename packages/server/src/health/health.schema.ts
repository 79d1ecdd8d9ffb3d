import { z } from '@hono/zod-openapi';
import { IsoDateSchema, MarketplaceSchema, SkuSchema, TextSchema, strictBody } from '../http/common.schema';

const Band = z.enum(['poor', 'fair', 'good', 'excellent']);

const FactorSchema = z.object({
  value: z.number().nullable(),
  score: z.number().nullable().openapi({ description: 'the factor on its curve, 0–1' }),
  weight: z.number(),
  points: z.number().openapi({ description: 'what the factor adds to the proxy' }),
  maxPoints: z.number(),
  band: Band.nullable(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  draggers: z
    .array(z.object({ sku: z.string(), value: z.number(), units: z.number() }))
    .openapi({ description: 'the SKUs pulling this factor down most' }),
});

export const IpiSchema = z
  .object({
    asOf: z.string(),
    score: z.number().int().min(0).max(1000),
    band: Band,
    warning: z.boolean().openapi({ description: 'below the threshold, where Amazon limits storage' }),
    threshold: z.number().int().openapi({ description: 'the score below which Amazon limits storage (400)' }),
    proxy: z.literal(true).openapi({ description: 'Stockwise’s documented proxy, not Amazon’s score' }),
    formula: z.string(),
    factors: z.object({
      excessPercent: FactorSchema,
      sellThrough: FactorSchema,
      strandedPercent: FactorSchema,
      inStockRate: FactorSchema,
    }),
    totals: z.object({
      skus: z.number(),
      totalUnits: z.number(),
      excessUnits: z.number(),
      strandedUnits: z.number(),
      unitsShipped90: z.number(),
      averageOnHand90: z.number(),
    }),
    amazonScore: z
      .object({ score: z.number().int(), asOf: z.string(), marketplace: z.string() })
      .nullable()
      .openapi({ description: 'the latest real score the seller entered' }),
  })
  .openapi('Ipi');

export const IpiHistoryQuerySchema = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) });
/** A real IPI score the seller entered from Seller Central. */
export const AmazonScoreSchema = z.object({
  id: z.number().int(),
  asOf: z.string(),
  marketplace: z.string(),
  score: z.number().int(),
  note: z.string().nullable(),
});

export const IpiHistorySchema = z
  .object({
    weeks: z.array(
      z.object({
        week: z.string(),
        asOf: z.string(),
        score: z.number().int(),
        factors: z.record(z.string(), z.number().nullable()),
        source: z.enum(['stored', 'computed']),
      }),
    ),
    amazonScores: z.array(AmazonScoreSchema),
  })
  .openapi('IpiHistory');

export const AmazonScoreCreateSchema = strictBody('AmazonScoreCreate', {
  score: z.number().int().min(0).max(1000),
  asOf: IsoDateSchema,
  marketplace: MarketplaceSchema.default('US'),
  note: TextSchema(500).optional(),
});

export const WhatIfSchema = strictBody('WhatIfRequest', {
  asOf: IsoDateSchema.optional(),
  actions: z
    .array(
      z.discriminatedUnion('kind', [
        z
          .object({ kind: z.literal('remove'), sku: SkuSchema, units: z.number().int().min(1).max(1e9) })
          .strict(),
        z
          .object({ kind: z.literal('restock'), sku: SkuSchema, units: z.number().int().min(1).max(1e9) })
          .strict(),
        z.object({ kind: z.literal('fixListing'), sku: SkuSchema }).strict(),
      ]),
    )
    .min(1)
    .max(500),
});
export type WhatIfRequest = z.infer<typeof WhatIfSchema>;

export const WhatIfResultSchema = z
  .object({
    asOf: z.string(),
    before: z.object({ score: z.number().int(), factors: z.record(z.string(), z.number().nullable()) }),
    after: z.object({ score: z.number().int(), factors: z.record(z.string(), z.number().nullable()) }),
    change: z.number().int(),
    explanation: z.string(),
  })
  .openapi('WhatIfResult');

export const SkuFactorsQuerySchema = z.object({
  asOf: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: SkuSchema.optional().openapi({ description: 'the last SKU of the previous page' }),
});

export const SkuFactorsPageSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        sku: z.string(),
        onHand: z.number(),
        inbound: z.number(),
        dailyDemand: z.number(),
        demandSource: z.string(),
        daysOfSupply: z.number().nullable(),
        excessUnits: z.number(),
        unitsShipped90: z.number(),
        averageOnHand90: z.number(),
        sellThrough: z.number().nullable(),
        listingStatus: z.string(),
        strandedUnits: z.number(),
        replenishable: z.boolean(),
        inStockDays30: z.number(),
        unitsSold60: z.number(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('SkuHealthPage');
