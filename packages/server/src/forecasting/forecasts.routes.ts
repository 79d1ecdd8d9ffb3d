import { z } from '@hono/zod-openapi';
import { JobSchema } from '../accounts/auth.schema';
import { SkuParam } from '../http/common.schema';
import { AccuracySchema, ForecastQuerySchema, ForecastRunSchema, ForecastSchema } from './forecast.schema';
import { startForecastRun } from './forecast.jobs';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  jsonResponse,
  optionalJsonBody,
  section,
  securedRoute,
} from '../http/router';

export function forecastsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Forecasts']);

  serve(
    op.query(
      '/accuracy',
      'Accuracy of past forecasts against actual sales (WAPE, bias, quantile coverage)',
      z.object({ windowDays: z.coerce.number().int().min(1).max(90).default(28) }),
      jsonResponse('Accuracy', AccuracySchema),
    ),
    (actor, { query }) => sw.forecasts.accuracy(actor, { windowDays: query.windowDays }),
  );

  serve(
    securedRoute({
      method: 'post',
      path: '/run',
      tags: ['Forecasts'],
      summary: 'Start a forecast run for every SKU (a background job; poll /jobs/{id} for progress)',
      request: { headers: IdempotencyHeaderSchema, ...optionalJsonBody(ForecastRunSchema) },
      responses: { 202: jsonResponse('Started', JobSchema) },
    }),
    (actor, { json: body }) => startForecastRun(sw.jobs, actor, { horizon: body?.horizon, asOf: body?.asOf }),
  );

  serve(
    op.view(
      '/{sku}',
      'Daily demand forecast with quantiles, the model, and the history it saw',
      { params: SkuParam, query: ForecastQuerySchema },
      jsonResponse('Forecast', ForecastSchema),
    ),
    (actor, { param, query: { location, horizon, historyDays, asOf } }) =>
      sw.forecasts.get(actor, param.sku, { location, horizon, historyDays, asOf }),
  );
  return app;
}
