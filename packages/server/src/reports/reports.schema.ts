import { z } from '@hono/zod-openapi';
import { IsoDateSchema, LocationCodeSchema, MonthSchema, SkuSchema } from '../http/common.schema';
import { conversionQueryFields, convertedSchema } from './conversion';

export const REPORT_KINDS = [
  'inventory',
  'inventory-age',
  'excess',
  'stranded',
  'storage',
  'profit',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportParam = z.object({
  kind: z.enum(REPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'inventory-age' }),
});

export const ReportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  asOf: IsoDateSchema.optional(),
  month: MonthSchema.optional().openapi({
    description: 'storage: the month charged (default the month of asOf)',
  }),
  from: IsoDateSchema.optional().openapi({ description: 'profit: first day (default 30 days before asOf)' }),
  to: IsoDateSchema.optional().openapi({ description: 'profit: day after the last (default asOf)' }),
  location: LocationCodeSchema.optional().openapi({
    description:
      'inventory-age, storage, stranded, excess: one location’s code (default: every Amazon location). Ages are the location’s network’s: Amazon’s (since arrival at Amazon) or the seller’s (since receipt)',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(500)
    .openapi({ description: 'json: rows per page (downloads hold every row)' }),
  cursor: SkuSchema.optional().openapi({ description: 'json: the last SKU of the previous page' }),
  ...conversionQueryFields('profit'),
});

const CapacityMonthSchema = z.object({
  month: z.number().int(),
  usedCubicFeet: z.number(),
  utilisation: z.number().nullable(),
  overageFee: z.number(),
});

/** The storage figures of the whole catalogue: the storage report's summary and the storage overview's. */
const StorageSummarySchema = z.object({
  storageUtilizationRatioWeeks: z.number().nullable(),
  utilizationSurchargeRate: z.number(),
  averageDailyVolumeCubicFeet: z.number(),
  averageDailyShippedVolumeCubicFeet: z.number(),
  capacity: z.array(
    z.object({
      location: z.string(),
      storageType: z.string(),
      currency: z.string().openapi({ description: 'of the overage fee: the location’s fee table’s' }),
      limitCubicFeet: z.number().nullable(),
      months: z.array(CapacityMonthSchema),
    }),
  ),
});

/** The profit report's totals in one currency over the whole period: never one sum over currencies. */
const ProfitTotalSchema = z.object({
  currency: z.string(),
  unitsSold: z.number(),
  revenue: z.number(),
  cogs: z.number(),
  fees: z.number().nullable().openapi({
    description:
      'referral, fulfilment and settled fees; null (unknown, never 0) where a marketplace has no fee table (withoutFeeTable), and so are profit and the ratios',
  }),
  refunds: z.number(),
  reimbursements: z.number(),
  storageFees: z.number().nullable(),
  inboundShipping: z.number().nullable(),
  profit: z.number().nullable(),
  margin: z.number().nullable().openapi({ description: 'profit ÷ revenue' }),
  roi: z.number().nullable().openapi({ description: 'profit ÷ (COGS + inbound shipping)' }),
  storageFeePercentOfRevenue: z.number().nullable().openapi({ description: '1.5 = 1.5 %' }),
  mixedCurrencies: z.boolean().openapi({
    description:
      'some SKU of this currency has revenue and costs in different currencies: margin, ROI and storage % are null',
  }),
  withoutFeeTable: z.array(z.string()).openapi({
    description:
      'marketplaces without a fee table whose fees these figures lack (a row’s `without-fee-table`)',
  }),
});

/** Catalogue-level figures on the first JSON page (the one without a cursor); empty on the others. */
const ReportSummarySchema = StorageSummarySchema.partial()
  .extend({
    totals: z.array(ProfitTotalSchema).optional().openapi({
      description:
        'profit: the totals of the whole report (every SKU of the period, however many pages it takes), one per currency in currency order. Fee estimates are each Amazon location’s marketplace’s table’s, in its currency',
    }),
    converted: convertedSchema(ProfitTotalSchema).optional().openapi({
      description:
        'profit, with `convertTo` and `rates`: total (the same fields, every currency’s money converted into convertTo and added, ratios on the sums; null when a currency has no rate), rates, missingRates',
    }),
    scope: z
      .string()
      .optional()
      .openapi({ description: 'excess: the location code the plan covers, or `amazon`' }),
  })
  .openapi({
    description:
      'storage: the utilisation ratio and each location’s capacity use (as the storage overview’s); profit: `totals` and `converted`; excess: `scope`',
  });

export const ReportSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    asOf: z.string(),
    currency: z.string().openapi({
      description:
        'the currency of the report’s default fee table (the scope’s marketplace’s, else the US table’s); each row that carries money names its own where it may differ (profit: every row and total has its `currency`)',
    }),
    scope: z
      .object({
        network: z.enum(['amazon', 'seller']).nullable(),
        locations: z.array(z.string()),
      })
      .openapi({
        description:
          'the locations the report counts: Amazon’s by default, the one asked for, or every location (network null)',
      }),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    summary: ReportSummarySchema,
    nextCursor: z.string().nullable(),
  })
  .openapi('Report');

export const StorageOverviewQuerySchema = z.object({
  asOf: IsoDateSchema.optional(),
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .default(6)
    .openapi({ description: 'months up to this one (next month is added)' }),
  ...conversionQueryFields('each month'),
});

const StorageTotalSchema = z.object({
  currency: z.string(),
  storageFee: z.number(),
  agedSurcharge: z.number(),
});

export const StorageOverviewSchema = z
  .object({
    asOf: z.string(),
    currencies: z.array(z.string()).openapi({
      description:
        'the currencies of the fee tables that price the Amazon locations (docs/fees.md): money is summed per currency, never across them',
    }),
    withoutFeeTable: z.array(z.string()).openapi({
      description:
        'Amazon marketplaces in scope with no fee table (docs/fees.md): their fees are unknown and left out of every figure',
    }),
    months: z.array(
      z.object({
        month: z.string(),
        basis: z.enum(['past', 'current', 'next']),
        fees: z.array(
          z.object({
            storageType: z.string(),
            currency: z.string(),
            storageFee: z.number(),
            agedSurcharge: z.number(),
          }),
        ),
        totals: z
          .array(StorageTotalSchema)
          .openapi({ description: 'the month’s fees per currency, in currency order' }),
        converted: convertedSchema(StorageTotalSchema).optional().openapi({
          description:
            'with convertTo and rates: the month’s fees of every currency converted into convertTo and added (the domain’s convertByTable, docs/fees.md); total null and the currency named in missingRates when one has no rate',
        }),
      }),
    ),
    summary: StorageSummarySchema,
  })
  .openapi('StorageOverview');
