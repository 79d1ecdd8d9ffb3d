import { AppliedOverrideSchema } from '../forecasting/overrides.schema';
import { PriceChangeSchema } from '../forecasting/forecast.schema';
import { z } from '@hono/zod-openapi';
import { SUPPLY_MODES } from '@stockwise/domain/replenishment/network-plan';
import type { SupplyMode } from '@stockwise/domain/replenishment/network-plan';
import { RESTOCK_ALERTS } from '@stockwise/domain/replenishment/restock';
import { HELD_BACK_REASONS } from '@stockwise/domain/replenishment/held-back';
import { IsoDateSchema, LocationCodeSchema, TextSchema } from '../http/common.schema';
import { SupplierCodeSchema } from './suppliers.schema';

export { RESTOCK_ALERTS, HELD_BACK_REASONS };
export { SUPPLY_MODES };
export type { SupplyMode };

export const RestockQuerySchema = z.object({
  location: LocationCodeSchema.optional(),
  supplier: SupplierCodeSchema.optional(),
  sku: TextSchema(100).optional(),
  alert: z
    .enum([...RESTOCK_ALERTS, 'any'])
    .optional()
    .openapi({ description: "one alert, or 'any' for every SKU with an alert" }),
  mode: z.enum(SUPPLY_MODES).optional().openapi({
    description:
      'direct: supplier → each location; via_warehouse: supplier → own warehouse → FC (hub stock is sent to Amazon first, then the hub buys); bulk_warehouse: bulk at own warehouse replenishing FCs. Default: via_warehouse for an account with an own warehouse or 3PL and an Amazon location, else direct',
  }),
  heldBack: z
    .enum([...HELD_BACK_REASONS, 'any'])
    .optional()
    .openapi({ description: "only rows held back for this reason, or 'any' held-back row" }),
  onlyOrders: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'only lines with a quantity to order or ship' }),
  limit: z.coerce.number().int().min(1).max(100_000).default(5000),
  asOf: IsoDateSchema.optional().openapi({
    description:
      'plan as of this day (YYYY-MM-DD): forecasts from the history before it; default today (UTC)',
  }),
});
export type RestockQuery = z.infer<typeof RestockQuerySchema>;

export const HeldBackSchema = z
  .object({
    reason: z.enum(HELD_BACK_REASONS),
    message: z.string(),
    figures: z.record(z.string(), z.number()),
  })
  .openapi('RestockHeldBack');

export const RestockReasoningSchema = z
  .object({
    summary: z.string(),
    dailyDemand: z.number(),
    forecast: z.enum(['stored', 'computed']),
    leadTimeDays: z.number().int(),
    leadTimeSdDays: z.number(),
    leadTimeSource: z.string(),
    /** Set when demand over the lead time mixes over the receipts' lead times (docs/formulas.md Lead-time distribution). */
    leadTimeReceipts: z
      .object({ receipts: z.number().int(), minDays: z.number().int(), maxDays: z.number().int() })
      .nullable(),
    reviewDays: z.number().int(),
    demandOverLeadTime: z.number(),
    demandOverProtection: z.number(),
    serviceLevel: z.number(),
    serviceLevelSource: z.enum(['setting', 'economics', 'default']),
    lostMarginPerUnit: z.number().nullable(),
    excessCostPerUnit: z.number().nullable(),
    /** Days an extra unit is expected to be carried, which the excess cost counts (docs/formulas.md Restock). */
    carryDays: z.number(),
    /** Set when demand is lumpy: safety stock from order sizes and arrivals (docs/formulas.md Lumpy demand). */
    lumpy: z
      .object({
        orders: z.number().int(),
        windowDays: z.number().int(),
        minSize: z.number(),
        meanSize: z.number(),
        maxSize: z.number(),
        expectedOrders: z.number(),
        chanceOfNone: z.number(),
        serviceLevel: z.number(),
      })
      .nullable(),
    holdingCostPerUnitDay: z.number(),
    safetyStock: z.number(),
    reorderPoint: z.number(),
    orderUpTo: z.number(),
    orderUpToBasis: z.enum(['service_level', 'min_cover', 'max_cover']),
    minCoverDaysAfterArrival: z.number(),
    minCoverApplied: z.boolean(),
    maxCoverDays: z.number(),
    position: z.object({
      available: z.number(),
      inbound: z.number(),
      backorders: z.number(),
      total: z.number(),
    }),
    need: z.number(),
    rounding: z.enum(['none', 'case_pack', 'moq']),
    casePack: z.number().int(),
    moq: z.number().int(),
    daysOfSupplyAfterArrival: z.number().nullable(),
    exceedsMaxCover: z.boolean(),
    assumptions: z
      .array(
        z.object({
          input: z.enum(['unitCost', 'price', 'casePack', 'leadTime', 'leadTimeSpread', 'onHand']),
          rule: z.string(),
          effect: z.string(),
        }),
      )
      .openapi({ description: 'defaults used for missing inputs, and what a real value would change' }),
    forecastOverrides: z
      .array(AppliedOverrideSchema)
      .openapi({ description: 'your forecast overrides included in the demand (none: empty)' }),
    forecastPriceChanges: z.array(PriceChangeSchema).openapi({
      description: 'planned price changes (events with a priceFactor) included in the demand (none: empty)',
    }),
    capacity: z
      .object({
        storageType: z.string(),
        unconstrainedQuantity: z.number().int(),
        cutQuantity: z.number().int(),
        profitPerCubicFoot: z.number(),
      })
      .nullable(),
    heldBack: HeldBackSchema.nullable().openapi({
      description:
        'why the quantity is 0 or below unconstrained (set on every such row whose alert says act now)',
    }),
    echelon: z
      .object({
        available: z.number(),
        inbound: z.number(),
        dailyDemand: z.number(),
        daysOfSupply: z.number().nullable(),
        alert: z.enum(RESTOCK_ALERTS).nullable(),
      })
      .nullable()
      .openapi({ description: "a hub purchase's echelon figures (hub + the FCs it feeds); null elsewhere" }),
  })
  .openapi('RestockReasoning');

