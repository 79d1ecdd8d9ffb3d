import { z } from '@hono/zod-openapi';
import {
  LocationCodeSchema,
  MoneySchema,
  SkuSchema,
  TextSchema,
  strictBody,
  TimestampSchema,
  recordTimesFields,
} from '../http/common.schema';
import { SupplierCodeSchema } from './suppliers.schema';
import { PURCHASE_ORDER_STATUSES } from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import { SUPPLY_MODES } from './restock.schema';

const DateSchema = z.iso.date().openapi({ example: '2026-03-01' });

/** The lifecycle's statuses (one list, in the domain). */
export const PO_STATUSES = PURCHASE_ORDER_STATUSES;

const PoLineInputSchema = z
  .object({
    sku: SkuSchema,
    quantity: z.number().int().min(1).max(10_000_000),
    unitCost: MoneySchema.optional(),
  })
  .strict();

export const PurchaseOrderCreateSchema = strictBody('PurchaseOrderCreate', {
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
});
export type PurchaseOrderCreate = z.infer<typeof PurchaseOrderCreateSchema>;

export const PurchaseOrderUpdateSchema = z
  .object({
    supplier: SupplierCodeSchema.openapi({
      description:
        'another supplier (drafts only): currency and payment terms follow it, and lines without a unitCost are priced on its terms',
    }),
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

export const ReceiveSchema = strictBody('PurchaseOrderReceive', {
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
  receivedAt: TimestampSchema.optional(),
  freightCost: MoneySchema.optional().openapi({
    description: 'the order’s freight, allocated to landed cost by value',
  }),
  close: z
    .boolean()
    .optional()
    .openapi({ description: 'close the order after this receipt; units not received leave inbound' }),
});
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
    ...recordTimesFields,
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
