import { z } from '@hono/zod-openapi';
import { EVENT_LIMITS } from '@stockwise/domain/forecasting/events';
import { IsoDateSchema, SkuSchema, TextSchema } from '../http/common.schema';

const EventFieldsSchema = z.strictObject({
  name: TextSchema(200).min(1).openapi({ example: 'Summer sale' }),
  startsOn: IsoDateSchema.openapi({ description: 'first day' }),
  endsOn: IsoDateSchema.openapi({ description: 'last day (inclusive)' }),
  scope: z.enum(['all', 'category', 'skus']).default('all').openapi({
    description: 'every SKU, one category, or a list of SKUs',
  }),
  category: TextSchema(200).nullable().default(null).openapi({ description: 'when scope is "category"' }),
  skus: z
    .array(SkuSchema)
    .max(EVENT_LIMITS.maxSkus)
    .default([])
    .openapi({ description: 'when scope is "skus"' }),
  lift: z.number().nullable().default(null).openapi({
    description:
      'expected multiplier of demand over the event (1.3 = +30%); null = learn it from earlier events of the same name',
    example: 1.5,
  }),
  priceFactor: z.number().nullable().default(null).openapi({
    description:
      "a planned price change: the new price ÷ the current price over the event (0.8 = 20% off), applied through each SKU's price response; null = none. With it, a null lift learns nothing and a given lift applies on top",
    example: 0.8,
  }),
});

export const EventCreateSchema = EventFieldsSchema.openapi('ForecastEventInput');

export const EventSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    scope: z.enum(['all', 'category', 'skus']),
    category: z.string().nullable(),
    skus: z.array(z.string()),
    lift: z.number().nullable(),
    priceFactor: z.number().nullable(),
  })
  .openapi('ForecastEvent');

export const EventListQuerySchema = z.object({
  from: IsoDateSchema.optional().openapi({ description: 'events ending on or after this day' }),
  to: IsoDateSchema.optional().openapi({ description: 'events starting on or before this day' }),
  sku: SkuSchema.optional().openapi({
    description:
      "only the events that apply to this SKU's forecast: every SKU, its category, or a list naming it",
  }),
});

export const CalendarQuerySchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  marketplace: z
    .string()
    .regex(/^[A-Za-z]{2,5}$/)
    .optional()
    .openapi({ description: 'a marketplace code; omitted = US' }),
});

export const CalendarSchema = z.object({
  marketplace: z.string(),
  days: z.array(z.object({ date: z.string(), name: z.string(), kind: z.enum(['holiday', 'retail']) })),
});