export const RestockItemSchema = z
  .object({
    sku: z.string(),
    title: z.string(),
    location: z.string(),
    locationType: z.string(),
    action: z.enum(['purchase', 'transfer']),
    source: z
      .string()
      .nullable()
      .openapi({ description: 'supplier code (purchase) or warehouse code (transfer)' }),
    supplier: z.string().nullable(),
    mode: z.enum(SUPPLY_MODES),
    onHand: z.number().int(),
    available: z.number().int(),
    inbound: z.number().int(),
    backorders: z.number().int(),
    dailyDemand: z.number(),
    daysOfSupply: z.number().nullable(),
    stockOutDate: z.string().nullable().openapi({ description: 'projected first day without stock here' }),
    coverLowDays: z.number(),
    coverHighDays: z.number(),
    excessUnits: z.number().int().openapi({ description: 'on-hand units above the cover band here' }),
    leadTimeDays: z.number().int(),
    serviceLevel: z.number(),
    safetyStock: z.number(),
    reorderPoint: z.number(),
    orderUpTo: z.number(),
    recommendedQuantity: z.number().int(),
    unconstrainedQuantity: z.number().int(),
    casePack: z.number().int(),
    moq: z.number().int(),
    unitCost: z.number().nullable(),
    estimatedCost: z.number().nullable(),
    orderByDate: z.string().nullable(),
    shipDate: z.string().nullable(),
    arrivalDate: z.string(),
    alert: z.enum(RESTOCK_ALERTS).nullable(),
    excess: z.boolean(),
    reasoning: RestockReasoningSchema,
  })
  .openapi('RestockRecommendation');
export type RestockItemDto = z.infer<typeof RestockItemSchema>;

export const CapacitySummarySchema = z
  .object({
    location: z.string(),
    storageType: z.string(),
    limitCubicFeet: z.number(),
    usedCubicFeet: z.number(),
    freeCubicFeet: z.number(),
    recommendedCubicFeet: z.number(),
    plannedCubicFeet: z.number(),
    binding: z.boolean(),
    method: z.enum(['none', 'mip', 'lp', 'greedy']),
    cut: z.array(
      z.object({
        sku: z.string(),
        recommendedQuantity: z.number().int(),
        plannedQuantity: z.number().int(),
        profitPerCubicFoot: z.number(),
      }),
    ),
    summary: z.string(),
  })
  .openapi('CapacityFit');
export type CapacitySummaryDto = z.infer<typeof CapacitySummarySchema>;

export const RestockPlanSchema = z
  .object({
    asOf: z.string(),
    mode: z.enum(SUPPLY_MODES),
    items: z.array(RestockItemSchema),
    capacity: z.array(CapacitySummarySchema),
    totals: z.object({
      lines: z.number().int(),
      units: z.number().int(),
      estimatedCost: z.number(),
      alerts: z.record(z.string(), z.number().int()),
    }),
  })
  .openapi('RestockPlan');
export type RestockPlanDto = z.infer<typeof RestockPlanSchema>;

export const RestockSettingsSchema = z
  .object({
    serviceLevel: z.number().min(0.5).max(0.999).nullable(),
    reviewDays: z.number().int().min(0).max(365).nullable(),
    minCoverDays: z.number().int().min(0).max(365).nullable(),
    maxCoverDays: z.number().int().min(1).max(730).nullable(),
    allowExcess: z
      .boolean()
      .openapi({ description: 'allow planning above maxCoverDays (flagged as excess)' }),
    buyDespiteClearance: z.boolean().openapi({
      description: 'buy or send even where clearance is advised (else held back as clearance)',
    }),
    buyDespiteLoss: z.boolean().openapi({
      description: 'buy even when a unit loses money after fees (else held back as unprofitable)',
    }),
  })
  .partial()
  .strict()
  .openapi('RestockSettings');
export type RestockSettings = z.infer<typeof RestockSettingsSchema>;

/** Most rows one planner export carries: the plan's own row limit (restock.service.ts DEFAULT_LIMIT). */
export const MAX_EXPORT_ROWS = 5000;

/**
 * The planner's rows as shown (filtered, sorted, with the buyer's quantities), to be written as a
 * spreadsheet: column headers in the reader's language and one cell per column on every row.
 */
export const RestockExportSchema = z
  .object({
    columns: z.array(z.string().min(1).max(100)).min(1).max(40),
    rows: z.array(z.array(z.union([z.string().max(1000), z.number(), z.null()]))).max(MAX_EXPORT_ROWS),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (new Set(value.columns).size !== value.columns.length)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'column headers must differ' });
    const bad = value.rows.findIndex((r) => r.length !== value.columns.length);
    if (bad >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['rows', bad],
        message: `a row has one cell per column (${String(value.columns.length)})`,
      });
  })
  .openapi('RestockExport');
export type RestockExport = z.infer<typeof RestockExportSchema>;
