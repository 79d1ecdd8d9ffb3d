import { z } from '@hono/zod-openapi';
import { SUPPLY_MODES } from '@stockwise/domain/replenishment/network-plan';
import { LocationCodeSchema, SkuSchema } from '../http/common.schema';

export const ProjectionParamsSchema = z.object({
  sku: SkuSchema.openapi({ param: { name: 'sku', in: 'path' } }),
});

export const ProjectionQuerySchema = z.object({
  location: LocationCodeSchema.optional().openapi({
    description: 'the location projected; default the SKU’s location with the most forecast demand',
  }),
  mode: z.enum(SUPPLY_MODES).optional().openapi({ description: 'the plan whose order is projected' }),
  days: z.coerce.number().int().min(7).max(365).default(120),
});

const ProjectionDaySchema = z.object({
  date: z.string(),
  expected: z.number().openapi({ description: 'expected sellable units at the end of the day' }),
  low80: z.number(),
  high80: z.number(),
  low95: z.number(),
  high95: z.number(),
  inbound: z.number().openapi({ description: 'units of open orders and transfers arriving that day' }),
  planned: z.number().openapi({ description: 'units of the recommended order arriving that day' }),
  coverLow: z.number().openapi({ description: 'stock that covers the next coverLowDays of demand' }),
  coverHigh: z.number().openapi({ description: 'stock that covers the next coverHighDays of demand' }),
});

export const ProjectionSchema = z
  .object({
    sku: z.string(),
    location: z.string(),
    locations: z.array(z.string()).openapi({ description: 'every location the SKU can be projected at' }),
    asOf: z.string(),
    available: z.number(),
    reorderPoint: z.number(),
    coverLowDays: z.number(),
    coverHighDays: z.number(),
    recommendedQuantity: z.number(),
    /** When the recommended order lands; null when nothing is recommended. */
    plannedArrivalDate: z.string().nullable(),
    stockOutDate: z.string().nullable().openapi({ description: 'first projected day without stock' }),
    arrivals: z.array(
      z.object({
        date: z.string(),
        quantity: z.number(),
        kind: z.enum(['inbound', 'planned']),
        reference: z.string().nullable().openapi({ description: 'purchase order number, if any' }),
      }),
    ),
    days: z.array(ProjectionDaySchema),
  })
  .openapi('StockProjection');
export type ProjectionDto = z.infer<typeof ProjectionSchema>;
