import { z } from '@hono/zod-openapi';
import { ADJUSTMENT_REASONS } from '@stockwise/domain/ledger/movement-rules';
import {
  LocationCodeSchema,
  MoneySchema,
  PageQuerySchema,
  SkuSchema,
  TextSchema,
  pageOf,
  TimestampSchema,
} from '../http/common.schema';

const Quantity = z.number().int().min(1).max(10_000_000);
const SignedQuantity = z
  .number()
  .int()
  .min(-10_000_000)
  .max(10_000_000)
  .refine((q) => q !== 0, 'must not be 0');

const base = {
  sku: SkuSchema,
  location: LocationCodeSchema,
  occurredAt: TimestampSchema.optional().openapi({ description: 'when it happened; default now' }),
  referenceType: TextSchema(40).optional(),
  referenceId: TextSchema(200).optional(),
  note: TextSchema(1000).optional(),
};

export const MovementCreateSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('receipt'),
        ...base,
        quantity: Quantity,
        unitCost: MoneySchema.optional(),
        fromInbound: z.boolean().optional(),
      })
      .strict(),
    z.object({ type: z.literal('shipment'), ...base, quantity: Quantity }).strict(),
    z
      .object({
        type: z.literal('return'),
        ...base,
        quantity: Quantity,
        condition: z.enum(['sellable', 'unfulfillable']).default('sellable'),
      })
      .strict(),
    z
      .object({ type: z.literal('transfer'), ...base, quantity: Quantity, toLocation: LocationCodeSchema })
      .strict(),
    z
      .object({
        type: z.literal('adjustment'),
        ...base,
        quantity: SignedQuantity,
        reason: z.enum(ADJUSTMENT_REASONS),
      })
      .strict(),
    z
      .object({
        type: z.literal('removal'),
        ...base,
        quantity: Quantity,
        from: z.enum(['sellable', 'unfulfillable']).default('sellable'),
      })
      .strict(),
  ])
  .openapi('MovementCreate');
export type MovementCreate = z.infer<typeof MovementCreateSchema>;

export const MovementSchema = z
  .object({
    id: z.number().int(),
    batchId: z.number().int(),
    sku: z.string(),
    location: z.string(),
    type: z.string(),
    reason: z.string().nullable(),
    onHandDelta: z.number().int(),
    reservedDelta: z.number().int(),
    inboundDelta: z.number().int(),
    unfulfillableDelta: z.number().int(),
    unitCost: z.number().nullable(),
    referenceType: z.string().nullable(),
    referenceId: z.string().nullable(),
    occurredAt: z.string(),
    createdAt: z.string(),
    actorUserId: z.number().int().nullable(),
  })
  .openapi('Movement');
export type MovementDto = z.infer<typeof MovementSchema>;

export const BalanceSchema = z
  .object({
    sku: z.string(),
    title: z.string(),
    barcode: z.string().nullable(),
    asin: z.string().nullable(),
    fnsku: z.string().nullable(),
    category: z.string().nullable(),
    brand: z.string().nullable(),
    replenishable: z.boolean(),
    cubicFeet: z.number().nullable().openapi({ description: 'the product’s volume per unit' }),
    location: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    inbound: z.number().int(),
    unfulfillable: z.number().int(),
    oldestReceivedAt: z
      .string()
      .nullable()
      .openapi({ description: 'the seller’s receipt of its oldest units (the seller’s age)' }),
    oldestArrivedAt: z.string().nullable().openapi({
      description:
        'the earliest arrival of its units at the location’s network (Amazon’s age at Amazon locations)',
    }),
    aged: z.boolean().openapi({
      description:
        'its oldest units are 181 days old or older: at Amazon locations since arrival at Amazon, elsewhere since receipt',
    }),
    updatedAt: z.string(),
  })
  .openapi('Balance');
export type BalanceDto = z.infer<typeof BalanceSchema>;

export const MovementResultSchema = z
  .object({
    batchId: z.number().int(),
    replayed: z.boolean(),
    movements: z.array(MovementSchema),
    balances: z.array(BalanceSchema),
  })
  .openapi('MovementResult');
export type MovementResult = z.infer<typeof MovementResultSchema>;

