import { z } from '@hono/zod-openapi';
import { LocationCodeSchema, MoneySchema, SkuSchema, TextSchema } from '../http/common.schema';
import { IsoDateSchema } from '../health/health.schema';

const Days = z.number().int().min(0).max(730);
const DateSchema = z.iso.date().openapi({ example: '2026-03-01' });

export const SupplierCodeSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore')
  .openapi({ example: 'SZ-HOME' });

export const LeadTimeStagesSchema = z
  .object({ productionDays: Days, transitDays: Days, groundDays: Days, checkInDays: Days })
  .strict()
  .openapi('LeadTimeStages', {
    description: 'production + transit (e.g. ocean) + ground + check-in at the destination',
  });

const supplierFields = {
  name: TextSchema(200).min(1),
  contactName: TextSchema(200).nullable(),
  email: z.email().max(254).nullable(),
  phone: TextSchema(50).nullable(),
  address: TextSchema(500).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as USD'),
  paymentTermsDays: z.number().int().min(0).max(365).openapi({
    description: 'days after receipt (or sending, before anything arrives) that the bill is due',
  }),
  leadTime: LeadTimeStagesSchema,
  notes: TextSchema(2000).nullable(),
  active: z.boolean(),
};

export const SupplierCreateSchema = z
  .object({ code: SupplierCodeSchema, ...supplierFields })
  .partial()
  .required({ code: true, name: true })
  .strict()
  .openapi('SupplierCreate');
export type SupplierCreate = z.infer<typeof SupplierCreateSchema>;

export const SupplierUpdateSchema = z.object(supplierFields).partial().strict().openapi('SupplierUpdate');
export type SupplierUpdate = z.infer<typeof SupplierUpdateSchema>;

export const SupplierSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    contactName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    currency: z.string(),
    paymentTermsDays: z.number().int(),
    leadTime: z.object({
      productionDays: z.number().int(),
      transitDays: z.number().int(),
      groundDays: z.number().int(),
      checkInDays: z.number().int(),
      statedDays: z.number().int(),
      learned: z.object({
        meanDays: z.number(),
        sdDays: z.number(),
        observations: z.number().int(),
        source: z.enum(['stated', 'learned', 'blended']),
      }),
    }),
    notes: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Supplier');
export type SupplierDto = z.infer<typeof SupplierSchema>;

export const SupplierListQuerySchema = z.object({
  q: TextSchema(200).optional(),
  active: z.enum(['true', 'false']).optional(),
});

const PriceBreakSchema = z
  .object({ minQuantity: z.number().int().min(1).max(10_000_000), unitCost: MoneySchema })
  .strict();

export const SupplierProductUpsertSchema = z
  .object({
    supplierSku: TextSchema(100).nullable(),
    unitCost: MoneySchema.nullable(),
    priceBreaks: z.array(PriceBreakSchema).max(20),
    moq: z.number().int().min(0).max(10_000_000),
    casePack: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .openapi({ description: 'units per carton from this supplier; null = the product’s case pack' }),
    preferred: z.boolean().openapi({ description: 'the supplier restock recommendations order from' }),
  })
  .partial()
  .strict()
  .openapi('SupplierProductUpsert');
export type SupplierProductUpsert = z.infer<typeof SupplierProductUpsertSchema>;

