import { z } from '@hono/zod-openapi';
import { JobSchema } from '../accounts/auth.schema';
import { TextSchema } from '../http/common.schema';
import { AccuracySchema, ForecastQuerySchema, ForecastRunSchema, ForecastSchema } from './forecast.schema';
import { FORECAST_RUN } from './forecast.jobs';
import type { Stockwise } from '../stockwise';
import { IdempotencyHeaderSchema, json, jsonResponse, newRouter, securedRoute } from '../http/router';

const SkuParam = z.object({
  sku: TextSchema(100)
    .min(1)
    .openapi({ param: { name: 'sku', in: 'path' }, example: 'MUG-1' }),
});

export function forecastsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/accuracy',
      tags: ['Forecasts'],
      summary: 'Accuracy of past forecasts against actual sales (WAPE, bias, quantile coverage)',
      request: { query: z.object({ windowDays: z.coerce.number().int().min(1).max(90).default(28) }) },
      responses: { 200: jsonResponse('Accuracy', AccuracySchema) },
    }),
    async (c) =>
      c.json(
        await sw.forecasts.accuracy(c.get('actor'), { windowDays: c.req.valid('query').windowDays }),
        200,
      ),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/run',
      tags: ['Forecasts'],
      summary: 'Start a forecast run for every SKU (a background job; poll /jobs/{id} for progress)',
      request: { headers: IdempotencyHeaderSchema, body: { ...json(ForecastRunSchema), required: false } },
      responses: { 202: jsonResponse('Started', JobSchema) },
    }),
    async (c) => {
      const body = c.req.valid('json') as z.infer<typeof ForecastRunSchema> | undefined;
      const job = await sw.jobs.enqueue(
        c.get('actor'),
        FORECAST_RUN,
        body?.horizon ? { horizon: body.horizon } : {},
      );
      return c.json(job, 202);
    },
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{sku}',
      tags: ['Forecasts'],
      summary: 'Daily demand forecast with quantiles, the model, and the history it saw',
      request: { params: SkuParam, query: ForecastQuerySchema },
      responses: { 200: jsonResponse('Forecast', ForecastSchema) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await sw.forecasts.get(c.get('actor'), c.req.valid('param').sku, {
          location: q.location,
          horizon: q.horizon,
          historyDays: q.historyDays,
        }),
        200,
      );
    },
  );
  return app;
}
