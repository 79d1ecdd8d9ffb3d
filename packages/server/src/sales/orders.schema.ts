import { z } from '@hono/zod-openapi';
import { ORDER_CHANNELS, ORDER_STATUSES } from '@stockwise/domain/sales/order-state';
import {
  LocationCodeSchema,
  MoneySchema,
  PageQuerySchema,
  SkuSchema,
  TextSchema,
  TRIMMED,
  pageOf,
  strictBody,
  TimestampSchema,
  recordTimesFields,
} from '../http/common.schema';

const Quantity = z.number().int().min(1).max(1_000_000);
export const ChannelSchema = z.enum(ORDER_CHANNELS).openapi({ example: 'shopify' });
export const ExternalIdSchema = TextSchema(200)
  .min(1)
  .regex(TRIMMED, 'no leading or trailing spaces')
  .openapi({ example: '#1001' });
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD');

export const OrderLineInputSchema = z
  .object({
    sku: SkuSchema,
    quantity: Quantity,
    unitPrice: MoneySchema.nullable()
      .optional()
      .openapi({ description: 'sale price per unit (revenue and profit per SKU)' }),
    externalLineId: TextSchema(200).optional(),
  })
  .strict();

export const OrderCreateSchema = strictBody('OrderCreate', {
  channel: ChannelSchema,
  externalId: ExternalIdSchema,
  orderedAt: TimestampSchema.optional().openapi({ description: 'when the customer ordered; default now' }),
  currency: CurrencySchema.optional(),
  lines: z.array(OrderLineInputSchema).min(1).max(500),
});
export type OrderCreate = z.infer<typeof OrderCreateSchema>;

const SkuQuantity = z.object({ sku: SkuSchema, quantity: Quantity }).strict();

/** The units to act on per SKU; without them, every open unit of the order. */
const openUnits = (verb: string) =>
  z
    .array(SkuQuantity)
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: `units to ${verb} per SKU; default every open unit` });

export const OrderShipSchema = strictBody('OrderShip', {
  lines: openUnits('ship'),
  shippedAt: TimestampSchema.optional(),
});
export type OrderShip = z.infer<typeof OrderShipSchema>;

export const OrderCancelSchema = strictBody('OrderCancel', {
  lines: openUnits('cancel'),
});
export type OrderCancel = z.infer<typeof OrderCancelSchema>;

export const OrderReturnSchema = strictBody('OrderReturn', {
  lines: z
    .array(
      z
        .object({
          sku: SkuSchema,
          quantity: Quantity,
          condition: z.enum(['sellable', 'unfulfillable']).default('sellable'),
          location: LocationCodeSchema.optional().openapi({
            description: 'where it comes back; default where it shipped from',
          }),
        })
        .strict(),
    )
    .min(1)
    .max(500),
  returnedAt: TimestampSchema.optional(),
});
export type OrderReturn = z.infer<typeof OrderReturnSchema>;

export const OrderSchema = z
  .object({
    id: z.number().int(),
    channel: ChannelSchema,
    externalId: z.string(),
    status: z.enum(ORDER_STATUSES),
    backordered: z.boolean(),
    orderedAt: z.string(),
    currency: z.string().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        sku: z.string(),
        externalLineId: z.string().nullable(),
        quantity: z.number().int(),
        unitPrice: z.number().nullable(),
        quantityShipped: z.number().int(),
        quantityCancelled: z.number().int(),
        quantityReturned: z.number().int(),
        allocations: z.array(
          z.object({ location: z.string(), reserved: z.number().int(), shipped: z.number().int() }),
        ),
      }),
    ),
    unmapped: z.array(z.unknown()).openapi({ description: 'channel lines that named no known SKU' }),
    ...recordTimesFields,
  })
  .openapi('Order');
export type OrderDto = z.infer<typeof OrderSchema>;

export const OrderResultSchema = OrderSchema.extend({
  replayed: z.boolean().openapi({ description: 'true when this (channel, externalId) already existed' }),
}).openapi('OrderResult');

export const OrderListQuerySchema = PageQuerySchema.extend({
  channel: ChannelSchema.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  sku: TextSchema(100).optional(),
  externalId: TextSchema(200).optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
});
export const OrderPageSchema = pageOf(OrderSchema).openapi('OrderPage');
