import { z } from '@hono/zod-openapi';
import { IsoDateSchema, LocationCodeSchema } from '../http/common.schema';
import { AppliedOverrideSchema } from './overrides.schema';

export const ForecastQuerySchema = z.object({
  location: LocationCodeSchema.optional().openapi({
    description: 'one location; omitted = the SKU over all locations',
  }),
  horizon: z.coerce.number().int().min(1).max(365).default(90),
  historyDays: z.coerce.number().int().min(0).max(728).default(365),
  asOf: IsoDateSchema.optional().openapi({
    description: 'first forecast day (YYYY-MM-DD); the history ends the day before. Default: today (UTC)',
  }),
});

/** A planned price change a forecast includes (`priceChangeNotes`). */
export const PriceChangeSchema = z
  .object({
    name: z.string().openapi({ description: 'the event that plans the price change' }),
    startsOn: z.string(),
    endsOn: z.string(),
    priceFactor: z.number().openapi({ description: 'planned price ÷ current price' }),
    elasticity: z.number().openapi({ description: "the SKU's price elasticity of demand" }),
    demandMultiplier: z.number().openapi({
      description: 'priceFactor^elasticity: the forecast over those days is multiplied by it',
    }),
  })
  .openapi('PriceChange');

export const ForecastSchema = z
  .object({
    sku: z.string(),
    location: z.string().nullable(),
    asOf: z.string().openapi({ description: 'first forecast day (UTC)' }),
    source: z.enum(['stored', 'computed']),
    model: z.string(),
    params: z.record(z.string(), z.number()),
    demandClass: z.string(),
    degenerate: z.string().nullable(),
    backtest: z.object({ wape: z.number(), bias: z.number() }).nullable(),
    history: z
      .array(z.object({ date: z.string(), units: z.number().nullable(), censored: z.boolean() }))
      .openapi({ description: 'the daily demand the model saw; censored = out of stock, not zero demand' }),
    forecast: z.array(
      z.object({
        date: z.string(),
        mean: z.number(),
        q50: z.number(),
        q80: z.number(),
        q90: z.number(),
        q95: z.number(),
        q99: z.number(),
      }),
    ),
    overrides: z.array(AppliedOverrideSchema).openapi({
      description: 'your overrides applied to the forecast above (PUT /forecasts/{sku}/overrides)',
    }),
    priceChanges: z.array(PriceChangeSchema).openapi({
      description:
        'planned price changes (events with a priceFactor) over the horizon, applied to the forecast',
    }),
  })
  .openapi('Forecast');

export const ForecastRunSchema = z
  .object({
    horizon: z.number().int().min(1).max(365).optional(),
    asOf: IsoDateSchema.optional().openapi({
      description:
        'first forecast day (YYYY-MM-DD), today or earlier: a past day forecasts from the history before it, as the run of that day would have, so its accuracy can be scored. Default: today (UTC)',
    }),
  })
  .strict()
  .openapi('ForecastRunRequest');

const AccuracyFiguresSchema = z.object({
  wape: z.number().nullable(),
  bias: z.number().nullable(),
  baselineWape: z.number().nullable().openapi({
    description:
      'WAPE of the seasonal-naive forecast (each weekday repeats last week) made at the same origins',
  }),
  coverage: z.object({
    q80: z.number().nullable(),
    q90: z.number().nullable(),
    q95: z.number().nullable(),
  }),
});

const AccuracyPeriodSchema = AccuracyFiguresSchema.extend({
  period: z.string().openapi({ description: 'the Monday of the week the scored forecasts start in' }),
  observedDays: z.number().int(),
  actual: z.number(),
});

export const AccuracySchema = z
  .object({
    asOf: z.string(),
    windowDays: z.number().int(),
    forecastsScored: z.number().int(),
    observedDays: z.number().int(),
    overall: AccuracyFiguresSchema,
    series: z
      .array(AccuracyPeriodSchema)
      .openapi({ description: 'the overall figures per week, oldest first' }),
    byCategory: z.array(
      AccuracyFiguresSchema.extend({
        category: z.string().nullable(),
        observedDays: z.number().int(),
        actual: z.number(),
        series: z.array(AccuracyPeriodSchema),
      }),
    ),
    perSku: z
      .array(
        z.object({
          sku: z.string(),
          category: z.string().nullable(),
          asOf: z.string(),
          model: z.string(),
          days: z.number().int(),
          wape: z.number(),
          bias: z.number(),
          baselineWape: z.number(),
        }),
      )
      .openapi({ description: 'each scored forecast, worst WAPE first (at most 500)' }),
    worstSkus: z
      .array(
        z.object({
          sku: z.string(),
          category: z.string().nullable(),
          forecasts: z.number().int().openapi({ description: 'forecasts of the SKU scored' }),
          observedDays: z.number().int(),
          actual: z.number().openapi({ description: 'units sold over the scored days' }),
          missed: z.number().openapi({ description: 'Σ|actual − forecast| over the scored days, in units' }),
          wape: z.number().nullable(),
          baselineWape: z.number().nullable(),
          bias: z.number().nullable(),
        }),
      )
      .openapi({
        description:
          'the SKUs whose forecasts missed the most units (WAPE weighted by volume), worst first (at most 10), over all their scored forecasts',
      }),
  })
  .openapi('ForecastAccuracy');
