/**
 * A hub's purchase row in the network plan (docs/formulas.md Planning position): bought for the
 * echelon, shown with the hub's own position.
 */
import type { LineRequest, PlanLine, PlanLocation, PlanProduct } from './plan-line';
import { recommendLine } from './plan-line';
import { planningPosition } from './position';

/**
 * The hub purchase is planned on the echelon; its row shows the hub's own position (its own stock,
 * demand and lead time, the excess line measured against the demand it serves) and keeps the echelon's
 * figures apart.
 */
export function withLocalPosition<P extends PlanProduct, L extends PlanLocation>(
  hubLine: PlanLine<P, L>,
  a: Pick<
    LineRequest<P, L>,
    'product' | 'supplier' | 'term' | 'setting' | 'asOf' | 'stock' | 'forecast' | 'lead'
  > & {
    fcLines: readonly PlanLine<P, L>[];
  },
): PlanLine<P, L> {
  const local = recommendLine({
    ...a,
    location: hubLine.location,
    action: 'purchase',
    source: hubLine.source,
  }).position;
  const downstream = a.fcLines.reduce((s, r) => s + r.position.dailyDemand, 0);
  const position = planningPosition({
    productId: local.productId,
    sku: local.sku,
    locationId: local.locationId,
    location: local.location,
    locationType: local.locationType,
    asOf: a.asOf,
    stock: a.stock,
    forecast: a.forecast.f,
    demandSource: a.forecast.source,
    local: { alert: local.alert, leadTimeDays: local.leadTimeDays },
    coverLowDays: local.coverLowDays,
    coverHighDays: local.coverHighDays,
    downstreamDailyDemand: downstream,
  });
  const rec = hubLine.rec;
  return {
    ...hubLine,
    position,
    echelon: {
      available: rec.reasoning.position.available,
      inbound: rec.reasoning.position.inbound,
      dailyDemand: rec.dailyDemand,
      daysOfSupply: rec.daysOfSupply,
      alert: rec.alert,
    },
  };
}
