import { SkuParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { jsonResponse, section } from '../http/router';
import { CategoryParam, OverridesInputSchema, OverridesSchema } from './overrides.schema';

const SCALE_OR_REPLACE =
  'scale (× value) or replace (value units a day) the forecast over periods; the planning position and restock use it';

/** `/api/v1/forecasts/{sku}/overrides` and `/api/v1/forecasts/categories/{category}/overrides`. */
export function overridesRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Forecasts']);

  serve(
    op.read(
      '/categories/{category}/overrides',
      "A category's forecast overrides",
      CategoryParam,
      jsonResponse('Overrides', OverridesSchema),
    ),
    (actor, { param }) => sw.overrides.list(actor, { category: param.category }),
  );
  serve(
    op.change(
      '/categories/{category}/overrides',
      `Set a category's forecast overrides: ${SCALE_OR_REPLACE}`,
      { method: 'put', params: CategoryParam, body: OverridesInputSchema },
      jsonResponse('Overrides', OverridesSchema),
    ),
    (actor, { param, json }) => sw.overrides.replace(actor, { category: param.category }, json.overrides),
  );
  serve(
    op.remove(
      '/categories/{category}/overrides',
      "Remove a category's forecast overrides",
      CategoryParam,
      'Removed',
    ),
    async (actor, { param }) => {
      await sw.overrides.remove(actor, { category: param.category });
      return undefined;
    },
  );

  serve(
    op.read(
      '/{sku}/overrides',
      "A SKU's forecast overrides",
      SkuParam,
      jsonResponse('Overrides', OverridesSchema),
    ),
    (actor, { param }) => sw.overrides.list(actor, { sku: param.sku }),
  );
  serve(
    op.change(
      '/{sku}/overrides',
      `Set a SKU's forecast overrides: ${SCALE_OR_REPLACE}`,
      { method: 'put', params: SkuParam, body: OverridesInputSchema },
      jsonResponse('Overrides', OverridesSchema),
    ),
    (actor, { param, json }) => sw.overrides.replace(actor, { sku: param.sku }, json.overrides),
  );
  serve(
    op.remove('/{sku}/overrides', "Remove a SKU's forecast overrides", SkuParam, 'Removed'),
    async (actor, { param }) => {
      await sw.overrides.remove(actor, { sku: param.sku });
      return undefined;
    },
  );
  return app;
}