export const MovementListQuerySchema = PageQuerySchema.extend({
  sku: TextSchema(100).optional(),
  location: TextSchema(32).optional(),
  type: TextSchema(40).optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const MovementPageSchema = pageOf(MovementSchema).openapi('MovementPage');

export const InventoryQuerySchema = PageQuerySchema.extend({
  sku: TextSchema(100).optional(),
  location: TextSchema(32).optional(),
  q: TextSchema(200).optional(),
});
export const InventoryPageSchema = pageOf(BalanceSchema).openapi('InventoryPage');

export const LayerSchema = z
  .object({
    sku: z.string(),
    location: z.string(),
    receivedAt: z.string().openapi({ description: 'the seller’s receipt (kept through every transfer)' }),
    arrivedAt: z.string().openapi({
      description: 'arrival at the layer’s network: Amazon’s (amazon_fba) or the seller’s own',
    }),
    ageDays: z.number().int().openapi({ description: 'the seller’s age: days since receivedAt' }),
    amazonAgeDays: z.number().int().nullable().openapi({
      description: 'at Amazon locations, Amazon’s age: days since arrivedAt (null elsewhere)',
    }),
    ageBucket: z.object({ minDays: z.number().int(), maxDays: z.number().int().nullable() }),
    aged: z.boolean().openapi({
      description: '181 days old or older: at Amazon locations by Amazon’s age, elsewhere the seller’s',
    }),
    quantityReceived: z.number().int(),
    quantityRemaining: z.number().int(),
    unitCost: z.number().nullable(),
  })
  .openapi('AgeLayer');

const Units = z.number().int();

export const InventorySummarySchema = z
  .object({
    asOf: z.string().openapi({ description: 'the UTC date layer ages are counted to' }),
    skus: Units.openapi({ description: 'products in the catalogue' }),
    replenishableSkus: Units,
    onHand: Units,
    reserved: Units,
    available: Units.openapi({ description: 'on hand − reserved' }),
    inbound: Units,
    unfulfillable: Units,
    cubicFeet: z
      .number()
      .openapi({ description: 'volume of the units on hand (products without dimensions count 0)' }),
    stockOuts: z
      .object({
        count: Units.openapi({
          description:
            'SKU × location planning positions with the alert out_of_stock (the SKU sells there and nothing is available there): a SKU out of stock at two locations counts twice; the sum of the locations’ stockOuts',
        }),
        skuCount: Units.openapi({ description: 'distinct SKUs out of stock at one location or more' }),
        skus: z
          .array(z.string())
          .openapi({ description: 'the first of those SKUs in SKU order (byte order), at most 50' }),
      })
      .openapi({
        description:
          'stock-outs from the planning position (docs/formulas.md), the same ones restock and alerts show',
      }),
    agedUnits: Units.openapi({
      description:
        'units at Amazon locations 181 days or more after their arrival at Amazon (Amazon’s aged-inventory surcharge starts there)',
    }),
    value: z
      .array(z.object({ currency: z.string(), amount: z.number() }))
      .openapi({ description: 'open layers at their FIFO unit cost, per product currency, largest first' }),
    locations: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: z.string(),
        skus: Units,
        onHand: Units,
        reserved: Units,
        available: Units,
        inbound: Units,
        unfulfillable: Units,
        stockOuts: Units.openapi({
          description:
            'planning positions here with the alert out_of_stock (SKUs that sell here with nothing available here)',
        }),
        cubicFeet: z.number(),
        capacityCubicFeet: z.number().nullable().openapi({
          description: 'the total, or the sum of the per-storage-type limits; null when none is set',
        }),
      }),
    ),
    ageBuckets: z.array(
      z.object({
        key: z.string(),
        minDays: Units,
        maxDays: Units.nullable(),
        units: Units,
        cubicFeet: z.number(),
      }),
    ),
  })
  .openapi('InventorySummary');
export type InventorySummaryDto = z.infer<typeof InventorySummarySchema>;

export const StockOutsSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        sku: z.string(),
        location: z.string(),
        available: Units,
        inbound: Units,
        dailyDemand: z.number(),
        stockOutDate: z.string().nullable(),
      }),
    ),
  })
  .openapi('InventoryStockOuts', {
    description:
      'the planning positions with the alert out_of_stock (the SKU sells at the location and nothing is available there), by location then SKU',
  });
export type StockOutsDto = z.infer<typeof StockOutsSchema>;
