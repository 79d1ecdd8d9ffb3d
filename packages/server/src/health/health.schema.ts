import { z } from '@hono/zod-openapi';
import { SkuSchema, TextSchema } from '../http/common.schema';

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  )
  .openapi({ example: '2025-07-01' });

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .openapi({ example: '2025-07' });

export const MarketplaceSchema = z
  .string()
  .regex(/^[A-Z]{2,5}$/, 'a marketplace code such as US')
  .openapi({ example: 'US' });

const Rate = z.number().min(0).max(1e6);

/** A fee schedule as stored and edited (docs/formulas.md): every rate a seller may need to change. */
export const FeeScheduleBodySchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    storage: z
      .object({
        standard: z.object({ offPeak: Rate, peak: Rate }).strict(),
        oversize: z.object({ offPeak: Rate, peak: Rate }).strict(),
      })
      .strict(),
    peakMonths: z.array(z.number().int().min(1).max(12)).max(12),
    agedSurchargeDay: z.number().int().min(1).max(28),
    agedSurcharge: z
      .array(
        z
          .object({
            minDays: z.number().int().min(0).max(10_000),
            maxDays: z.number().int().min(0).max(10_000).nullable(),
            perCubicFoot: Rate,
            perUnit: Rate,
          })
          .strict(),
      )
      .max(30),
    utilizationSurcharge: z
      .array(z.object({ minWeeks: z.number().min(0).max(1000), perCubicFoot: Rate }).strict())
      .max(30),
    capacityOveragePerCubicFoot: Rate,
    referralRate: z.number().min(0).max(1),
    fulfilment: z
      .array(
        z
          .object({
            sizeTier: z.enum(['small_standard', 'large_standard', 'large_bulky', 'extra_large']),
            maxWeightLb: z.number().min(0).max(10_000).nullable(),
            fee: Rate,
            perLbAbove: Rate,
            baseWeightLb: z.number().min(0).max(10_000),
          })
          .strict(),
      )
      .max(100),
    inboundPerCubicFoot: Rate,
    removalPerUnit: Rate,
    disposalPerUnit: Rate,
    liquidationPerUnit: Rate,
    liquidationRecoveryRate: z.number().min(0).max(1),
    otherVariablePerUnit: Rate,
  })
  .strict();

export const FeeScheduleCreateSchema = FeeScheduleBodySchema.partial()
  .extend({
    marketplace: MarketplaceSchema,
    effectiveFrom: IsoDateSchema,
    copyFrom: z.number().int().positive().optional().openapi({
      description:
        'start from this schedule (default: the one in force on effectiveFrom); given fields override it',
    }),
  })
  .strict()
  .openapi('FeeScheduleCreate');
export type FeeScheduleCreate = z.infer<typeof FeeScheduleCreateSchema>;

export const FeeScheduleUpdateSchema = FeeScheduleBodySchema.partial().strict().openapi('FeeScheduleUpdate');
export type FeeScheduleUpdate = z.infer<typeof FeeScheduleUpdateSchema>;

export const FeeScheduleSchema = FeeScheduleBodySchema.extend({
  id: z.number().int(),
  marketplace: z.string(),
  effectiveFrom: z.string(),
  source: z.enum(['default', 'account']).openapi({
    description: 'default rows ship with Stockwise and are read-only; create an account row to change them',
  }),
  updatedAt: z.string(),
}).openapi('FeeSchedule');
export type FeeScheduleDto = z.infer<typeof FeeScheduleSchema>;

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const AsOfQuerySchema = z.object({
  asOf: IsoDateSchema.optional().openapi({
    description: 'the date (UTC) the figures are for; default today',
  }),
});

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
    warning: z.boolean().openapi({ description: 'below 400, where Amazon limits storage' }),
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
    amazonScores: z.array(
      z.object({
        id: z.number().int(),
        asOf: z.string(),
        marketplace: z.string(),
        score: z.number().int(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('IpiHistory');

export const AmazonScoreCreateSchema = z
  .object({
    score: z.number().int().min(0).max(1000),
    asOf: IsoDateSchema,
    marketplace: MarketplaceSchema.default('US'),
    note: TextSchema(500).optional(),
  })
  .strict()
  .openapi('AmazonScoreCreate');

export const WhatIfSchema = z
  .object({
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
  })
  .strict()
  .openapi('WhatIfRequest');
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
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(500)
    .openapi({ description: 'json: rows per page (downloads hold every row)' }),
  cursor: SkuSchema.optional().openapi({ description: 'json: the last SKU of the previous page' }),
});

export const ReportSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    asOf: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    summary: z.record(z.string(), z.unknown()),
    nextCursor: z.string().nullable(),
  })
  .openapi('Report');

