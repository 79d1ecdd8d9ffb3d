import { SkuParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { jsonResponse, section } from '../http/router';
import { CategoryParam, OverridesInputSchema, OverridesSchema } from './overrides.schema';

const SCALE_OR_REPLACE =
  'scale (× value) or replace (value units a day) the forecast over periods; the planning position and restock use it';

/** `/api/v1/forecasts/{sku}/overrides` and `/api/v1/forecasts/categories/{category}/overrides`. */
export function overridesRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Forecasts']);

  /**
   * Read, set and remove the overrides of what the path names: its parameters (`{ sku }` or `{ category }`) are
   * the service's `OverridesOf` as they are.
   */
  const overridesOf = (path: string, whose: string, params: typeof CategoryParam | typeof SkuParam) => {
    serve(
      op.read(path, `A ${whose} forecast overrides`, params, jsonResponse('Overrides', OverridesSchema)),
      (actor, { param }) => sw.overrides.list(actor, param),
    );
    serve(
      op.change(
        path,
        `Set a ${whose} forecast overrides: ${SCALE_OR_REPLACE}`,
        { method: 'put', params, body: OverridesInputSchema },
        jsonResponse('Overrides', OverridesSchema),
      ),
      (actor, { param, json }) => sw.overrides.replace(actor, param, json.overrides),
    );
    serve(op.remove(path, `Remove a ${whose} forecast overrides`, params, 'Removed'), (actor, { param }) =>
      sw.overrides.remove(actor, param),
    );
  };

  overridesOf('/categories/{category}/overrides', "category's", CategoryParam);
  overridesOf('/{sku}/overrides', "SKU's", SkuParam);
  return app;
}
