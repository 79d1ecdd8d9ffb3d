import { z } from '@hono/zod-openapi';
import {
  CodeSchema,
  EmailSchema,
  IsoDateSchema,
  MoneySchema,
  TextSchema,
  strictBody,
  recordTimesFields,
} from '../http/common.schema';

const Days = z.number().int().min(0).max(730);

export const SupplierCodeSchema = CodeSchema.openapi({ example: 'SZ-HOME' });

export const LeadTimeStagesSchema = z
  .object({ productionDays: Days, transitDays: Days, groundDays: Days, checkInDays: Days })
  .strict()
  .openapi('LeadTimeStages', {
    description: 'production + transit (e.g. ocean) + ground + check-in at the destination',
  });

const Cost = MoneySchema.nullable();

/** Ordering and shipping terms (docs/formulas.md Replenishment costs); null = the account's default. */
export const SupplierCostsSchema = strictBody('SupplierCosts', {
  orderCost: Cost.openapi({ description: 'fixed cost of one purchase order' }),
  lineCost: Cost.openapi({ description: 'fixed cost per order line' }),
  shippingPerUnit: Cost.openapi({ description: 'inbound shipping per unit' }),
  shippingPerCubicFoot: Cost.openapi({ description: 'inbound shipping per cubic foot' }),
  minOrderValue: Cost.openapi({ description: 'minimum order value across lines' }),
  freeFreightValue: Cost.openapi({ description: 'order value from which shipping is free' }),
});
export type SupplierCosts = z.infer<typeof SupplierCostsSchema>;

const supplierFields = {
  name: TextSchema(200).min(1),
  contactName: TextSchema(200).nullable(),
  email: EmailSchema.nullable(),
  phone: TextSchema(50).nullable(),
  address: TextSchema(500).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as USD'),
  paymentTermsDays: z.number().int().min(0).max(365).openapi({
    description: 'days after receipt (or sending, before anything arrives) that the bill is due',
  }),
  leadTime: LeadTimeStagesSchema,
  notes: TextSchema(2000).nullable(),
  active: z.boolean(),
  costs: SupplierCostsSchema.partial(),
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
    costs: SupplierCostsSchema,
    ...recordTimesFields,
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
