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
    summary: z.record(z.string(), z.unknown()).openapi({
      description:
        'profit: `totals` of the whole report (every SKU of the period, however many pages it takes; on the first page, the one without a cursor), one per currency in currency order ({ currency, unitsSold, revenue, cogs, fees, refunds, reimbursements, storageFees, inboundShipping, profit, margin, roi, storageFeePercentOfRevenue, mixedCurrencies, withoutFeeTable }) — never one sum over currencies; margin, ROI and storage % are null where a SKU’s revenue and costs are in different currencies (mixedCurrencies); fee estimates are each Amazon location’s marketplace’s table’s, in its currency, and where a marketplace has no fee table (withoutFeeTable; a row’s `without-fee-table`) its fees, profit and ratios are null (unknown, never 0); with `convertTo` and `rates`, also `converted`: { total (the same fields, every currency’s money converted into convertTo and added, ratios on the sums; null when a currency has no rate), rates, missingRates }',
    }),
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

const CapacityMonthSchema = z.object({
  month: z.number().int(),
  usedCubicFeet: z.number(),
  utilisation: z.number().nullable(),
  overageFee: z.number(),
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
    summary: z.object({
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
    }),
  })
  .openapi('StorageOverview');
