import { z } from '@hono/zod-openapi';
import { OVERRIDE_LIMITS } from '@stockwise/domain/forecasting/overrides';
import { IsoDateSchema, TextSchema } from '../http/common.schema';

const OverrideFieldsSchema = z.strictObject({
  startsOn: IsoDateSchema.openapi({ description: 'first day' }),
  endsOn: IsoDateSchema.openapi({ description: 'last day (inclusive)' }),
  mode: z.enum(['scale', 'replace']).openapi({
    description: 'scale: the forecast × value; replace: value units a day for the SKU over all its locations',
  }),
  value: z.number().openapi({ example: 1.5 }),
  note: TextSchema(500).nullable().default(null),
});

export const OverridesInputSchema = z
  .strictObject({
    overrides: z.array(OverrideFieldsSchema).max(OVERRIDE_LIMITS.maxCount).openapi({
      description: 'the periods (not overlapping); they replace the ones stored, an empty list removes them',
    }),
  })
  .openapi('ForecastOverridesInput');

export const OverridesSchema = z
  .object({
    sku: z.string().nullable(),
    category: z.string().nullable(),
    overrides: z.array(
      z.object({
        id: z.number().int(),
        startsOn: z.string(),
        endsOn: z.string(),
        mode: z.enum(['scale', 'replace']),
        value: z.number(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('ForecastOverrides');

/** The category in a path (`/categories/{category}/overrides`). */
export const CategoryParam = z.object({
  category: TextSchema(200)
    .min(1)
    .openapi({ param: { name: 'category', in: 'path' }, example: 'Kitchen' }),
});

/** An override as the forecast applied it (drawn on the chart, said in the reasoning). */
export const AppliedOverrideSchema = z.object({
  scope: z.enum(['sku', 'category']),
  mode: z.enum(['scale', 'replace']),
  value: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  days: z.number().int(),
});