export const ALERT_KINDS = [
  'low_stock',
  'stock_out',
  'reorder_now',
  'aging',
  'excess',
  'stranded',
  'capacity',
  'supplier_bill_due',
  'ipi_low',
] as const;

export const AlertSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    severity: z.enum(['info', 'warning', 'critical']),
    sku: z.string().nullable(),
    location: z.string().nullable(),
    title: z.string(),
    details: z.record(z.string(), z.unknown()),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    snoozedUntil: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    notifiedAt: z.string().nullable(),
  })
  .openapi('Alert');
export type AlertDto = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = z.object({
  status: z
    .enum(['active', 'open', 'acknowledged', 'resolved'])
    .optional()
    .openapi({ description: 'active = not resolved and not snoozed' }),
  kind: z.enum(ALERT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: TextSchema(500).optional(),
});
export const AlertPageSchema = z
  .object({ items: z.array(AlertSchema), nextCursor: z.string().nullable() })
  .openapi('AlertPage');

export const SnoozeSchema = z
  .object({
    until: z.iso.datetime({ offset: true }).optional(),
    days: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((s) => (s.until === undefined) !== (s.days === undefined), { message: 'give either until or days' })
  .openapi('AlertSnooze');

export const AcknowledgeSchema = z
  .object({ note: TextSchema(500).optional() })
  .strict()
  .openapi('AlertAcknowledge');

export const EvaluateSchema = z
  .object({ deliver: z.boolean().default(true) })
  .strict()
  .openapi('AlertEvaluate');
export const EvaluateResultSchema = z
  .object({
    conditions: z.number().int(),
    opened: z.number().int(),
    ongoing: z.number().int(),
    resolved: z.number().int(),
    delivered: z.object({ email: z.number().int(), webhook: z.number().int() }),
    skipped: z.array(z.string()),
  })
  .openapi('AlertEvaluation');

const EmailSchema = z.email().max(254);

export const NotificationSettingsUpdateSchema = z
  .object({
    smtp: z
      .object({
        host: z
          .string()
          .min(1)
          .max(255)
          .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, 'a host name or address'),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean().default(false),
        user: TextSchema(255).nullable().default(null),
        password: TextSchema(1000)
          .nullable()
          .optional()
          .openapi({ description: 'omit to keep the stored one' }),
        from: EmailSchema,
      })
      .strict()
      .nullable()
      .optional(),
    webhook: z
      .object({
        url: z.url({ protocol: /^https?$/ }).max(2000),
        secret: z
          .string()
          .min(16)
          .max(200)
          .regex(/^[\x21-\x7e]+$/, 'printable, no spaces')
          .optional()
          .openapi({ description: 'HMAC-SHA256 key; omit to keep the stored one' }),
      })
      .strict()
      .nullable()
      .optional(),
    alertRecipients: z.array(EmailSchema).max(50).optional(),
  })
  .strict()
  .openapi('NotificationSettingsUpdate');
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdateSchema>;

export const NotificationSettingsSchema = z
  .object({
    smtp: z
      .object({
        host: z.string(),
        port: z.number(),
        secure: z.boolean(),
        user: z.string().nullable(),
        from: z.string(),
        passwordSet: z.boolean(),
      })
      .nullable(),
    webhook: z.object({ url: z.string(), secretSet: z.boolean(), signatureHeader: z.string() }).nullable(),
    alertRecipients: z.array(z.string()),
    updatedAt: z.string().nullable(),
  })
  .openapi('NotificationSettings');

export const ReportScheduleCreateSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    format: z.enum(['csv', 'xlsx']).default('xlsx'),
    frequency: z.enum(['daily', 'weekly']).default('daily'),
    recipients: z.array(EmailSchema).min(1).max(50),
  })
  .strict()
  .openapi('ReportScheduleCreate');
export const ReportScheduleSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    format: z.string(),
    frequency: z.string(),
    recipients: z.array(z.string()),
    lastSentOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ReportSchedule');