export const SupplierProductSchema = z
  .object({
    supplier: z.string(),
    sku: z.string(),
    supplierSku: z.string().nullable(),
    unitCost: z.number().nullable(),
    priceBreaks: z.array(z.object({ minQuantity: z.number().int(), unitCost: z.number() })),
    moq: z.number().int(),
    casePack: z.number().int().nullable(),
    preferred: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('SupplierProduct');
export type SupplierProductDto = z.infer<typeof SupplierProductSchema>;

export const ScorecardSchema = z
  .object({
    supplier: z.string(),
    asOf: z.string(),
    orders: z.number().int(),
    receivedOrders: z.number().int(),
    onTimeRate: z
      .number()
      .nullable()
      .openapi({ description: 'share of received orders whose first receipt came by the expected date' }),
    leadTime: z.object({
      statedDays: z.number().int(),
      meanDays: z.number().nullable(),
      varianceDays2: z.number().nullable(),
      sdDays: z.number().nullable(),
      observations: z.number().int(),
    }),
    fillRate: z
      .number()
      .nullable()
      .openapi({ description: 'units received ÷ units ordered on closed orders' }),
    openOrders: z.object({ count: z.number().int(), value: z.number(), units: z.number().int() }),
    billsDue: z.array(
      z.object({ number: z.string(), amount: z.number(), dueOn: z.string(), overdue: z.boolean() }),
    ),
    totalDue: z.number(),
  })
  .openapi('SupplierScorecard');
export type ScorecardDto = z.infer<typeof ScorecardSchema>;

export const SupplierBillsQuerySchema = z.object({
  asOf: IsoDateSchema.optional().openapi({ description: 'the day bills are overdue against; default today' }),
});

export const SupplierBillsSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        supplier: z.string(),
        supplierName: z.string(),
        currency: z.string(),
        number: z.string().openapi({ description: 'the purchase order billed' }),
        amount: z.number(),
        dueOn: z.string(),
        overdue: z.boolean(),
      }),
    ),
    totals: z
      .array(z.object({ currency: z.string(), amount: z.number(), overdue: z.number() }))
      .openapi({ description: 'what is due per currency, and how much of it is overdue' }),
  })
  .openapi('SupplierBills');
export type SupplierBillsDto = z.infer<typeof SupplierBillsSchema>;

export const RESTOCK_ALERTS = ['out_of_stock', 'reorder_now', 'reorder_soon'] as const;
export const SUPPLY_MODES = ['direct', 'via_warehouse', 'bulk_warehouse'] as const;
export type SupplyMode = (typeof SUPPLY_MODES)[number];

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
      'direct: supplier → each location; via_warehouse: supplier → own warehouse → FC; bulk_warehouse: bulk at own warehouse replenishing FCs (default: direct)',
  }),
  onlyOrders: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'only lines with a quantity to order or ship' }),
  limit: z.coerce.number().int().min(1).max(100_000).default(5000),
});
export type RestockQuery = z.infer<typeof RestockQuerySchema>;

export const RestockReasoningSchema = z
  .object({
    summary: z.string(),
    dailyDemand: z.number(),
    forecast: z.enum(['stored', 'computed']),
    leadTimeDays: z.number().int(),
    leadTimeSdDays: z.number(),
    leadTimeSource: z.string(),
    reviewDays: z.number().int(),
    demandOverLeadTime: z.number(),
    demandOverProtection: z.number(),
    serviceLevel: z.number(),
    serviceLevelSource: z.enum(['setting', 'economics', 'default']),
    lostMarginPerUnit: z.number().nullable(),
    excessCostPerUnit: z.number().nullable(),
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
    capacity: z
      .object({
        storageType: z.string(),
        unconstrainedQuantity: z.number().int(),
        cutQuantity: z.number().int(),
        profitPerCubicFoot: z.number(),
      })
      .nullable(),
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
    dailyDemand: z.number(),
    daysOfSupply: z.number().nullable(),
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
  })
  .partial()
  .strict()
  .openapi('RestockSettings');
export type RestockSettings = z.infer<typeof RestockSettingsSchema>;

export const PO_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;

const PoLineInputSchema = z
  .object({
    sku: SkuSchema,
    quantity: z.number().int().min(1).max(10_000_000),
    unitCost: MoneySchema.optional(),
  })
  .strict();

export const PurchaseOrderCreateSchema = z
  .object({
    fromRecommendations: z.boolean().optional().openapi({
      description: 'draft one PO per supplier × location from the current restock recommendations',
    }),
    supplier: SupplierCodeSchema.optional(),
    location: LocationCodeSchema.optional(),
    skus: z
      .array(SkuSchema)
      .max(10_000)
      .optional()
      .openapi({ description: 'with fromRecommendations: only these SKUs' }),
    mode: z.enum(SUPPLY_MODES).optional(),
    lines: z.array(PoLineInputSchema).min(1).max(2000).optional(),
    expectedOn: DateSchema.optional(),
    freightCost: MoneySchema.optional(),
    notes: TextSchema(2000).optional(),
  })
  .strict()
  .openapi('PurchaseOrderCreate');
export type PurchaseOrderCreate = z.infer<typeof PurchaseOrderCreateSchema>;

export const PurchaseOrderUpdateSchema = z
  .object({
    location: LocationCodeSchema,
    lines: z
      .array(PoLineInputSchema)
      .min(1)
      .max(2000)
      .openapi({ description: 'replaces the lines (drafts only)' }),
    expectedOn: DateSchema.nullable(),
    freightCost: MoneySchema,
    paymentTermsDays: z.number().int().min(0).max(365),
    notes: TextSchema(2000).nullable(),
    paid: z.boolean().openapi({ description: 'the bill is paid' }),
  })
  .partial()
  .strict()
  .openapi('PurchaseOrderUpdate');
export type PurchaseOrderUpdate = z.infer<typeof PurchaseOrderUpdateSchema>;

export const ReceiveSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            barcode: TextSchema(64)
              .min(1)
              .optional()
              .openapi({ description: 'scanned GTIN, internal code, FNSKU or ASIN' }),
            sku: SkuSchema.optional(),
            quantity: z.number().int().min(1).max(10_000_000).default(1),
            scanKey: TextSchema(200)
              .min(1)
              .optional()
              .openapi({ description: 'unique per scan: a scan sent twice is received once' }),
          })
          .strict()
          .refine((l) => (l.barcode === undefined) !== (l.sku === undefined), {
            message: 'give a barcode or a sku (one of them)',
            path: ['sku'],
          }),
      )
      .min(1)
      .max(2000),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    freightCost: MoneySchema.optional().openapi({
      description: 'the order’s freight, allocated to landed cost by value',
    }),
    close: z
      .boolean()
      .optional()
      .openapi({ description: 'close the order after this receipt; units not received leave inbound' }),
  })
  .strict()
  .openapi('PurchaseOrderReceive');
export type ReceiveInput = z.infer<typeof ReceiveSchema>;

export const PurchaseOrderSchema = z
  .object({
    number: z.string(),
    supplier: z.object({ code: z.string(), name: z.string() }),
    location: z.string(),
    status: z.enum(PO_STATUSES),
    source: z.enum(['manual', 'recommendation', 'import']),
    currency: z.string(),
    paymentTermsDays: z.number().int(),
    freightCost: z.number(),
    expectedOn: z.string().nullable(),
    sentAt: z.string().nullable(),
    firstReceivedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    dueOn: z
      .string()
      .nullable()
      .openapi({ description: 'bill due date: first receipt (else sending) + payment terms' }),
    notes: z.string().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        sku: z.string(),
        title: z.string(),
        barcode: z.string().nullable(),
        quantity: z.number().int(),
        unitCost: z.number(),
        receivedQuantity: z.number().int(),
        openQuantity: z.number().int(),
        lineTotal: z.number(),
      }),
    ),
    totals: z.object({
      units: z.number().int(),
      receivedUnits: z.number().int(),
      goods: z.number(),
      freight: z.number(),
      total: z.number(),
    }),
    receipts: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number().int(),
        landedUnitCost: z.number().nullable(),
        scanKey: z.string().nullable(),
        code: z.string().nullable(),
        receivedAt: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PurchaseOrder');
export type PurchaseOrderDto = z.infer<typeof PurchaseOrderSchema>;

export const PurchaseOrderListSchema = z
  .object({ items: z.array(PurchaseOrderSchema), nextCursor: z.string().nullable() })
  .openapi('PurchaseOrderPage');

export const PurchaseOrderListQuerySchema = z.object({
  status: z.enum(PO_STATUSES).optional(),
  supplier: SupplierCodeSchema.optional(),
  location: LocationCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'a cursor from a previous page')
    .optional(),
});

export const ReceiveResultSchema = z
  .object({
    purchaseOrder: PurchaseOrderSchema,
    received: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number().int(),
        landedUnitCost: z.number().nullable(),
        replayed: z.boolean(),
      }),
    ),
  })
  .openapi('PurchaseOrderReceipt');
export type ReceiveResultDto = z.infer<typeof ReceiveResultSchema>;
